import type { ApiResult } from './api-bench';
import type { BrowserResult, InteractionResult, ScrollResult, ThrottledResult } from './browser-bench';
import type { BundleSize } from './bundle-size';
import type { LoadResult } from './load-bench';
import type { Summary } from './stats';

/** Everything one benchmark run measured; a part is null when it was not run. */
export type BenchResults = {
  bundle: BundleSize;
  api100k: ApiResult | null;
  api1m: ApiResult | null;
  browser: BrowserResult | null;
  loads: LoadResult[] | null;
};

export type Verdict = 'pass' | 'miss' | 'n/a';

export type TargetCheck = {
  figure: string;
  /** The median, or the one number measured; null when not measured. */
  value: number | null;
  spread: Summary | null;
  unit: string;
  limit: number;
  /** How the limit reads in the table, e.g. "≤ 16.7 ms". */
  target: string;
  verdict: Verdict;
};

/** Frame times are whole display frames at 60 Hz: one frame is 16.67 ms, two are 33.33 ms. */
const ONE_FRAME = 16.7;
const TWO_FRAMES = 33.4;
/** A cold load's first rows may take this much longer than the floor's, measured in the same run. */
const FLOOR_FACTOR = 1.1;

/** "With every column shown, within 1.5x" of the same targets. */
const ALL_COLUMNS_FACTOR = 1.5;

type Figure = { value: number | null; spread: Summary | null };

const none: Figure = { value: null, spread: null };
const fromSummary = (summary: Summary | undefined | null): Figure =>
  summary ? { value: summary.median, spread: summary } : none;
const single = (value: number | undefined | null): Figure =>
  value === undefined || value === null ? none : { value, spread: null };

function check(figure: string, measured: Figure, unit: string, limit: number, target: string): TargetCheck {
  const verdict: Verdict = measured.value === null ? 'n/a' : measured.value <= limit ? 'pass' : 'miss';
  return { figure, value: measured.value, spread: measured.spread, unit, limit, target, verdict };
}

function at(browser: BrowserResult | null, rate: number): ThrottledResult | undefined {
  return browser?.throttled.find((result) => result.cpuThrottling === rate);
}

export function checkTargets(results: BenchResults): TargetCheck[] {
  const { browser } = results;
  const x1 = at(browser, 1);
  const x4 = at(browser, 4);
  const scroll = (result: ThrottledResult | undefined, all: boolean): ScrollResult | null | undefined =>
    all ? result?.scrollAll : result?.scrollDefault;
  const checks: TargetCheck[] = [];

  for (const all of [false, true]) {
    const factor = all ? ALL_COLUMNS_FACTOR : 1;
    const label = all ? 'every column' : 'default columns';
    const limit = (value: number) => Math.round(value * factor * 10) / 10;
    checks.push(
      check(
        `Scroll frame p95, 1x, ${label}`,
        fromSummary(scroll(x1, all)?.frameP95),
        'ms',
        limit(ONE_FRAME),
        `≤ ${limit(ONE_FRAME)} ms`,
      ),
      check(
        `Scroll frame p95, 4x, ${label}`,
        fromSummary(scroll(x4, all)?.frameP95),
        'ms',
        limit(TWO_FRAMES),
        `≤ ${limit(TWO_FRAMES)} ms`,
      ),
      check(
        `Main-thread work per scroll step, 1x, ${label}`,
        fromSummary(scroll(x1, all)?.taskPerStep),
        'ms',
        limit(8),
        `≤ ${limit(8)} ms`,
      ),
      // The same as CPU time: what the figure above would read on an otherwise idle machine.
      check(
        `Main-thread CPU per scroll step, 1x, ${label}`,
        fromSummary(scroll(x1, all)?.cpuPerStep),
        'ms',
        limit(8),
        `≤ ${limit(8)} ms`,
      ),
      // "No long task": the worst run counts, not the median.
      check(
        `Long tasks > 50 ms while scrolling, 1x, ${label}`,
        single(scroll(x1, all)?.longTasks.max),
        '',
        0,
        '0 in every run',
      ),
    );
  }
  for (const load of results.loads ?? []) {
    const x = `${load.cpuThrottling}x`;
    const floor = load.floor?.firstRows.median;
    const limit = floor === undefined ? Number.NaN : Math.round(floor * FLOOR_FACTOR);
    const target = floor === undefined ? 'floor × 1.1' : `≤ ${limit} ms (floor × 1.1)`;
    checks.push(
      check(
        `Cold load of 2000 rows to first rows, ${x}, loopback`,
        fromSummary(load.loopback.firstRows),
        'ms',
        limit,
        target,
      ),
      check(
        `Cold load of 2000 rows to first rows, ${x}, remote client`,
        fromSummary(load.remote.firstRows),
        'ms',
        limit,
        target,
      ),
    );
    if (load.cpuThrottling === 1) {
      checks.push(
        check(
          'Long tasks > 50 ms before first rows, 1x, loopback',
          single(load.loopback.longTasks.max),
          '',
          0,
          '0 in every run',
        ),
        check(
          'Long tasks > 50 ms before first rows, 1x, remote client',
          single(load.remote.longTasks.max),
          '',
          0,
          '0 in every run',
        ),
      );
    }
  }
  checks.push(
    switchCheck('Filter change', 1, x1?.filterChange, x1?.filterChangeFloor),
    switchCheck('Filter change', 4, x4?.filterChange, x4?.filterChangeFloor),
    switchCheck('Next page', 1, x1?.nextPage, x1?.nextPageFloor),
    switchCheck('Next page', 4, x4?.nextPage, x4?.nextPageFloor),
    switchCheck('Last page', 1, x1?.lastPage),
    switchCheck('Last page', 4, x4?.lastPage),
    check('Grid row elements, default columns', single(browser?.domDefault.rows), '', 60, '≤ 60'),
    check('Grid row elements, every column', single(browser?.domAll?.rows), '', 60, '≤ 60'),
    check('JS heap after 10 pages of 2000', fromSummary(browser?.heapAfterTenPagesMb), 'MB', 100, '≤ 100 MB'),
    check(
      'First-load JavaScript, gzip',
      single(results.bundle.firstLoad.js.gzip / 1024),
      'KB',
      130,
      '≤ 130 KB',
    ),
    check('Sandbox GET /contacts, worst p95, 100k', single(results.api100k?.worstP95), 'ms', 50, '≤ 50 ms'),
    check('Sandbox GET /contacts, worst p95, 1M', single(results.api1m?.worstP95), 'ms', 200, '≤ 200 ms'),
    check(
      '/api proxy overhead, 100k',
      single(percentOrNull(results.api100k?.proxyOverhead)),
      '%',
      10,
      '≤ 10%',
    ),
    check('/api proxy overhead, 1M', single(percentOrNull(results.api1m?.proxyOverhead)), '%', 10, '≤ 10%'),
  );
  return checks;
}

/** Response to painted for a page switch, by CPU throttling rate. */
const SWITCH_LIMIT_MS = { 1: 30, 4: 80 } as const;

/** A page switch from response to painted, with what the floor's took in the same run beside the target. */
function switchCheck(
  figure: string,
  rate: keyof typeof SWITCH_LIMIT_MS,
  app: InteractionResult | undefined,
  floor?: InteractionResult,
): TargetCheck {
  const limit = SWITCH_LIMIT_MS[rate];
  const floorNote = floor ? ` (floor ${floor.afterResponse.median.toFixed(1)} ms)` : '';
  return check(
    `${figure}, response to painted, ${rate}x`,
    fromSummary(app?.afterResponse),
    'ms',
    limit,
    `≤ ${limit} ms${floorNote}`,
  );
}

function percentOrNull(ratio: number | undefined): number | null {
  return ratio === undefined ? null : ratio * 100;
}
