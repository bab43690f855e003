import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_COLUMN_WIDTH,
  MIN_COLUMN_WIDTH,
  columnLayoutStorageKey,
  decodeLayoutParam,
  defaultLayout,
  encodeLayoutParam,
  moveColumn,
  resolveLayout,
  setColumnVisible,
  setColumnWidth,
  visibleColumnIds,
  type ColumnLayout,
  type ColumnOption,
} from './column-layout';

const columns: ColumnOption[] = [
  { id: 'full_name', label: 'Full Name', defaultVisible: true },
  { id: 'stage', label: 'Stage', defaultVisible: true },
  { id: 'title', label: 'Title', defaultVisible: false },
  { id: 'company_name', label: 'Company Name', defaultVisible: true },
  { id: 'custom_1', label: 'Imgur URL', defaultVisible: false },
];

describe('column layout', () => {
  it('defaults to the default columns in their order', () => {
    const layout = defaultLayout(columns);
    expect(visibleColumnIds(layout)).toEqual(['full_name', 'stage', 'company_name']);
    expect(layout.widths).toEqual({});
  });

  it('shows, hides, moves among shown columns and resizes', () => {
    let layout = defaultLayout(columns);
    layout = setColumnVisible(layout, 'custom_1', true);
    layout = setColumnVisible(layout, 'stage', false);
    expect(visibleColumnIds(layout)).toEqual(['full_name', 'company_name', 'custom_1']);
    layout = moveColumn(layout, 'custom_1', -1);
    layout = moveColumn(layout, 'custom_1', -1);
    expect(visibleColumnIds(layout)).toEqual(['custom_1', 'full_name', 'company_name']);
    expect(moveColumn(layout, 'custom_1', -1)).toBe(layout);
    expect(moveColumn(layout, 'stage', 1)).toBe(layout);
    layout = moveColumn(layout, 'full_name', 1);
    expect(visibleColumnIds(layout)).toEqual(['custom_1', 'company_name', 'full_name']);
    layout = setColumnWidth(layout, 'full_name', 233.6);
    layout = setColumnWidth(layout, 'company_name', 5);
    layout = setColumnWidth(layout, 'custom_1', 1e9);
    expect(layout.widths).toEqual({
      full_name: 234,
      company_name: MIN_COLUMN_WIDTH,
      custom_1: MAX_COLUMN_WIDTH,
    });
    expect(setColumnWidth(layout, 'nope', 100)).toBe(layout);
    expect(setColumnVisible(layout, 'nope', true)).toBe(layout);
  });

  it('resolves stored layouts against the columns that exist', () => {
    const stored = {
      order: ['company_name', 'gone_field', 'full_name', 'full_name', 'stage', 'title'],
      visible: ['company_name', 'gone_field', 'title'],
      widths: { company_name: 300, gone_field: 120, title: -4, full_name: Number.NaN },
    };
    const layout = resolveLayout(stored, columns);
    // custom_1 was unknown to the stored layout: it joins after its default neighbour, hidden by default.
    expect(layout.order).toEqual(['company_name', 'custom_1', 'full_name', 'stage', 'title']);
    expect(visibleColumnIds(layout)).toEqual(['company_name', 'title']);
    expect(layout.widths).toEqual({ company_name: 300, title: MIN_COLUMN_WIDTH });
  });

  it('falls back to defaults for garbage and repairs broken parts', () => {
    for (const garbage of [null, undefined, 'x', 42, [], { order: 'nope' }]) {
      const layout = resolveLayout(garbage, columns);
      expect(visibleColumnIds(layout)).toEqual(visibleColumnIds(defaultLayout(columns)));
    }
    const layout = resolveLayout({ order: ['title'], visible: ['title'], widths: 'wide' }, columns);
    // Columns the stored layout did not know keep their default visibility, next to their neighbours.
    expect(visibleColumnIds(layout)).toEqual(['full_name', 'stage', 'title', 'company_name']);
    expect(layout.widths).toEqual({});
  });

  it('always resolves to every known column exactly once', () => {
    fc.assert(
      fc.property(fc.anything(), (stored) => {
        const layout = resolveLayout(stored, columns);
        expect([...layout.order].sort()).toEqual(columns.map((column) => column.id).sort());
        for (const id of layout.visible) expect(layout.order).toContain(id);
        for (const width of Object.values(layout.widths)) {
          expect(width).toBeGreaterThanOrEqual(MIN_COLUMN_WIDTH);
          expect(width).toBeLessThanOrEqual(MAX_COLUMN_WIDTH);
        }
      }),
    );
  });

  it('encodes the shown columns and widths into a readable URL value and back', () => {
    let layout = setColumnVisible(defaultLayout(columns), 'custom_1', true);
    layout = moveColumn(layout, 'custom_1', -1);
    layout = setColumnWidth(layout, 'full_name', 240);
    const param = encodeLayoutParam(layout);
    expect(param).toBe('full_name~240.stage.custom_1.company_name');
    expect(new URLSearchParams({ cols: param }).toString()).toBe(`cols=${param.replaceAll('~', '%7E')}`);
    const { layout: decoded, unknown } = decodeLayoutParam(param, columns);
    expect(unknown).toEqual([]);
    expect(visibleColumnIds(decoded)).toEqual(visibleColumnIds(layout));
    expect(decoded.widths).toEqual({ full_name: 240 });
  });

  it('round-trips any layout through the URL value', () => {
    const layouts = fc
      .tuple(
        fc.shuffledSubarray(columns.map((column) => column.id)),
        fc.array(fc.integer({ min: MIN_COLUMN_WIDTH, max: MAX_COLUMN_WIDTH }), {
          minLength: 5,
          maxLength: 5,
        }),
        fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
      )
      .filter(([shown]) => shown.length > 0);
    fc.assert(
      fc.property(layouts, ([shown, widths, resized]) => {
        const hidden = columns.map((column) => column.id).filter((id) => !shown.includes(id));
        let layout: ColumnLayout = { order: [...hidden, ...shown], visible: shown, widths: {} };
        shown.forEach((id, i) => {
          if (resized[i]) layout = setColumnWidth(layout, id, widths[i] ?? 100);
        });
        const decoded = decodeLayoutParam(encodeLayoutParam(layout), columns).layout;
        expect(visibleColumnIds(decoded)).toEqual(shown);
        expect(decoded.widths).toEqual(layout.widths);
      }),
    );
  });

  it('drops and reports unknown or malformed parts of a link', () => {
    const { layout, unknown } = decodeLayoutParam('stage~abc.bogus~100..stage.title~99999.<img>', columns);
    expect(unknown).toEqual(['bogus', '<img>']);
    expect(visibleColumnIds(layout)).toEqual(['stage', 'title']);
    expect(layout.widths).toEqual({ title: MAX_COLUMN_WIDTH });
    expect(layout.order).toHaveLength(columns.length);
    expect(visibleColumnIds(decodeLayoutParam('', columns).layout)).toEqual(
      visibleColumnIds(defaultLayout(columns)),
    );
  });

  describe('columns that follow another', () => {
    const withFollowers: ColumnOption[] = [
      ...columns,
      { id: 'last_open', label: 'Last open', defaultVisible: true, follows: 'stage' },
      { id: 'last_reply', label: 'Last reply', defaultVisible: true, follows: 'stage' },
    ];

    it('sit right after their leader, in their own order, by default and in older stored layouts', () => {
      const expected = ['full_name', 'stage', 'last_open', 'last_reply', 'company_name'];
      expect(visibleColumnIds(defaultLayout(withFollowers))).toEqual(expected);
      // Stored before followers existed: the timestamps at the far right, as the old default put them.
      const stored = {
        order: ['full_name', 'stage', 'title', 'company_name', 'custom_1', 'last_open', 'last_reply'],
        visible: ['full_name', 'stage', 'company_name', 'last_open', 'last_reply'],
        widths: {},
      };
      expect(visibleColumnIds(resolveLayout(stored, withFollowers))).toEqual(expected);
    });

    it('follow their leader when it moves, and stay where the person moved them', () => {
      // As the grid keeps it: each change stored as JSON and resolved again.
      const move = (layout: ColumnLayout, id: string, direction: -1 | 1) =>
        resolveLayout(JSON.parse(JSON.stringify(moveColumn(layout, id, direction))), withFollowers);
      let layout = move(defaultLayout(withFollowers), 'stage', -1);
      expect(visibleColumnIds(layout)).toEqual([
        'stage',
        'last_open',
        'last_reply',
        'full_name',
        'company_name',
      ]);
      layout = move(move(layout, 'company_name', -1), 'company_name', -1);
      expect(visibleColumnIds(layout)).toEqual([
        'stage',
        'last_open',
        'company_name',
        'last_reply',
        'full_name',
      ]);
      layout = move(move(layout, 'last_open', 1), 'last_open', 1);
      expect(visibleColumnIds(layout)).toEqual([
        'stage',
        'company_name',
        'last_reply',
        'last_open',
        'full_name',
      ]);
    });

    it("keep a shared link's order, and their place when the link hides them", () => {
      const linked = decodeLayoutParam('last_reply.full_name.stage', withFollowers).layout;
      expect(visibleColumnIds(linked)).toEqual(['last_reply', 'full_name', 'stage']);
      const hidden = decodeLayoutParam('full_name.stage', withFollowers).layout;
      expect(visibleColumnIds(setColumnVisible(hidden, 'last_open', true))).toEqual([
        'full_name',
        'stage',
        'last_open',
      ]);
    });

    it('stay put when their leader is not a column here', () => {
      const orphan: ColumnOption[] = [
        { id: 'full_name', label: 'Full Name', defaultVisible: true },
        { id: 'last_open', label: 'Last open', defaultVisible: true, follows: 'stage' },
        { id: 'title', label: 'Title', defaultVisible: true },
      ];
      expect(visibleColumnIds(defaultLayout(orphan))).toEqual(['full_name', 'last_open', 'title']);
    });
  });

  it('keeps one storage key per workspace', () => {
    expect(columnLayoutStorageKey('space_a')).not.toBe(columnLayoutStorageKey('space_b'));
  });
});
