import { createColumnHelper, flexRender, tableFeatures, useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { FIRST_PAGE_FILE, INTERESTED_FILE, SECOND_PAGE_FILE } from './floor-files';

/**
 * The benchmark's floor: the same 2000-row page as a static JSON file, drawn by a minimal
 * virtualized TanStack table with the app's default columns as plain text. What the machine needs
 * at least to show those rows; the app is measured against it in the same run. Its Next page
 * button swaps in the second page, read once the browser is idle after the first rows, as the app
 * prefetches it: the least a page switch costs. Its Interested radio fetches the app's own answer
 * for that filter: the least a fetched page costs.
 */

type Row = Record<string, unknown>;

/** The fields of the app's default columns, put in by the build (see buildFloor): the same cells. */
declare const FLOOR_FIELDS: readonly string[];
const ROW_HEIGHT = 36;
const features = tableFeatures({});
const columnHelper = createColumnHelper<typeof features, Row>();
const columns = columnHelper.columns(
  FLOOR_FIELDS.map((field) =>
    columnHelper.accessor((row) => String(row[field] ?? ''), { id: field, header: field }),
  ),
);

function Grid({ rows }: { rows: Row[] }) {
  const table = useTable({ features, columns, data: rows });
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const modelRows = table.getRowModel().rows;
  return (
    <div role="grid" aria-busy="false" ref={scroller} style={{ height: '90vh', overflow: 'auto' }}>
      <div role="row" aria-rowindex={1} style={{ display: 'flex', height: ROW_HEIGHT }}>
        {table.getFlatHeaders().map((header) => (
          <div role="columnheader" key={header.id} style={{ width: 200 }}>
            {flexRender(header.column.columnDef.header, header.getContext())}
          </div>
        ))}
      </div>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = modelRows[item.index];
          if (!row) return null;
          return (
            <div
              role="row"
              aria-rowindex={item.index + 2}
              key={row.id}
              style={{ display: 'flex', position: 'absolute', top: item.start, height: ROW_HEIGHT }}
            >
              {row.getAllCells().map((cell) => (
                <div role="gridcell" key={cell.id} style={{ width: 200, overflow: 'hidden' }}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** A page of rows and what the status line calls it. */
type Page = { name: string; rows: Row[] };

async function readPage(file: string, name: string): Promise<Page> {
  const response = await fetch(file);
  const page = (await response.json()) as { data: Row[] };
  return { name, rows: page.data };
}

function Floor() {
  const [shown, setShown] = useState<Page | null>(null);
  const [next, setNext] = useState<Page | null>(null);
  useEffect(() => {
    void readPage(`/${FIRST_PAGE_FILE}`, 'Page 1').then(setShown);
  }, []);
  useEffect(() => {
    if (shown?.name === 'Page 1') {
      const idle = requestIdleCallback(() => void readPage(`/${SECOND_PAGE_FILE}`, 'Page 2').then(setNext));
      return () => cancelIdleCallback(idle);
    }
  }, [shown]);
  if (shown === null) return <p>Loading…</p>;
  return (
    <>
      <label>
        <input
          type="radio"
          name="stage"
          onChange={() => void readPage(`/${INTERESTED_FILE}`, 'Interested').then(setShown)}
        />
        Interested
      </label>
      <Grid rows={shown.rows} />
      <footer>
        <span role="status">{shown.name}</span>
        <button type="button" disabled={next === null} onClick={() => setShown(next)}>
          Next page
        </button>
      </footer>
    </>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<Floor />);
