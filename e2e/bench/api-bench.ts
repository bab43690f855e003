import { pageFields } from '../../src/features/contacts/columns/page-fields';
import { FIELDS_PARAM, readAnswer, readContactsPageAnswer, MAX_DISPLAY } from '../../src/shared/contract';
import { SANDBOX_AUTHORIZATION, timedGet, type Timed } from './http-client';
import { processCpuMs } from './process-cpu';
import type { Scenario } from './scenario';
import { summarize, type Summary } from './stats';

/** One filter combination of GET /contacts, at display=2000. */
type Combination = { name: string; filters: string; lastPage?: boolean };

export type CombinationResult = {
  name: string;
  query: string;
  rows: number;
  totalFound: number;
  /** The very first request for this filter: nothing about it is cached yet. */
  firstMs: number;
  /** Repeated requests straight to /sandbox-api. */
  sandbox: Summary;
  /** The same through the app's /api proxy, uncompressed like the direct answer: the relay's own cost. */
  proxy: Summary;
  /** Through the proxy with brotli, which is what Chromium gets (on this machine or elsewhere). */
  proxyBrotli: Summary;
  proxyGzip: Summary;
  /** Through the proxy as the app asks for its grid: cut down to the default columns' fields, with brotli. */
  proxyProjected: Summary;
  /** The server's CPU time per request, straight, through the proxy, and compressed with brotli; null without /proc. */
  serverCpu: { sandbox: Summary; proxy: Summary; proxyBrotli: Summary; proxyProjected: Summary } | null;
  bytes: { raw: number; gzip: number; br: number; projected: number };
};

export type ApiResult = {
  contacts: number;
  runs: number;
  combinations: CombinationResult[];
  /** The slowest combination's p95, the figure the target is about. */
  worstP95: number;
  /**
   * Sum of the proxy's medians over the sandbox's medians, minus one: 0.05 is 5% slower. Both
   * answers are uncompressed, so this is the relay's own cost, the figure the target is about.
   */
  proxyOverhead: number;
  /**
   * The same ratio for the server's CPU time per request (null without /proc): what the proxy
   * costs the machine, and a figure that other work on the machine barely moves.
   */
  proxyCpuOverhead: number | null;
  /** The same two ratios for the brotli answer the browser gets: the relay plus compressing a fresh answer. */
  browserOverhead: number;
  browserCpuOverhead: number | null;
  /** The same two ratios for the grid's cut-down page against the whole page through /api, both brotli. */
  projectionOverhead: number;
  projectionCpuOverhead: number | null;
};

function combinations(scenario: Scenario): Combination[] {
  const campaign = `&campaign=${encodeURIComponent(scenario.campaign)}`;
  return [
    { name: 'none', filters: '' },
    { name: 'stage', filters: '&stage=Prospecting' },
    { name: 'campaign', filters: campaign },
    { name: 'campaign + stage', filters: `${campaign}&stage=Replied` },
    { name: `search common "${scenario.commonSearch}"`, filters: `&search=${scenario.commonSearch}` },
    { name: 'search rare (one address)', filters: `&search=${encodeURIComponent(scenario.rareSearch)}` },
    { name: 'search 2 letters + stage', filters: '&search=an&stage=Interested' },
    { name: 'has_opened', filters: '&has_opened=true' },
    { name: 'campaign + has_replied', filters: `${campaign}&has_replied=true` },
    { name: 'last page', filters: '', lastPage: true },
    { name: 'last page, has_opened', filters: '&has_opened=true', lastPage: true },
    { name: 'no result', filters: '&search=zzqxjv' },
  ];
}

/** What Chromium sends; the server, not the bench, decides whether compressing is worth it. */
const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

function contactsQuery(scenario: Scenario, filters: string, page: number, display = MAX_DISPLAY): string {
  return `/contacts?workspace=${encodeURIComponent(scenario.workspace)}&page=${page}&display=${display}${filters}`;
}

function ok(response: Timed, what: string): Timed {
  if (response.status !== 200) {
    throw new Error(`${what} answered ${response.status}: ${response.body.toString('utf8').slice(0, 300)}`);
  }
  return response;
}

/**
 * Latency of GET /contacts for each combination, straight from the sandbox and through the proxy,
 * requests interleaved so that a slow moment of the machine hits all of them alike.
 */
export async function measureApi(
  baseUrl: string,
  serverPid: number,
  scenario: Scenario,
  runs: number,
  log: (line: string) => void,
): Promise<ApiResult> {
  let cpuUsed = 0;
  const withCpu = async (request: Promise<Timed>) => {
    const before = processCpuMs(serverPid);
    const response = await request;
    const after = processCpuMs(serverPid);
    cpuUsed = before === null || after === null ? Number.NaN : after - before;
    return response;
  };
  const direct = (query: string) =>
    withCpu(timedGet(`${baseUrl}/sandbox-api${query}`, { Authorization: SANDBOX_AUTHORIZATION }));
  // Past the server's short cache: a repeat answered from memory would time the cache, not the relay.
  const proxied = (query: string, headers: Record<string, string>) =>
    withCpu(timedGet(`${baseUrl}/api${query}`, { 'Cache-Control': 'no-cache', ...headers }));

  const results: CombinationResult[] = [];
  for (const combination of combinations(scenario)) {
    let page = 1;
    let firstMs = 0;
    if (combination.lastPage) {
      // Finding the last page counts the matches: that request is part of the cold cost.
      const counted = ok(await direct(contactsQuery(scenario, combination.filters, 1, 1)), combination.name);
      firstMs += counted.ms;
      const { total_found: total } = readAnswer(
        readContactsPageAnswer,
        JSON.parse(counted.body.toString('utf8')),
      );
      page = Math.max(1, Math.ceil(total / MAX_DISPLAY));
    }
    const query = contactsQuery(scenario, combination.filters, page);
    const gridFields = pageFields(null, combination.filters.includes('campaign='));
    const gridQuery = `${query}&${FIELDS_PARAM}=${encodeURIComponent(gridFields)}`;
    const first = ok(await direct(query), combination.name);
    firstMs += first.ms;
    const parsed = readAnswer(readContactsPageAnswer, JSON.parse(first.body.toString('utf8')));

    const samples = {
      sandbox: [] as number[],
      proxy: [] as number[],
      br: [] as number[],
      gzip: [] as number[],
      projected: [] as number[],
    };
    const cpu = {
      sandbox: [] as number[],
      proxy: [] as number[],
      br: [] as number[],
      projected: [] as number[],
    };
    const bytes = { raw: first.bytes, gzip: 0, br: 0, projected: 0 };
    for (let run = 0; run < runs; run++) {
      samples.sandbox.push(ok(await direct(query), combination.name).ms);
      cpu.sandbox.push(cpuUsed);
      samples.proxy.push(ok(await proxied(query, { 'Accept-Encoding': 'identity' }), combination.name).ms);
      cpu.proxy.push(cpuUsed);
      const projected = ok(
        await proxied(gridQuery, { 'Accept-Encoding': BROWSER_ACCEPT_ENCODING }),
        combination.name,
      );
      samples.projected.push(projected.ms);
      cpu.projected.push(cpuUsed);
      bytes.projected = projected.bytes;
      const br = ok(await proxied(query, { 'Accept-Encoding': BROWSER_ACCEPT_ENCODING }), combination.name);
      cpu.br.push(cpuUsed);
      samples.br.push(br.ms);
      bytes.br = br.encoding === 'br' ? br.bytes : bytes.raw;
      const gzip = ok(await proxied(query, { 'Accept-Encoding': 'gzip' }), combination.name);
      samples.gzip.push(gzip.ms);
      bytes.gzip = gzip.encoding === 'gzip' ? gzip.bytes : bytes.raw;
    }
    const result: CombinationResult = {
      name: combination.name,
      query,
      rows: parsed.data.length,
      totalFound: parsed.total_found,
      firstMs,
      sandbox: summarize(samples.sandbox),
      proxy: summarize(samples.proxy),
      proxyBrotli: summarize(samples.br),
      proxyGzip: summarize(samples.gzip),
      proxyProjected: summarize(samples.projected),
      serverCpu: cpu.sandbox.some(Number.isNaN)
        ? null
        : {
            sandbox: summarize(cpu.sandbox),
            proxy: summarize(cpu.proxy),
            proxyBrotli: summarize(cpu.br),
            proxyProjected: summarize(cpu.projected),
          },
      bytes,
    };
    log(
      `  ${combination.name.padEnd(34)} p50 ${result.sandbox.median.toFixed(1).padStart(6)} ms  ` +
        `p95 ${result.sandbox.p95.toFixed(1).padStart(6)} ms  first ${firstMs.toFixed(1).padStart(6)} ms  ` +
        `server CPU ${result.serverCpu?.sandbox.median.toFixed(1) ?? '—'} ms  ` +
        `${result.rows} rows of ${result.totalFound}`,
    );
    results.push(result);
  }
  const sum = (pick: (result: CombinationResult) => number) =>
    results.reduce((total, result) => total + pick(result), 0);
  type Measured = 'sandbox' | 'proxy' | 'proxyBrotli' | 'proxyProjected';
  /** How much more the `of` requests took than the `than` ones, in time and in server CPU. */
  const overhead = (of: Measured, than: Measured) => ({
    time: sum((result) => result[of].median) / sum((result) => result[than].median) - 1,
    cpu: results.every((result) => result.serverCpu !== null)
      ? sum((result) => result.serverCpu?.[of].median ?? 0) /
          sum((result) => result.serverCpu?.[than].median ?? 0) -
        1
      : null,
  });
  const relay = overhead('proxy', 'sandbox');
  const browser = overhead('proxyBrotli', 'sandbox');
  const projection = overhead('proxyProjected', 'proxyBrotli');
  const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;
  const describe = ({ time, cpu }: { time: number; cpu: number | null }) =>
    `${percent(time)} time` + (cpu === null ? '' : `, ${percent(cpu)} server CPU`);
  log(`  through /api, uncompressed like the direct answer: ${describe(relay)} more`);
  log(`  through /api with brotli, as the browser gets it: ${describe(browser)} more`);
  log(
    `  cut to the grid's fields (${FIELDS_PARAM}=), against the whole page through /api, both brotli: ` +
      `${describe(projection)}, ` +
      `${percent(sum((result) => result.bytes.projected) / sum((result) => result.bytes.br))} of the bytes`,
  );
  return {
    contacts: scenario.contacts,
    runs,
    combinations: results,
    worstP95: Math.max(...results.map((result) => result.sandbox.p95)),
    proxyOverhead: relay.time,
    proxyCpuOverhead: relay.cpu,
    browserOverhead: browser.time,
    browserCpuOverhead: browser.cpu,
    projectionOverhead: projection.time,
    projectionCpuOverhead: projection.cpu,
  };
}
