/**
 * `npm run check-live`: checks a real Mailstand key in at most 10 paced requests and prints what
 * the account's answers look like (field names, forms, counts: never the key nor a contact value).
 * Reads MAILSTAND_API_KEY and MAILSTAND_API_URL from the environment or .env. Exits 0 when every
 * page is readable, 1 when a page would fail or the check cannot run.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError, parseEnv } from '../src/server/env';
import { everyPageReadable, runLiveCheck } from './live-check/live-check';
import { formatLiveReport } from './live-check/live-report';

const envFile = fileURLToPath(new URL('../.env', import.meta.url));
if (existsSync(envFile)) process.loadEnvFile(envFile);

async function main(): Promise<number> {
  let source;
  try {
    source = parseEnv(process.env).source;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return 1;
  }
  if (source.mode !== 'live') {
    console.error(
      'Set MAILSTAND_API_KEY (in the environment or .env) to the key from your Mailstand settings, then run this again.',
    );
    return 1;
  }
  const report = await runLiveCheck({ apiUrl: source.apiUrl, apiKey: source.apiKey });
  const readable = everyPageReadable(report);
  console.log(formatLiveReport(report, source.apiUrl, readable));
  return readable ? 0 : 1;
}

process.exitCode = await main();
