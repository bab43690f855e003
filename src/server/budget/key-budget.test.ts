import { describe, expect, it } from 'vitest';
import { asksForFresh, normaliseQuery, readPurpose } from './key-budget';

describe('normaliseQuery', () => {
  it('spells the same question one way: names sorted, repeated names in their order', () => {
    expect(normaliseQuery('workspace=w&page=2&display=100')).toBe('display=100&page=2&workspace=w');
    expect(normaliseQuery('stage=b&page=1&stage=a&flag')).toBe('flag&page=1&stage=b&stage=a');
    expect(normaliseQuery('')).toBe('');
  });
});

describe('readPurpose', () => {
  it('reads the app’s purpose header and queues anything else with the reference data', () => {
    expect(readPurpose({ 'x-request-purpose': 'export' })).toBe('export');
    expect(readPurpose({ 'x-request-purpose': ' Page ' })).toBe('page');
    expect(readPurpose({ 'x-request-purpose': 'urgent!' })).toBe('reference');
    expect(readPurpose({})).toBe('reference');
  });
});

describe('asksForFresh', () => {
  it('is true for no-cache, max-age=0 and Pragma: no-cache, not for other directives', () => {
    expect(asksForFresh({ 'cache-control': 'no-cache' })).toBe(true);
    expect(asksForFresh({ 'cache-control': 'max-age=0' })).toBe(true);
    expect(asksForFresh({ pragma: 'no-cache' })).toBe(true);
    expect(asksForFresh({ 'cache-control': 'max-age=60' })).toBe(false);
    expect(asksForFresh({})).toBe(false);
  });
});
