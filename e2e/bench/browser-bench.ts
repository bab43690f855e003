import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright';
import { columnLayoutStorageKey } from '../../src/features/contacts/columns/column-layout';
import { DEFAULT_FILTERS, writeFilters } from '../../src/features/contacts/params/filter-params';
import { MAX_DISPLAY } from '../../src/shared/contract';
import { CHROMIUM_ARGS, findChromium } from '../support/find-chromium';
import { INTERESTED_FILE, SECOND_PAGE_FILE } from './floor/floor-files';
import type { Scenario } from './scenario';
import { summarize, summarizeFields, type Summary } from './stats';

/**
 * Measures the app in Chromium through the DevTools protocol: loads, a filter change and page
 * switches at 2000 rows, scrolling a 2000-row page, the grid's DOM and the JS heap. Times are taken
 * inside the page (event timestamps, resource timing, double requestAnimationFrame for "painted"),
 * so Playwright's own round trips are never part of a figure.
 */

const VIEWPORT = { width: 1440, height: 900 };
/** Rows scrolled per animation frame: enough that every frame brings new rows into view. */
const SCROLL_STEP_ROWS = 10;
const ROW_HEIGHT_GUESS = 36;
/** After this long without a request in flight, the page has settled (prefetch and counts done). */
const QUIET_MS = 400;
const LONG_TASK_MS = 50;
/** What the page's probe logs once the first rows are painted. */
const FIRST_ROWS_MESSAGE = 'bench: first rows painted';

export type InteractionResult = {
  /** From the click (its event timestamp) to the new rows painted. */
  total: Summary;
  /** From the response in hand (resource timing responseEnd, or the click if no request was needed) to painted. */
  afterResponse: Summary;
  /** How many runs needed a request (the rest were served from the cache, e.g. a prefetched next page). */
  fetched: number;
  /** Main-thread busy time during the interaction, from Performance.getMetrics, and its script, layout and style parts. */
  mainThread: Summary;
  /** CPU time of the main thread (ThreadTime), which a busy machine barely changes, unlike the durations. */
  mainThreadCpu: Summary;
  script: Summary;
  layout: Summary;
  style: Summary;
};

export type ScrollResult = {
  columns: number;
  steps: number;
  frameP50: Summary;
  frameP95: Summary;
  frameMax: Summary;
  longTasks: Summary;
  longestTask: Summary;
  /** Main-thread time per scroll step, in ms: everything, then its script, layout and style parts. */
  taskPerStep: Summary;
  /** Main-thread CPU time per step (ThreadTime): the same work, without the waits of a busy machine. */
  cpuPerStep: Summary;
  scriptPerStep: Summary;
  layoutPerStep: Summary;
  stylePerStep: Summary;
};

export type ThrottledResult = {
  cpuThrottling: number;
  filterChange: InteractionResult;
  /** The floor fetching the app's answer for the same filter and showing it: the least that costs. */
  filterChangeFloor: InteractionResult;
  nextPage: InteractionResult;
  /** The floor's switch to its next page, already read: what the machine needs at least. */
  nextPageFloor: InteractionResult;
  lastPage: InteractionResult;
  scrollDefault: ScrollResult;
  /** null when the app offers no way to show every column yet. */
  scrollAll: ScrollResult | null;
};

export type DomCount = { columns: number; rows: number; nodes: number };

export type BrowserResult = {
  chromium: string;
  runs: number;
  throttled: ThrottledResult[];
  domDefault: DomCount;
  domAll: DomCount | null;
  heapAfterFirstPageMb: Summary;
  heapAfterTenPagesMb: Summary;
};

type Probes = {
  firstRowsAt: number;
  longTasks: { start: number; duration: number }[];
  lastClickAt: number;
  pending: Promise<number> | null;
};

declare global {
  interface Window {
    __bench?: Probes;
  }
}

/**
 * Runs in the page before the app: records long tasks, the time of every click, and when the
 * first rows were painted (seen in one animation frame, painted by the next), which it also
 * logs for the benchmark to wait on.
 */
function installProbes(firstRowsMessage: string): void {
  performance.setResourceTimingBufferSize(100_000);
  const probes: Probes = { firstRowsAt: 0, longTasks: [], lastClickAt: 0, pending: null };
  window.__bench = probes;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        probes.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
  } catch {
    // No long task API: the count stays empty.
  }
  addEventListener('click', (event) => (probes.lastClickAt = event.timeStamp), true);
  const watch = () => {
    if (document.querySelector('[role=grid] [role=row][aria-rowindex="2"]')) {
      requestAnimationFrame(() => {
        probes.firstRowsAt = performance.now();
        console.debug(firstRowsMessage);
      });
    } else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
}

/** Starts watching for the grid to show other rows than now, settled; resolves when they are painted. */
function armRowsChange(): void {
  const footerStatus = () => document.querySelector('footer [role=status]')?.textContent ?? '';
  const before = footerStatus();
  const changed = () => {
    const grid = document.querySelector('[role=grid]');
    return (
      grid !== null &&
      grid.getAttribute('aria-busy') === 'false' &&
      grid.querySelector('[role=row][aria-rowindex="2"]') !== null &&
      footerStatus() !== before
    );
  };
  const probes = window.__bench;
  if (!probes) throw new Error('The benchmark probes are not installed.');
  probes.pending = new Promise((resolve) => {
    const poll = () => {
      if (changed()) requestAnimationFrame(() => resolve(performance.now()));
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  });
}

type Metrics = Record<string, number>;

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((metric) => [metric.name, metric.value]));
}

/** Seconds of a cumulative DevTools metric between two readings, in ms. */
function deltaMs(before: Metrics, after: Metrics, name: string): number {
  return ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
}

export type Session = { page: Page; cdp: CDPSession };

export async function openPage(context: BrowserContext, cpuThrottling: number): Promise<Session> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottling });
  await cdp.send('Performance.enable');
  // Track requests so that "settled" means nothing is in flight any more.
  let inFlight = 0;
  let lastChange = performance.now();
  const change = (delta: number) => {
    inFlight += delta;
    lastChange = performance.now();
  };
  page.on('request', () => change(1));
  page.on('requestfinished', () => change(-1));
  page.on('requestfailed', () => change(-1));
  quietness.set(page, () => inFlight === 0 && performance.now() - lastChange >= QUIET_MS);
  return { page, cdp };
}

const quietness = new WeakMap<Page, () => boolean>();

async function settled(page: Page): Promise<void> {
  const quiet = quietness.get(page);
  const deadline = performance.now() + 60_000;
  while (!quiet?.()) {
    if (performance.now() > deadline) throw new Error('The page kept loading for a minute.');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function loadGrid(session: Session, url: string): Promise<number> {
  // The probe says when the rows are painted. Polling with waitForFunction would evaluate
  // Playwright's injected script in the page while it starts, delaying the rows being timed.
  const painted = session.page.waitForEvent('console', {
    predicate: (message) => message.text() === FIRST_ROWS_MESSAGE,
    timeout: 60_000,
  });
  await Promise.all([painted, session.page.goto(url)]);
  await settled(session.page);
  return session.page.evaluate(() => window.__bench?.firstRowsAt ?? 0);
}

/** What a reverse proxy in front adds for a browser elsewhere on the network. */
const REMOTE_CLIENT = { 'X-Forwarded-For': '192.0.2.10' };

export async function newContext(
  browser: Browser,
  scenario: Scenario,
  allColumns: boolean,
  remote = false,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    locale: 'en-US',
    timezoneId: 'America/New_York',
    ...(remote ? { extraHTTPHeaders: REMOTE_CLIENT } : {}),
  });
  // tsx compiles with esbuild's keepNames, which wraps functions in __name(): give serialized functions one.
  await context.addInitScript('globalThis.__name ??= (fn) => fn;');
  await context.addInitScript(installProbes, FIRST_ROWS_MESSAGE);
  if (allColumns) {
    const layout = { order: scenario.allColumns, visible: scenario.allColumns, widths: {} };
    await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [
      columnLayoutStorageKey(scenario.workspace),
      JSON.stringify(layout),
    ] as const);
  }
  return context;
}

export function gridUrl(baseUrl: string, scenario: Scenario, display: number): string {
  const query = writeFilters({
    ...DEFAULT_FILTERS,
    workspace: scenario.workspace,
    display: display === MAX_DISPLAY ? MAX_DISPLAY : DEFAULT_FILTERS.display,
  });
  return `${baseUrl}/${query}`;
}

type Interaction = {
  click: (page: Page) => Promise<void>;
  /** Which GET /contacts request brings the new rows. */
  request: (url: URL) => boolean;
};

/** What one run of an interaction measured: InteractionResult's figures, before summarizing. */
type InteractionRun = Record<Exclude<keyof InteractionResult, 'fetched'>, number>;

/** One page and what is done in it, measured from a fresh load each run. */
type InteractionTarget = { url: string; interaction: Interaction };

/**
 * Each target's interaction, the targets alternated run by run so that they share the machine's
 * minutes; one result per target, in order.
 */
async function measureInteractions(
  browser: Browser,
  scenario: Scenario,
  cpuThrottling: number,
  runs: number,
  targets: readonly InteractionTarget[],
): Promise<InteractionResult[]> {
  const readings = targets.map((target) => ({ target, runs: [] as InteractionRun[], fetched: 0 }));
  // One context, a new page per run: the query cache is per page, so every run starts cold.
  const context = await newContext(browser, scenario, false);
  try {
    for (let run = 0; run < runs; run++) {
      for (const reading of readings) {
        const { url, interaction } = reading.target;
        const session = await openPage(context, cpuThrottling);
        await loadGrid(session, url);
        const before = await metrics(session.cdp);
        await session.page.evaluate(armRowsChange);
        await interaction.click(session.page);
        const paintedAt = await session.page.evaluate(() => window.__bench?.pending ?? 0);
        const after = await metrics(session.cdp);
        const { clickAt, resources } = await session.page.evaluate(() => ({
          clickAt: window.__bench?.lastClickAt ?? 0,
          resources: performance
            .getEntriesByType('resource')
            .filter((entry) => entry instanceof PerformanceResourceTiming)
            .map((entry) => ({ name: entry.name, start: entry.startTime, responseEnd: entry.responseEnd })),
        }));
        const response = resources.find(
          (entry) =>
            entry.start >= clickAt &&
            entry.responseEnd <= paintedAt &&
            interaction.request(new URL(entry.name)),
        );
        if (response) reading.fetched++;
        reading.runs.push({
          total: paintedAt - clickAt,
          afterResponse: paintedAt - Math.max(clickAt, response?.responseEnd ?? clickAt),
          mainThread: deltaMs(before, after, 'TaskDuration'),
          mainThreadCpu: deltaMs(before, after, 'ThreadTime'),
          script: deltaMs(before, after, 'ScriptDuration'),
          layout: deltaMs(before, after, 'LayoutDuration'),
          style: deltaMs(before, after, 'RecalcStyleDuration'),
        });
        await session.page.close();
      }
    }
  } finally {
    await context.close();
  }
  return readings.map((reading) => ({ ...summarizeFields(reading.runs), fetched: reading.fetched }));
}

/** Scrolls the grid from top to bottom, one fixed step per animation frame; returns the frame durations. */
function scrollThrough(
  step: number,
): Promise<{ frames: number[]; steps: number; started: number; ended: number }> {
  const grid = document.querySelector<HTMLElement>('[role=grid]');
  if (!grid) throw new Error('No grid to scroll.');
  const end = grid.scrollHeight - grid.clientHeight;
  return new Promise((resolve) => {
    const frames: number[] = [];
    let steps = 0;
    let previous = 0;
    const started = performance.now();
    const frame = (time: number) => {
      if (previous !== 0) frames.push(time - previous);
      previous = time;
      if (grid.scrollTop >= end) {
        resolve({ frames, steps, started, ended: performance.now() });
        return;
      }
      grid.scrollTop = Math.min(end, grid.scrollTop + step);
      steps++;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

function afterFrames(count: number): Promise<void> {
  return new Promise((resolve) => {
    const next = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => next(left - 1)));
    next(count);
  });
}

async function measureScroll(
  browser: Browser,
  baseUrl: string,
  scenario: Scenario,
  cpuThrottling: number,
  runs: number,
  allColumns: boolean,
): Promise<{ scroll: ScrollResult; dom: DomCount } | null> {
  const context = await newContext(browser, scenario, allColumns);
  try {
    const session = await openPage(context, cpuThrottling);
    await loadGrid(session, gridUrl(baseUrl, scenario, MAX_DISPLAY));
    const { page, cdp } = session;
    const columns = await page.evaluate(() =>
      Number(document.querySelector('[role=grid]')?.getAttribute('aria-colcount') ?? 0),
    );
    if (allColumns && columns < scenario.allColumns.length - 10) return null;

    const samples = {
      p50: [] as number[],
      p95: [] as number[],
      max: [] as number[],
      longTasks: [] as number[],
      longest: [] as number[],
      task: [] as number[],
      cpu: [] as number[],
      script: [] as number[],
      layout: [] as number[],
      style: [] as number[],
    };
    let steps = 0;
    for (let run = 0; run < runs; run++) {
      await page.evaluate(() => {
        const grid = document.querySelector('[role=grid]');
        if (grid) grid.scrollTop = 0;
      });
      await page.evaluate(afterFrames, 10);
      const before = await metrics(cdp);
      const result = await page.evaluate(scrollThrough, SCROLL_STEP_ROWS * ROW_HEIGHT_GUESS);
      const after = await metrics(cdp);
      // Long task entries are delivered a little after the task.
      await page.evaluate(afterFrames, 5);
      const longTasks = await page.evaluate(
        ([from, to]) =>
          (window.__bench?.longTasks ?? [])
            .filter((task) => task.start >= from && task.start <= to)
            .map((task) => task.duration),
        [result.started, result.ended] as const,
      );
      const sorted = [...result.frames].sort((a, b) => a - b);
      const frameSummary = summarize(sorted);
      steps = result.steps;
      samples.p50.push(frameSummary.median);
      samples.p95.push(frameSummary.p95);
      samples.max.push(frameSummary.max);
      samples.longTasks.push(longTasks.filter((duration) => duration > LONG_TASK_MS).length);
      samples.longest.push(Math.max(0, ...longTasks));
      samples.task.push(deltaMs(before, after, 'TaskDuration') / result.steps);
      samples.cpu.push(deltaMs(before, after, 'ThreadTime') / result.steps);
      samples.script.push(deltaMs(before, after, 'ScriptDuration') / result.steps);
      samples.layout.push(deltaMs(before, after, 'LayoutDuration') / result.steps);
      samples.style.push(deltaMs(before, after, 'RecalcStyleDuration') / result.steps);
    }

    // The grid's size in the middle of the page, where rows are rendered on both sides of the view.
    const dom = await page.evaluate(async () => {
      const grid = document.querySelector('[role=grid]');
      if (!grid) throw new Error('No grid.');
      grid.scrollTop = (grid.scrollHeight - grid.clientHeight) / 2;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return {
        columns: Number(grid.getAttribute('aria-colcount') ?? 0),
        rows: grid.querySelectorAll('[role=row]:not([aria-rowindex="1"])').length,
        nodes: grid.querySelectorAll('*').length + 1,
      };
    });
    return {
      dom,
      scroll: {
        columns,
        steps,
        frameP50: summarize(samples.p50),
        frameP95: summarize(samples.p95),
        frameMax: summarize(samples.max),
        longTasks: summarize(samples.longTasks),
        longestTask: summarize(samples.longest),
        taskPerStep: summarize(samples.task),
        cpuPerStep: summarize(samples.cpu),
        scriptPerStep: summarize(samples.script),
        layoutPerStep: summarize(samples.layout),
        stylePerStep: summarize(samples.style),
      },
    };
  } finally {
    await context.close();
  }
}

async function measureHeap(
  browser: Browser,
  baseUrl: string,
  scenario: Scenario,
  runs: number,
): Promise<{ first: Summary; tenth: Summary }> {
  const first: number[] = [];
  const tenth: number[] = [];
  const context = await newContext(browser, scenario, false);
  const usedMb = async (cdp: CDPSession) => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 1024 / 1024;
  };
  try {
    for (let run = 0; run < runs; run++) {
      const session = await openPage(context, 1);
      await loadGrid(session, gridUrl(baseUrl, scenario, MAX_DISPLAY));
      first.push(await usedMb(session.cdp));
      for (let page = 2; page <= 10; page++) {
        await session.page.evaluate(armRowsChange);
        await session.page.getByRole('button', { name: 'Next page' }).click();
        await session.page.evaluate(() => window.__bench?.pending);
        await settled(session.page);
      }
      tenth.push(await usedMb(session.cdp));
      await session.page.close();
    }
  } finally {
    await context.close();
  }
  return { first: summarize(first), tenth: summarize(tenth) };
}

function isContactsPage(url: URL, expected: Record<string, string>): boolean {
  if (url.pathname !== '/api/contacts' || url.searchParams.get('display') !== String(MAX_DISPLAY))
    return false;
  return Object.entries(expected).every(([key, value]) => url.searchParams.get(key) === value);
}

export async function measureBrowser(options: {
  baseUrl: string;
  /** The floor page's server (see floor-server.ts), for the least a page switch costs. */
  floorUrl: string;
  scenario: Scenario;
  runs: number;
  cpuThrottling: readonly number[];
  log: (line: string) => void;
}): Promise<BrowserResult> {
  const { baseUrl, floorUrl, scenario, runs, log } = options;
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const throttled: ThrottledResult[] = [];
    let domDefault: DomCount | null = null;
    let domAll: DomCount | null = null;
    for (const rate of options.cpuThrottling) {
      log(`  CPU ${rate}x: filter change and next page (and the floor's), last page`);
      const bookmark = gridUrl(baseUrl, scenario, MAX_DISPLAY);
      const interestedClick = (page: Page) =>
        page.getByRole('radio', { name: 'Interested', exact: true }).click();
      const [filterChange, filterChangeFloor] = await measureInteractions(browser, scenario, rate, runs, [
        {
          url: bookmark,
          interaction: {
            click: interestedClick,
            request: (url) => isContactsPage(url, { stage: 'Interested', page: '1' }),
          },
        },
        // The floor fetches the app's own answer for the filter and shows it.
        {
          url: floorUrl,
          interaction: { click: interestedClick, request: (url) => url.pathname === `/${INTERESTED_FILE}` },
        },
      ]);
      const nextPageClick = (page: Page) => page.getByRole('button', { name: 'Next page' }).click();
      const [nextPage, nextPageFloor] = await measureInteractions(browser, scenario, rate, runs, [
        {
          url: bookmark,
          interaction: { click: nextPageClick, request: (url) => isContactsPage(url, { page: '2' }) },
        },
        // The floor reads its next page once idle after the first rows, as the app prefetches.
        {
          url: floorUrl,
          interaction: { click: nextPageClick, request: (url) => url.pathname === `/${SECOND_PAGE_FILE}` },
        },
      ]);
      const [lastPage] = await measureInteractions(browser, scenario, rate, runs, [
        {
          url: bookmark,
          interaction: {
            click: (page) => page.getByRole('button', { name: 'Last page' }).click(),
            request: (url) => isContactsPage(url, {}) && url.searchParams.get('page') !== '1',
          },
        },
      ]);
      if (!filterChange || !filterChangeFloor || !nextPage || !nextPageFloor || !lastPage)
        throw new Error('The interactions were not measured.');
      log(`  CPU ${rate}x: scrolling, default columns`);
      const scrollDefault = await measureScroll(browser, baseUrl, scenario, rate, runs, false);
      if (scrollDefault === null) throw new Error('The grid could not be scrolled.');
      log(`  CPU ${rate}x: scrolling, every column`);
      const scrollAll = await measureScroll(browser, baseUrl, scenario, rate, runs, true);
      if (scrollAll === null) log('  (the app did not show every column from a stored layout: skipped)');
      if (rate === 1) {
        domDefault = scrollDefault.dom;
        domAll = scrollAll?.dom ?? null;
      }
      throttled.push({
        cpuThrottling: rate,
        filterChange,
        filterChangeFloor,
        nextPage,
        nextPageFloor,
        lastPage,
        scrollDefault: scrollDefault.scroll,
        scrollAll: scrollAll?.scroll ?? null,
      });
    }
    log('  heap after 10 pages of 2000');
    const heap = await measureHeap(browser, baseUrl, scenario, runs);
    if (domDefault === null) throw new Error('Measure at 1x CPU to count the DOM.');
    return {
      chromium: browser.version(),
      runs,
      throttled,
      domDefault,
      domAll,
      heapAfterFirstPageMb: heap.first,
      heapAfterTenPagesMb: heap.tenth,
    };
  } finally {
    await browser.close();
  }
}
