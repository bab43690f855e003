/**
 * How long "Export CSV → All matching contacts" takes for the largest sandbox workspace, and the
 * peak JS heap while it runs. Against a running app:
 *
 *   npx tsx e2e/bench/export-bench.ts http://127.0.0.1:4173 [runs] [--all-columns]
 *
 * --all-columns shows (and so exports) every field, custom ones included, instead of the default set.
 *
 * The browser has no save-file picker here (as in headless Chromium), so this measures the Blob
 * fallback, the path that holds the file in the browser until the end. Prints a table; asserts nothing.
 */
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright';
import { columnLayoutStorageKey } from '../../src/features/contacts/columns/column-layout';
import {
  readAnswer,
  readFieldsAnswer,
  CAMPAIGN_TIMESTAMP_FIELDS,
  CONTACT_FIELDS,
  readContactsPageAnswer,
  CUSTOM_FIELD_PATTERN,
  readWorkspacesAnswer,
} from '../../src/shared/contract';
import { parseCsv } from '../support/csv-file';
import { CHROMIUM_ARGS, findChromium } from '../support/find-chromium';

const baseUrl = process.argv[2] ?? 'http://127.0.0.1:4173';
const runs = Number(process.argv[3] ?? 3);
const allColumns = process.argv.includes('--all-columns');
const HEAP_SAMPLE_MS = 50;

async function largestWorkspace(): Promise<{ id: string; name: string; total: number }> {
  const { data } = readAnswer(readWorkspacesAnswer, await (await fetch(`${baseUrl}/api/workspaces`)).json());
  const sized = await Promise.all(
    data.map(async (workspace) => {
      const url = `${baseUrl}/api/contacts?workspace=${workspace.id}&page=1&display=1`;
      const page = readAnswer(readContactsPageAnswer, await (await fetch(url)).json());
      return { id: workspace.id, name: workspace.name, total: page.total_found };
    }),
  );
  const largest = sized.sort((a, b) => b.total - a.total)[0];
  if (!largest) throw new Error('no workspaces');
  return largest;
}

/** A stored column layout that shows every field of the workspace. */
async function everyColumnLayout(workspace: string): Promise<string> {
  const fields = readAnswer(
    readFieldsAnswer,
    await (await fetch(`${baseUrl}/api/workspaces/${workspace}/all-fields`)).json(),
  );
  const ids = [
    ...CONTACT_FIELDS.map((field) => field.code).filter((code) => code !== 'email'),
    ...CAMPAIGN_TIMESTAMP_FIELDS.map((field) => field.code),
    'created',
    'local_time',
    ...fields.data.map((field) => field.code).filter((code) => CUSTOM_FIELD_PATTERN.test(code)),
  ];
  return JSON.stringify({ order: ids, visible: ids, widths: {} });
}

async function main(): Promise<void> {
  const workspace = await largestWorkspace();
  const layout = allColumns ? await everyColumnLayout(workspace.id) : null;
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const columns = allColumns ? 'every column' : 'the default columns';
  const total = workspace.total.toLocaleString('en-US');
  console.log(`Export of "${workspace.name}": ${total} contacts, ${columns}, ${runs} runs`);
  console.log('run | seconds | peak JS heap (MB) | heap before (MB) | file (MB) | rows');
  try {
    for (let run = 1; run <= runs; run++) {
      const context = await browser.newContext({
        acceptDownloads: true,
        viewport: { width: 1440, height: 900 },
      });
      await context.addInitScript(() => Reflect.deleteProperty(window, 'showSaveFilePicker'));
      if (layout !== null) {
        await context.addInitScript(
          ([key, value]) => window.localStorage.setItem(key ?? '', value ?? ''),
          [columnLayoutStorageKey(workspace.id), layout],
        );
      }
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.goto(`${baseUrl}/?workspace=${workspace.id}`);
      await page.getByRole('grid', { name: 'Contacts' }).getByRole('row').nth(1).waitFor();
      await page.waitForLoadState('networkidle');
      await cdp.send('HeapProfiler.collectGarbage');

      const heap = async () => {
        const { metrics } = await cdp.send('Performance.getMetrics');
        return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
      };
      const before = await heap();
      let peak = before;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          peak = Math.max(peak, await heap());
          await new Promise((resolve) => setTimeout(resolve, HEAP_SAMPLE_MS));
        }
      })();

      await page.getByRole('button', { name: 'Export CSV' }).click();
      const downloadEvent = page.waitForEvent('download', { timeout: 600_000 });
      const started = Date.now();
      await page.getByRole('menuitem', { name: /^All .* matching contacts$/ }).click();
      const download = await downloadEvent;
      const seconds = (Date.now() - started) / 1000;
      sampling = false;
      await sampler;

      const bytes = await readFile(await download.path());
      const rows = parseCsv(bytes.toString('utf8').replace(/^\uFEFF/, '')).length - 1;
      const mb = (value: number) => (value / 1024 / 1024).toFixed(1);
      console.log(
        `${run} | ${seconds.toFixed(1)} | ${mb(peak)} | ${mb(before)} | ${mb(bytes.length)} | ${rows.toLocaleString('en-US')}`,
      );
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

await main();
