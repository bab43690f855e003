import { constructTable, tableFeatures } from '@tanstack/react-table';
import { storeReactivityBindings } from '@tanstack/table-core/store-reactivity-bindings';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { readAnswer, readContactAnswer } from '../../../shared/contract';
import { withCustomFieldColumns } from './columns';
import { contactTableFeatures } from './contact-table';
import { localTimeColumn } from './local-time-column';
import { renderedCellContent } from './rendered-cell';

const contact = readAnswer(readContactAnswer, {
  id: 'c1',
  email: 'ana@example.com',
  full_name: 'Ana Lima',
  stage: 'Interested',
  lead_score: '1234.5',
  website_1: 'https://example.com/ana',
  timezone: 'Europe/Lisbon',
  custom_1: 'Gold tier',
});

const columns = [...withCustomFieldColumns([{ code: 'custom_1', label: 'Tier' }]), localTimeColumn];

const table = constructTable({
  features: tableFeatures({ ...contactTableFeatures, coreReactivityFeature: storeReactivityBindings() }),
  columns,
  data: [contact],
});

const row = table.getRowModel().rows[0];

/** A column's cell for the contact, as markup, made the way the grid makes it. */
function shown(columnId: string): string {
  const column = table.getColumn(columnId);
  if (!row || !column) throw new Error(`No row or no column ${columnId}.`);
  return renderToStaticMarkup(<>{renderedCellContent(row, column)}</>);
}

describe('renderedCellContent', () => {
  it("shows each column's value for the row, formatted as its column formats it", () => {
    expect(shown('email')).toBe('ana@example.com');
    expect(shown('full_name')).toBe('Ana Lima');
    expect(shown('stage')).toContain('Interested');
    expect(shown('lead_score')).toBe('1,234.5');
    expect(shown('website_1')).toContain('href="https://example.com/ana"');
    expect(shown('custom_1')).toBe('Gold tier');
    expect(shown('city')).toContain('—');
  });

  // The grid calls cell templates as plain functions, outside React's rendering: a template
  // that used a hook would throw here.
  it('renders every column outside a component, so no template relies on hooks', () => {
    for (const column of table.getAllLeafColumns()) expect(() => shown(column.id)).not.toThrow();
  });
});
