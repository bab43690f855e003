import type { FormCount } from '../../src/shared/contract';
import type { EndpointReport, LiveReport } from './live-check';

/** The report check-live prints: field names, forms and counts only. */

const count = new Intl.NumberFormat('en-US');

/** "last_sent: unix seconds ×1,990, ISO 8601 ×10", one line per field in the order first seen. */
export function formLines(forms: readonly FormCount[]): string[] {
  const byField = new Map<string, FormCount[]>();
  for (const entry of forms) byField.set(entry.field, [...(byField.get(entry.field) ?? []), entry]);
  return [...byField].map(
    ([field, entries]) =>
      `${field}: ${[...entries]
        .sort((a, b) => b.count - a.count)
        .map((entry) => `${entry.form} ×${count.format(entry.count)}`)
        .join(', ')}`,
  );
}

function list(items: readonly string[]): string {
  return items.length === 0 ? 'none' : items.join(', ');
}

function endpointLines(endpoint: EndpointReport): string[] {
  const status = endpoint.status === null ? 'no answer' : `HTTP ${endpoint.status}`;
  const verdict = endpoint.readable
    ? `${count.format(endpoint.records)} record${endpoint.records === 1 ? '' : 's'}, readable`
    : `NOT READABLE: ${endpoint.problem ?? 'unknown problem'}`;
  const drifted = endpoint.forms.filter(
    (entry) => !entry.expected && !endpoint.unknownFields.includes(entry.field),
  );
  return [
    `${endpoint.request}: ${status}, ${verdict}`,
    ...(drifted.length === 0
      ? ['  Values in unexpected forms: none']
      : [
          '  Values in unexpected forms (the app shows them, read tolerantly):',
          ...drifted.map(
            (entry) =>
              `    ${entry.field}: ${entry.form} ×${count.format(entry.count)} (first at ${entry.example})`,
          ),
        ]),
    `  Fields the contract does not know: ${list(endpoint.unknownFields)}`,
    `  Documented fields never seen: ${list(endpoint.neverSeen)}`,
    ...(endpoint.forms.length === 0
      ? []
      : ['  Forms of every field:', ...formLines(endpoint.forms).map((line) => `    ${line}`)]),
  ];
}

export function formatLiveReport(report: LiveReport, apiUrl: URL, readable: boolean): string {
  const error = report.error;
  return [
    `Mailstand check-live against ${apiUrl.origin}${apiUrl.pathname.replace(/\/$/, '')} (the key is not shown)`,
    '',
    ...report.endpoints.flatMap((endpoint) => [...endpointLines(endpoint), '']),
    error === null
      ? 'Error body: not checked (no workspace to check with).'
      : `Error body (${error.request}): ${error.status === null ? 'no answer' : `HTTP ${error.status}`}, ${error.shape}`,
    '',
    `${report.requests} request${report.requests === 1 ? '' : 's'} sent.`,
    readable
      ? 'Every page is readable: the app will show all of it.'
      : 'A page would fail in the app: see NOT READABLE above.',
  ].join('\n');
}
