import { describe, expect, it } from 'vitest';
import { withCustomFieldColumns } from '../table/columns';
import { defaultLayout, moveColumn, resolveLayout, setColumnVisible, setColumnWidth } from './column-layout';
import { columnOptions, tableColumnState } from './column-options';
import { localTimeColumn } from '../table/local-time-column';

const columns = [...withCustomFieldColumns([{ label: 'Imgur URL', code: 'custom_1' }]), localTimeColumn];
const options = columnOptions(columns);

describe('column options', () => {
  it('offers every column but the pinned email, by label, custom fields and local time included', () => {
    const labels = options.map((option) => option.label);
    expect(labels).not.toContain('Email Address');
    expect(labels).toEqual(expect.arrayContaining(['Full Name', 'Imgur URL', 'Local time', 'Last open']));
    expect(options.find((option) => option.id === 'last_open')).toMatchObject({
      defaultVisible: true,
      note: 'with a campaign',
    });
  });

  it('puts the pinned column first and shows campaign columns only with a campaign', () => {
    let layout = defaultLayout(options);
    layout = setColumnVisible(layout, 'local_time', true);
    layout = moveColumn(layout, 'stage', -1);
    layout = setColumnWidth(layout, 'full_name', 300);
    const without = tableColumnState(layout, columns, false);
    expect(without.columnOrder.slice(0, 3)).toEqual(['email', 'stage', 'full_name']);
    expect(without.columnOrder).not.toContain('last_open');
    expect(without.columnVisibility.last_open).toBe(false);
    expect(without.columnVisibility.email).toBe(true);
    expect(without.columnVisibility.local_time).toBe(true);
    expect(without.columnOrder.at(-1)).toBe('local_time');
    expect(without.columnSizing).toEqual({ full_name: 300 });

    // As the grid reads it: stored, then resolved against the columns.
    const withCampaign = tableColumnState(resolveLayout(layout, options), columns, true);
    // The six campaign timestamps follow Stage, wherever the person moved Stage.
    expect(withCampaign.columnOrder.slice(0, 9)).toEqual([
      'email',
      'stage',
      'last_sent',
      'last_open',
      'last_click',
      'last_reply',
      'last_unsubscribe',
      'last_bounce',
      'full_name',
    ]);
    expect(withCampaign.columnVisibility.last_open).toBe(true);
  });
});
