import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignRowSlots, inSlotOrder, type RowSlots } from './row-slots';

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
          for (const [index, slot] of next) expect(slot % 2).toBe(index % 2);
          for (const [index, slot] of slots) if (next.has(index)) expect(next.get(index)).toBe(slot);
          slots = next;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('numbers the slots of a fresh window in row order', () => {
    const slots = assignRowSlots(new Map(), rowsFrom(0, 9));
    expect(inSlotOrder(rowsFrom(0, 9), slots)).toEqual(rowsFrom(0, 9));
  });
});

describe('inSlotOrder', () => {
  it('never changes the order of the elements that stay while scrolling, so none is moved', () => {
    const windows = fc.array(
      fc.tuple(fc.nat(3000), fc.integer({ min: 0, max: 50 })).map(([from, count]) => rowsFrom(from, count)),
      { minLength: 2, maxLength: 30 },
    );
    fc.assert(
      fc.property(windows, (sequence) => {
        let slots: RowSlots = new Map();
        let order: number[] = [];
        for (const indexes of sequence) {
          const next = assignRowSlots(slots, indexes);
          const nextOrder = inSlotOrder(indexes, next).map((index) => next.get(index));
          // The slots rendered both times stand in the same relative order.
          const kept = new Set(nextOrder);
          expect(nextOrder.filter((slot) => order.includes(slot ?? -1))).toEqual(
            order.filter((slot) => kept.has(slot)),
          );
          slots = next;
          order = nextOrder.flatMap((slot) => (slot === undefined ? [] : [slot]));
        }
      }),
      { numRuns: 500 },
    );
  });
});
