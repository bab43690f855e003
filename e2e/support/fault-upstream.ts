import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { listen } from '../../src/server/testing/listen';
import { SANDBOX_API_KEY } from '../../src/server/sandbox';

/**
 * Answers one upstream request on purpose badly; `forward` passes it on to the real sandbox,
 * its JSON answer changed by `rewrite` when one is given.
 */
export type Fault = (
  req: IncomingMessage,
  res: ServerResponse,
  forward: (rewrite?: (body: unknown) => unknown) => void,
) => void;

export interface FaultUpstream {
  /** The base URL to give the server as MAILSTAND_API_URL. */
  url: string;
  /** Every request target received, in order, e.g. "/contacts?workspace=…&page=1". */
  received: string[];
  /** Targets whose caller hung up before the answer was complete: superseded, cancelled requests. */
  cancelled: string[];
  /** The Authorization headers received, to check which key the server sent. */
  authorizations: string[];
  /** Makes the requests `matches` selects fail with `fault`; null heals the upstream. */
  inject(fault: Fault | null, matches?: (target: string) => boolean): void;
  close(): Promise<void>;
}

const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

/**
 * A stand-in for Mailstand on 127.0.0.1: healthy, it relays every call to the real sandbox API
 * (at `sandboxUrl`, with the sandbox's key) and refuses any key but `acceptKey`, as Mailstand does;
 * with a fault injected, the selected requests misbehave the way a real upstream can.
 */
export async function startFaultUpstream(options: {
  sandboxUrl: string;
  acceptKey: string;
}): Promise<FaultUpstream> {
  const received: string[] = [];
  const cancelled: string[] = [];
  const authorizations: string[] = [];
  let fault: Fault | null = null;
  let selects: (target: string) => boolean = () => true;
  const sandbox = new URL(options.sandboxUrl);

  function forward(req: IncomingMessage, res: ServerResponse, rewrite?: (body: unknown) => unknown): void {
    if (req.headers.authorization !== basic(options.acceptKey)) {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end('{"statusCode":401,"error":"Unauthorized Permission","message":"Invalid API key."}');
      return;
    }
    const upstreamReq = http.request(
      new URL(sandbox.pathname.replace(/\/$/, '') + (req.url ?? ''), sandbox.origin),
      { headers: { Authorization: basic(SANDBOX_API_KEY), Accept: 'application/json' } },
      (upstreamRes) => {
        const headers: Record<string, string> = {};
        for (const name of ['content-type', 'retry-after']) {
          const value = upstreamRes.headers[name];
          if (typeof value === 'string') headers[name] = value;
        }
        if (rewrite === undefined || upstreamRes.statusCode !== 200) {
          res.writeHead(upstreamRes.statusCode ?? 502, headers);
          upstreamRes.pipe(res);
          return;
        }
        const chunks: Buffer[] = [];
        upstreamRes.on('data', (chunk: Buffer) => chunks.push(chunk));
        upstreamRes.on('end', () => {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify(rewrite(JSON.parse(Buffer.concat(chunks).toString('utf8')))));
        });
      },
    );
    upstreamReq.on('error', () => res.destroy());
    res.on('close', () => upstreamReq.destroy());
    upstreamReq.end();
  }

  const server = http.createServer((req, res) => {
    const target = req.url ?? '';
    received.push(target);
    authorizations.push(req.headers.authorization ?? '');
    res.on('close', () => {
      if (!res.writableFinished) cancelled.push(target);
    });
    if (fault !== null && selects(target)) fault(req, res, (rewrite) => forward(req, res, rewrite));
    else forward(req, res);
  });
  const port = await listen(server, 0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    cancelled,
    authorizations,
    inject(next, matches = () => true) {
      fault = next;
      selects = matches;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The time a drifted record's value stands for: Unix seconds as ISO 8601 without a fraction. */
const isoSeconds = (seconds: number) => `${new Date(seconds * 1000).toISOString().slice(0, 19)}Z`;

/** The records of a contacts page or a contact detail, as a JSON answer holds them. */
function recordsOf(body: unknown): Record<string, unknown>[] {
  if (typeof body !== 'object' || body === null) return [];
  const data = (body as { data?: unknown }).data;
  if (Array.isArray(data)) return data as Record<string, unknown>[];
  return [body as Record<string, unknown>];
}

/**
 * What a drifting Mailstand may send, applied to the sandbox's real answers so that the screen
 * can be compared with them: by the record's position on the page, timestamps as ISO 8601,
 * "YYYY-MM-DD HH:MM:SS", milliseconds or text that is no time at all; zip and lead_score as
 * numbers; a company name as an object; a stage the contract does not know; one record without
 * an id; unknown fields on every record; the total as text.
 */
export function driftAnswer(body: unknown): unknown {
  recordsOf(body).forEach((record, index) => {
    const created = record.created;
    const sent = record.last_sent;
    if (typeof created === 'number') {
      if (index % 10 === 5) record.created = isoSeconds(created);
      else if (index % 10 === 7) record.created = isoSeconds(created).replace('T', ' ').replace('Z', '');
      else if (index % 10 === 8) record.created = created * 1000;
    }
    if (typeof sent === 'number' && index % 4 === 1) record.last_sent = isoSeconds(sent);
    if (index % 10 === 3) {
      if (typeof record.zip === 'string' && /^\d{1,9}$/.test(record.zip)) record.zip = Number(record.zip);
      if (typeof record.lead_score === 'string' && /^\d+$/.test(record.lead_score))
        record.lead_score = Number(record.lead_score);
    }
    if (index === 9) record.created = 'last spring';
    if (index === 11) record.company_name = { name: record.company_name, verified: true };
    if (index === 13) record.stage = 'Warm lead';
    if (index === 17) delete record.id;
    record.engagement_score = index % 7;
    record.tags = ['imported', `batch-${index % 3}`];
  });
  if (typeof body === 'object' && body !== null && 'total_found' in body) {
    const page = body as { total_found: unknown };
    page.total_found = String(page.total_found);
  }
  return body;
}

/** Relays every answer with its values drifted (see driftAnswer). */
export const drifting: Fault = (_req, _res, forward) => forward(driftAnswer);
