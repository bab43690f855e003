/**
 * Row recycling for the virtualized grid. React keys each rendered row by a slot rather than by
 * its contact: when scrolling moves one row out of the window and another in, the leaving row's
 * slot (and so its DOM element) is handed to the entering one, and React only updates text
 * instead of creating and styling a new row. Slots keep the parity of their row's index (an even
 * slot number for an even row), so a reused element keeps its stripe and its class never changes
 * while scrolling.
 *
 * Rows that stay in the window keep their slot; a page switch keeps every slot (same indexes).
 */
export type RowSlots = ReadonlyMap<number, number>;

export function assignRowSlots(previous: RowSlots, indexes: readonly number[]): Map<number, number> {
  const wanted = new Set(indexes);
  const next = new Map<number, number>();
  const used = new Set<number>();
  const free: [number[], number[]] = [[], []];
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
    // None of this parity left: mint the lowest number of that parity not in use.
    for (let candidate = parity; slot === undefined; candidate += 2) {
      if (!used.has(candidate)) slot = candidate;
    }
    next.set(index, slot);
    used.add(slot);
  }
  return next;
}

/**
 * The rendered rows in the order their elements stand in the DOM: by slot, which never changes
 * while scrolling, so React never moves a row element (a moved element is restyled and laid out
 * afresh). Until rows are recycled this is also row order; the grid states the row order for
 * assistive technology with aria-owns.
 */
export function inSlotOrder(indexes: readonly number[], slots: RowSlots): number[] {
  // Slots are small distinct numbers: placing each row at its slot orders them without a sort.
  const bySlot: (number | undefined)[] = [];
  for (const index of indexes) bySlot[slots.get(index) ?? bySlot.length] = index;
  const ordered: number[] = [];
  for (const index of bySlot) if (index !== undefined) ordered.push(index);
  return ordered;
}

function parityOf(index: number): 0 | 1 {
  return index % 2 === 0 ? 0 : 1;
}
