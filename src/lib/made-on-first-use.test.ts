import { describe, expect, it } from 'vitest';
import { madeOnFirstUse } from './made-on-first-use';

describe('madeOnFirstUse', () => {
  it('makes nothing until asked, then makes the value once and keeps it', () => {
    let made = 0;
    const value = madeOnFirstUse(() => ({ made: ++made }));
    expect(made).toBe(0);
    const first = value();
    expect(value()).toBe(first);
    expect(made).toBe(1);
  });

  it('keeps a value that is falsy as well', () => {
    let made = 0;
    const value = madeOnFirstUse(() => {
      made++;
      return 0;
    });
    expect([value(), value()]).toEqual([0, 0]);
    expect(made).toBe(1);
  });
});
