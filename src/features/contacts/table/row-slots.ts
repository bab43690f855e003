/**
 * Row recycling for the virtualized grid. React keys each rendered row by a slot rather than by
 * its contact: when scrolling moves one row out of the window and another in, the leaving row's
 * slot (and so its DOM element) is handed to the entering one, and React only updates text
 * instead of creating and styling a new row. Slots keep the parity of their row's index, so a
 * reused element keeps its stripe and its class never changes while scrolling.
 *
 * Rows that stay in the window keep their slot; a page switch keeps every slot (same indexes).
 */
export type RowSlots = ReadonlyMap<number, string>;

export function assignRowSlots(previous: RowSlots, indexes: readonly number[]): Map<number, string> {
  const wanted = new Set(indexes);
  const next = new Map<number, string>();
  const used = new Set<string>();
  const free: [string[], string[]] = [[], []];
  for (const [index, slot] of previous) {
    if (wanted.has(index)) {
      next.set(index, slot);
      used.add(slot);
    } else free[parityOf(index)].push(slot);
  }
  for (const index of indexes) {
    if (next.has(index)) continue;
    const parity = parityOf(index);
    let slot = free[parity].pop();
    if (slot === undefined) {
      // None of this parity left: mint the lowest-numbered name not in use.
      const prefix = parity === 0 ? 'even-' : 'odd-';
      for (let n = 0; slot === undefined; n++) {
        const name = `${prefix}${n}`;
        if (!used.has(name)) slot = name;
      }
    }
    next.set(index, slot);
    used.add(slot);
  }
  return next;
}

function parityOf(index: number): 0 | 1 {
  return index % 2 === 0 ? 0 : 1;
}
