import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, parseFilters } from '../params/filter-params';
import { decodeLayoutParam, defaultLayout, setColumnWidth, visibleColumnIds } from './column-layout';
import { splitLayoutParam, viewLink } from './shared-view-link';

const options = [
  { id: 'full_name', label: 'Full Name', defaultVisible: true },
  { id: 'stage', label: 'Stage', defaultVisible: true },
  { id: 'title', label: 'Title', defaultVisible: false },
];

describe('view links', () => {
  it('carry the filters and the columns, and split back into both', () => {
    const filters = {
      ...DEFAULT_FILTERS,
      workspace: 'space_a',
      stage: 'Replied' as const,
      contact: 'contact_x',
    };
    const layout = setColumnWidth(defaultLayout(options), 'stage', 120);
    const link = viewLink('http://127.0.0.1:4173', '/', filters, layout);
    expect(link).toBe('http://127.0.0.1:4173/?workspace=space_a&stage=Replied&cols=full_name.stage~120');

    const { layoutParam, rest } = splitLayoutParam(new URL(link).search);
    expect(rest).toBe('?workspace=space_a&stage=Replied');
    expect(parseFilters(rest).notices).toEqual([]);
    const decoded = decodeLayoutParam(layoutParam ?? '', options).layout;
    expect(visibleColumnIds(decoded)).toEqual(['full_name', 'stage']);
    expect(decoded.widths).toEqual({ stage: 120 });
  });

  it('works without filters and leaves a link without columns alone', () => {
    expect(viewLink('https://x.example', '/app', DEFAULT_FILTERS, defaultLayout(options))).toBe(
      'https://x.example/app?cols=full_name.stage',
    );
    expect(splitLayoutParam('?workspace=space_a')).toEqual({ layoutParam: null, rest: '?workspace=space_a' });
    expect(splitLayoutParam('?cols=stage')).toEqual({ layoutParam: 'stage', rest: '' });
  });
});
