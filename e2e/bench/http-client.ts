import http from 'node:http';
import { readAnswer, type AnswerReader } from '../../src/shared/contract';
import { SANDBOX_API_KEY } from '../../src/server/sandbox';

export type Timed = { ms: number; status: number; bytes: number; encoding: string; body: Buffer };

/** One keep-alive connection pool, as a browser holds: connection setup is not what is measured. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

export const SANDBOX_AUTHORIZATION = `Basic ${Buffer.from(`${SANDBOX_API_KEY}:`).toString('base64')}`;

/** GET with the time from sending the request to the last byte of the body, as received (still encoded). */
export function timedGet(url: string, headers: Record<string, string> = {}): Promise<Timed> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            ms: performance.now() - started,
            status: res.statusCode ?? 0,
            bytes: body.length,
            encoding: res.headers['content-encoding'] ?? 'identity',
            body,
          });
        });
      })
      .on('error', reject);
  });
}

/** GET from the sandbox API directly, read with the contract's reader. */
export async function sandboxGet<T>(
  baseUrl: string,
  pathAndQuery: string,
  read: AnswerReader<T>,
): Promise<T> {
  const response = await timedGet(`${baseUrl}/sandbox-api${pathAndQuery}`, {
    Authorization: SANDBOX_AUTHORIZATION,
  });
  if (response.status !== 200) {
    throw new Error(`GET ${pathAndQuery} answered ${response.status}: ${response.body.toString('utf8')}`);
  }
  return readAnswer(read, JSON.parse(response.body.toString('utf8')));
}

export function closeConnections(): void {
  agent.destroy();
}
