import { readFile } from 'node:fs/promises';
import type { Download } from '@playwright/test';

/** A downloaded CSV as a spreadsheet would read it: the byte order mark checked, then RFC 4180 parsed. */
export type CsvFile = { bom: boolean; header: string[]; rows: string[][]; fileName: string };

export async function readCsvDownload(download: Download): Promise<CsvFile> {
  const path = await download.path();
  const bytes = await readFile(path);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  const [header = [], ...rows] = parseCsv(text);
  return { bom, header, rows, fileName: download.suggestedFilename() };
}

/** RFC 4180, strict: CRLF line ends, quotes doubled inside quoted fields, nothing after a closing quote. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else {
        quoted = false;
        if (text[i + 1] !== ',' && text[i + 1] !== '\r')
          throw new Error(`text after a closing quote at ${i}`);
      }
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else if (char === '\r' || char === '\n' || char === '"')
      throw new Error(`unquoted ${JSON.stringify(char)} at ${i}`);
    else field += char;
  }
  if (quoted || field !== '' || row.length > 0) throw new Error('the file does not end with CRLF');
  return rows;
}

/** What a cell holds for an API value: formula starters neutralised with a leading quote (OWASP). */
export function expectedCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
