import type { ApiResult } from './api-bench';
import type { BrowserResult, InteractionResult, ScrollResult } from './browser-bench';
import type { ColdLoadResult, LoadResult } from './load-bench';
import type { BundleSize } from './bundle-size';
import type { Summary } from './stats';
import type { TargetCheck } from './targets';

/** Plain-text tables for the terminal, and a Markdown table of the targets for the README. */

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

export function number(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '—';
}

function spread(summary: Summary, digits = 1): string[] {
  return [number(summary.median, digits), number(summary.min, digits), number(summary.max, digits)];
}

const kb = (bytes: number) => number(bytes / 1024);

export function bundleTable(bundle: BundleSize): string {
  const { js, css } = bundle.firstLoad;
  return table(
    ['shipped on first load', 'raw KB', 'gzip KB', 'br KB'],
    [
      ['JavaScript', kb(js.raw), kb(js.gzip), kb(js.br)],
      ['CSS', kb(css.raw), kb(css.gzip), kb(css.br)],
      ['all JavaScript in the build', kb(bundle.allJs.raw), kb(bundle.allJs.gzip), kb(bundle.allJs.br)],
    ],
  );
}

export function apiTable(result: ApiResult): string {
  const rows = result.combinations.map((combination) => [
    combination.name,
    String(combination.rows),
    String(combination.totalFound),
    number(combination.firstMs),
    number(combination.sandbox.median),
    number(combination.sandbox.p95),
    number(combination.sandbox.max),
    number(combination.proxy.median),
    number(combination.proxyBrotli.median),
    number(combination.proxyGzip.median),
    combination.serverCpu ? number(combination.serverCpu.sandbox.median) : '—',
    combination.serverCpu ? number(combination.serverCpu.proxy.median) : '—',
    combination.serverCpu ? number(combination.serverCpu.proxyBrotli.median) : '—',
    number(combination.bytes.raw / 1e6, 2),
    kb(combination.bytes.gzip),
    kb(combination.bytes.br),
  ]);
  return table(
    [
      'GET /contacts display=2000',
      'rows',
      'found',
      'first',
      'p50',
      'p95',
      'max',
      'proxy',
      'proxy br',
      'proxy gz',
      'CPU',
      'CPU proxy',
      'CPU br',
      'raw MB',
      'gzip KB',
      'br KB',
    ],
    rows,
  );
}

function interactionRows(name: string, result: InteractionResult): string[][] {
  return [
    [`${name}: click to painted (ms)`, ...spread(result.total)],
    [`${name}: response to painted (ms)`, ...spread(result.afterResponse)],
    [
      `${name}: main thread busy (ms), ${result.fetched}/${result.total.runs} fetched`,
      ...spread(result.mainThread),
    ],
    [`${name}: main thread CPU (ms)`, ...spread(result.mainThreadCpu)],
    [
      `${name}:   script / layout / style (ms)`,
      `${number(result.script.median)} / ${number(result.layout.median)} / ${number(result.style.median)}`,
      '',
      '',
    ],
  ];
}

function scrollRows(name: string, result: ScrollResult): string[][] {
  return [
    [
      `${name} (${result.columns} columns, ${result.steps} steps): frame p50 (ms)`,
      ...spread(result.frameP50),
    ],
    [`${name}: frame p95 (ms)`, ...spread(result.frameP95)],
    [`${name}: frame max (ms)`, ...spread(result.frameMax)],
    [`${name}: long tasks > 50 ms`, ...spread(result.longTasks, 0)],
    [`${name}: longest task (ms)`, ...spread(result.longestTask)],
    [`${name}: main thread per step (ms)`, ...spread(result.taskPerStep, 2)],
    [`${name}: main thread CPU per step (ms)`, ...spread(result.cpuPerStep, 2)],
    [
      `${name}:   script / layout / style per step (ms)`,
      `${number(result.scriptPerStep.median, 2)} / ${number(result.layoutPerStep.median, 2)} / ${number(result.stylePerStep.median, 2)}`,
      '',
      '',
    ],
  ];
}

function coldLoadRows(name: string, result: ColdLoadResult): string[][] {
  return [
    [`${name}: first rows (ms)`, ...spread(result.firstRows)],
    [`${name}: long tasks > 50 ms before first rows`, ...spread(result.longTasks, 0)],
    [`${name}: longest of them (ms)`, ...spread(result.longestTask)],
    [
      `${name}: KB received by first rows`,
      ...[result.bytesToFirstRows.median, result.bytesToFirstRows.min, result.bytesToFirstRows.max].map(kb),
    ],
    [
      `${name}: KB received once settled`,
      ...[result.bytesSettled.median, result.bytesSettled.min, result.bytesSettled.max].map(kb),
    ],
  ];
}

export function loadTable(loads: LoadResult[], runs: number): string {
  const rows: string[][] = [];
  for (const load of loads) {
    const x = `${load.cpuThrottling}x`;
    rows.push(
      [`${x} cold load to first rows, display=100 (ms)`, ...spread(load.hundred)],
      ...coldLoadRows(`${x} display=2000, loopback`, load.loopback),
      ...coldLoadRows(`${x} display=2000, remote client`, load.remote),
      ...(load.floor ? coldLoadRows(`${x} floor (static JSON, minimal table)`, load.floor) : []),
      [
        `${x} script / CSS received on a cold load, as served (KB)`,
        `${kb(load.firstLoadTransfer.script)} / ${kb(load.firstLoadTransfer.css)}`,
        '',
        '',
      ],
    );
  }
  return table([`cold loads (${runs} runs)`, 'median', 'min', 'max'], rows);
}

export function browserTable(result: BrowserResult): string {
  const rows: string[][] = [];
  for (const throttled of result.throttled) {
    const x = `${throttled.cpuThrottling}x`;
    rows.push(
      ...interactionRows(`${x} filter change`, throttled.filterChange),
      ...interactionRows(`${x} filter change, floor (minimal table)`, throttled.filterChangeFloor),
      ...interactionRows(`${x} next page`, throttled.nextPage),
      ...interactionRows(`${x} next page, floor (minimal table)`, throttled.nextPageFloor),
      ...interactionRows(`${x} last page`, throttled.lastPage),
      ...scrollRows(`${x} scroll, default columns`, throttled.scrollDefault),
      ...(throttled.scrollAll ? scrollRows(`${x} scroll, every column`, throttled.scrollAll) : []),
    );
  }
  const dom = (name: string, count: { columns: number; rows: number; nodes: number } | null) =>
    count
      ? [
          [
            `grid, ${name} (${count.columns} columns): rows / DOM nodes`,
            `${count.rows} / ${count.nodes}`,
            '',
            '',
          ],
        ]
      : [];
  rows.push(
    ...dom('default columns', result.domDefault),
    ...dom('every column', result.domAll),
    ['JS heap after the first page of 2000 (MB)', ...spread(result.heapAfterFirstPageMb)],
    ['JS heap after 10 pages of 2000 (MB)', ...spread(result.heapAfterTenPagesMb)],
  );
  return table([`browser (Chromium ${result.chromium}, ${result.runs} runs)`, 'median', 'min', 'max'], rows);
}

function value(check: TargetCheck | undefined): string {
  if (!check || check.value === null) return '—';
  const digits = check.unit === '' ? 0 : 1;
  const main = `${number(check.value, digits)}${check.unit === '%' ? '%' : check.unit ? ` ${check.unit}` : ''}`;
  return check.spread
    ? `${main} (${number(check.spread.min, digits)}–${number(check.spread.max, digits)})`
    : main;
}

export function targetsTable(checks: TargetCheck[], baseline: TargetCheck[] | null): string {
  const before = (check: TargetCheck) => baseline?.find((candidate) => candidate.figure === check.figure);
  return table(
    ['target', ...(baseline ? ['before'] : []), 'measured (min–max)', 'target', ''],
    checks.map((check) => [
      check.figure,
      ...(baseline ? [value(before(check))] : []),
      value(check),
      check.target,
      check.verdict,
    ]),
  );
}

export function targetsMarkdown(checks: TargetCheck[], baseline: TargetCheck[] | null): string {
  const before = (check: TargetCheck) => baseline?.find((candidate) => candidate.figure === check.figure);
  const header = baseline ? '| Figure | Before | Now | Target | |' : '| Figure | Measured | Target | |';
  const rule = baseline ? '| --- | --- | --- | --- | --- |' : '| --- | --- | --- | --- |';
  const rows = checks.map((check) =>
    baseline
      ? `| ${check.figure} | ${value(before(check))} | ${value(check)} | ${check.target} | ${check.verdict} |`
      : `| ${check.figure} | ${value(check)} | ${check.target} | ${check.verdict} |`,
  );
  return [header, rule, ...rows].join('\n');
}
