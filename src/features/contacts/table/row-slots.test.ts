import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignRowSlots, type RowSlots } from './row-slots';

const rowsFrom = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe('assignRowSlots', () => {
  it('hands the slots of rows scrolled out to the rows scrolled in, keeping each stripe', () => {
    const first = assignRowSlots(new Map(), rowsFrom(0, 6));
    const second = assignRowSlots(first, rowsFrom(2, 6));
    // Rows 2..5 stayed where they were.
    for (const index of [2, 3, 4, 5]) expect(second.get(index)).toBe(first.get(index));
    // Rows 6 and 7 took the elements of rows 0 and 1, of the same parity; no element was created.
    expect(second.get(6)).toBe(first.get(0));
    expect(second.get(7)).toBe(first.get(1));
    expect(new Set(second.values())).toEqual(new Set(first.values()));
  });

  it('keeps every slot when a new page shows the same row positions', () => {
    const first = assignRowSlots(new Map(), rowsFrom(0, 30));
    expect(assignRowSlots(first, rowsFrom(0, 30))).toEqual(first);
  });

  it('creates slots only when the window grows', () => {
    const first = assignRowSlots(new Map(), rowsFrom(0, 4));
    const grown = assignRowSlots(first, rowsFrom(0, 7));
    expect(new Set(grown.values()).size).toBe(7);
    for (const index of rowsFrom(0, 4)) expect(grown.get(index)).toBe(first.get(index));
  });

  it('always gives distinct slots of the row parity, whatever the windows', () => {
    const windows = fc.array(
      fc.tuple(fc.nat(5000), fc.integer({ min: 0, max: 60 })).map(([from, count]) => rowsFrom(from, count)),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(windows, (sequence) => {
        let slots: RowSlots = new Map();
        for (const indexes of sequence) {
          const next = assignRowSlots(slots, indexes);
          expect([...next.keys()].sort((a, b) => a - b)).toEqual(indexes);
          expect(new Set(next.values()).size).toBe(indexes.length);
          for (const [index, slot] of next) expect(slot.startsWith(index % 2 ? 'odd-' : 'even-')).toBe(true);
          for (const [index, slot] of slots) if (next.has(index)) expect(next.get(index)).toBe(slot);
          slots = next;
        }
      }),
      { numRuns: 500 },
    );
  });
});
