/**
 * The app server the benchmark measures, in a process of its own so that the measuring process
 * never delays an answer. It is the real server (startServer with the environment `npm start`
 * reads) serving the app built into BENCH_DIST, so the benchmark never touches dist/ while other
 * servers may be reading it. Prints one JSON line with the address once listening.
 */
import { parseEnv } from '../../src/server/env';
import { startServer } from '../../src/server/server';

const dir = process.env.BENCH_DIST;
if (!dir) throw new Error('BENCH_DIST must name the folder of the built app.');

const server = await startServer({ config: parseEnv(process.env), app: { kind: 'dist', dir } });
console.log(JSON.stringify({ url: server.url }));
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
