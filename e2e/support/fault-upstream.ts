import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { listen } from '../../src/server/http/listen';
import { SANDBOX_API_KEY } from '../../src/server/sandbox';

/** Answers one upstream request on purpose badly; `forward` passes it on to the real sandbox. */
export type Fault = (req: IncomingMessage, res: ServerResponse, forward: () => void) => void;

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

  function forward(req: IncomingMessage, res: ServerResponse): void {
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
        res.writeHead(upstreamRes.statusCode ?? 502, headers);
        upstreamRes.pipe(res);
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
    if (fault !== null && selects(target)) fault(req, res, () => forward(req, res));
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
