import { describe, expect, it } from 'vitest';
import { CAMPAIGN_TIMESTAMP_FIELDS, CONTACT_FIELDS, readFieldList } from '../../../shared/contract';
import { withCustomFieldColumns } from '../table/columns';
import { localTimeColumn } from '../table/local-time-column';
import { decodeLayoutParam } from './column-layout';
import { columnOptions } from './column-options';
import { pageFields, sharedLinkLayout } from './page-fields';

const DEFAULT_FIELDS = 'city,company_name,country,email,full_name,id,last_activity,lead_score,stage,title';

/** A layout as the Columns dialog stores it: every column in order, some shown. */
function storedLayout(visible: unknown[], extra: string[] = []) {
  const order = [
    ...CONTACT_FIELDS.map((field) => field.code),
    ...CAMPAIGN_TIMESTAMP_FIELDS.map((field) => field.code),
    'created',
    'local_time',
    ...extra,
  ];
  return { order, visible, widths: {} };
}

describe('pageFields', () => {
  it('asks for the default columns and what every row reads, without a stored layout', () => {
    expect(pageFields(null, false)).toBe(DEFAULT_FIELDS);
    expect(pageFields('not a layout', false)).toBe(DEFAULT_FIELDS);
  });

  it('adds the campaign timestamps while a campaign is chosen', () => {
    expect(pageFields(null, true).split(',')).toEqual(
      expect.arrayContaining(CAMPAIGN_TIMESTAMP_FIELDS.map((field) => field.code)),
    );
  });

  it('follows the stored layout: a shown column adds its field, a hidden one drops it', () => {
    const stored = storedLayout(['email', 'stage', 'zip', 'created', 'local_time']);
    expect(pageFields(stored, false)).toBe('created,email,full_name,id,stage,timezone,zip');
  });

  it('asks for stored custom columns before all-fields has named them, and ignores unknown ids', () => {
    const stored = storedLayout(['email', 'custom_4', 'password', 7], ['custom_4']);
    expect(pageFields(stored, false)).toBe('custom_4,email,full_name,id,stage');
  });

  it('always writes a list the server accepts', () => {
    const stored = storedLayout(['custom_1', 'local_time', 'last_open', 'active'], ['custom_1']);
    for (const campaign of [false, true]) {
      const fields = pageFields(stored, campaign);
      expect(readFieldList(fields)).toEqual({ ok: true, value: fields.split(',') });
    }
  });

  it("asks a shared link's page for the fields of the layout the grid adopts from it", () => {
    const custom = [{ code: 'custom_2', label: 'Deal size' }];
    const options = columnOptions([...withCustomFieldColumns(custom), localTimeColumn]);
    for (const param of ['email~240.middle_name.custom_2.local_time', 'stage.last_open', 'nope.zip']) {
      const adopted = decodeLayoutParam(param, options).layout;
      for (const campaign of [false, true]) {
        expect(pageFields(sharedLinkLayout(param), campaign), param).toBe(pageFields(adopted, campaign));
      }
    }
    expect(pageFields(sharedLinkLayout('email.custom_2'), false)).toBe('custom_2,email,full_name,id,stage');
  });
});
