/**
 * Where the campaign overview lives. Apart from its params (overview-params.ts) so that the header,
 * which loads with the app, links to the overview without carrying the overview's URL parser.
 */
export const OVERVIEW_PATH = '/campaigns';

/** The overview's address for a query already written in order (overview-params writes it). */
export function overviewPath(query: URLSearchParams): string {
  const written = query.toString();
  return written === '' ? OVERVIEW_PATH : `${OVERVIEW_PATH}?${written}`;
}
