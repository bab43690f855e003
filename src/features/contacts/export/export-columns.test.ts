import { describe, expect, it } from 'vitest';
import { readAnswer, readContactAnswer } from '../../../shared/contract';
import { csvHeader, csvRows } from './csv';
import { csvColumnsFor, isoTimestamp } from './export-columns';

const contact = readAnswer(readContactAnswer, {
  id: 'contact_1',
  email: 'ana@acme.example',
  full_name: '=2+3',
  lead_score: 75,
  timezone: 'America/New_York',
  created: 1654714807,
  last_open: 1700000000,
  last_reply: null,
  custom_3: { nested: true },
});

describe('csvColumnsFor', () => {
  it('exports the chosen columns in order with their labels and the API values', () => {
    const columns = csvColumnsFor(
      [
        { id: 'email', label: 'Email Address' },
        { id: 'full_name', label: 'Full Name' },
        { id: 'lead_score', label: 'Lead Score' },
        { id: 'created', label: 'Created' },
        { id: 'last_open', label: 'Last open' },
        { id: 'last_reply', label: 'Last reply' },
        { id: 'custom_3', label: 'Imgur URL' },
        { id: 'local_time', label: 'Local time' },
        { id: 'missing', label: 'Missing' },
      ],
      new Date(Date.UTC(2026, 10, 27, 15, 4)),
    );
    expect(csvHeader(columns)).toBe(
      '\uFEFFEmail Address,Full Name,Lead Score,Created,Last open,Last reply,Imgur URL,Local time,Missing\r\n',
    );
    expect(csvRows([contact], columns)).toBe(
      `ana@acme.example,'=2+3,75,2022-06-08T19:00:07Z,2023-11-14T22:13:20Z,,"{""nested"":true}","Fri, 10:04 AM GMT-5",\r\n`,
    );
  });

  it('writes ISO 8601 UTC timestamps', () => {
    expect(isoTimestamp(0)).toBe('1970-01-01T00:00:00Z');
    expect(isoTimestamp(1e20)).toBe('100000000000000000000');
  });
});
