import type { ValueDrift } from '../../../shared/contract';
import { formatCount } from '../table/format';

/**
 * Words for the values of a page that came in unexpected forms. Only field names, forms, counts
 * and paths: never a contact's value, so the details can go into a bug report as they are.
 */

export type DriftSummary = {
  /** "12 values in 3 fields (last_sent, zip, stage) came in unexpected forms." */
  headline: string;
  /** The path of the first drifted value, e.g. "data[5].last_sent". */
  example: string;
  /** Field, form and count per line, for "Copy details". */
  details: string;
};

function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

export function summariseDrift(drift: readonly ValueDrift[]): DriftSummary | null {
  const first = drift[0];
  if (first === undefined) return null;
  const fields = [...new Set(drift.map((entry) => entry.field))];
  const values = drift.reduce((sum, entry) => sum + entry.count, 0);
  const headline = `${plural(values, 'value', 'values')} in ${plural(fields.length, 'field', 'fields')} (${fields.join(', ')}) came in ${values === 1 ? 'an unexpected form' : 'unexpected forms'}.`;
  const details = [
    'Mailstand values in unexpected forms on one page (field: form ×count, first path):',
    ...drift.map((entry) => `${entry.field}: ${entry.form} ×${entry.count}, first at ${entry.example}`),
  ].join('\n');
  return { headline, example: first.example, details };
}
