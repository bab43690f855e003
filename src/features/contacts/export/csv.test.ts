import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, csvHeader, csvRows, type CsvColumn } from './csv';

/** An independent RFC 4180 reader, strict enough to reject what a spreadsheet would misread. */
function parseCsv(text: string): string[][] {
  if (!text.startsWith(CSV_BOM)) throw new Error('missing byte order mark');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = CSV_BOM.length;
  let quoted = false;
  while (i < text.length) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (char === '"') {
        quoted = false;
        i += 1;
        const next = text[i];
        if (next !== ',' && next !== '\r') throw new Error(`text after closing quote at ${i}`);
      } else {
        field += char;
        i += 1;
      }
    } else if (char === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      i += 1;
    } else if (char === ',') {
      row.push(field);
      field = '';
      i += 1;
    } else if (char === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`bare CR at ${i}`);
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (char === '\n') {
      throw new Error(`bare LF at ${i}`);
    } else {
      field += char;
      i += 1;
    }
  }
  if (quoted) throw new Error('unterminated quote');
  if (field !== '' || row.length > 0) throw new Error('last line does not end in CRLF');
  return rows;
}

type Row = { email: string | null; note: string | null };
const columns: CsvColumn<Row>[] = [
  { label: 'Email Address', value: (row) => row.email },
  { label: 'Personal Note 1', value: (row) => row.note },
];
const file = (rows: Row[]) => csvHeader(columns) + csvRows(rows, columns);

describe('csv', () => {
  it('starts with a byte order mark and the labels, and ends every line in CRLF', () => {
    const text = file([{ email: 'a@b.example', note: 'hi' }]);
    expect(text).toBe('\uFEFFEmail Address,Personal Note 1\r\na@b.example,hi\r\n');
  });

  it('quotes commas, quotes, CR and LF and doubles the quotes', () => {
    const hostile = ['a,b', 'say "hi"', 'line1\nline2', 'line1\r\nline2', '"', ',', '\n'];
    for (const note of hostile) {
      expect(parseCsv(file([{ email: 'x', note }]))[1]).toEqual(['x', note]);
    }
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('plain text')).toBe('plain text');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    const formulas = [
      '=HYPERLINK("http://evil.example","click")',
      '+1 (234) 456-7890',
      '-2+3',
      '@SUM(A1:A2)',
      '\t=1+1',
      '\r=1+1',
      "=cmd|' /C calc'!A0",
    ];
    for (const note of formulas) {
      const [, row] = parseCsv(file([{ email: 'x', note }]));
      expect(row?.[1]).toBe(`'${note}`);
    }
    expect(csvCell('a=1')).toBe('a=1');
    expect(csvCell("'already")).toBe("'already");
  });

  it('keeps unicode, right-to-left text and emoji intact', () => {
    const values = ['Zoë Ñúñez', 'مرحبا بالعالم', '\u202Eevil\u202C.exe', '👩🏽‍💻 🚀', '中文,逗号', 'e\u0301'];
    const rows = values.map((note) => ({ email: 'x@y.example', note }));
    expect(parseCsv(file(rows)).slice(1)).toEqual(rows.map((row) => [row.email, row.note]));
  });

  it('writes null and "" as empty cells and keeps long notes whole', () => {
    const long = 'Lorem, "ipsum"\n'.repeat(700).slice(0, 10_000);
    const parsed = parseCsv(
      file([
        { email: null, note: '' },
        { email: 'x', note: long },
      ]),
    );
    expect(parsed[1]).toEqual(['', '']);
    expect(parsed[2]?.[1]).toHaveLength(10_000);
    expect(parsed[2]?.[1]).toBe(long);
  });

  it('writes numbers as text', () => {
    expect(csvRows([7], [{ label: 'n', value: (n: number) => n }])).toBe('7\r\n');
  });

  it('writes nothing for no rows', () => {
    expect(csvRows([], columns)).toBe('');
  });

  it('round-trips any text, prefixing only formula triggers', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ email: fc.option(fc.string()), note: fc.option(fc.string({ unit: 'grapheme' })) }),
        ),
        (rows) => {
          const parsed = parseCsv(file(rows));
          expect(parsed[0]).toEqual(['Email Address', 'Personal Note 1']);
          const expected = rows.map((row) =>
            [row.email, row.note].map((value) => {
              if (value === null) return '';
              return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
            }),
          );
          expect(parsed.slice(1)).toEqual(expected);
        },
      ),
    );
  });
});
