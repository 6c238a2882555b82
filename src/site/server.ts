/**
 * The watch mode's local server: serves the site folder on 127.0.0.1 only, and pushes the
 * build state to open pages over Server-Sent Events (`/__archgen/events`).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { UserError, type Diagnostic } from '../diagnostics/diagnostic.js';

export type LiveState =
  | { readonly kind: 'ok'; readonly build: string }
  | { readonly kind: 'building' }
  | { readonly kind: 'error'; readonly message: string; readonly diagnostics: readonly Diagnostic[] };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.drawio': 'application/xml; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

/** Shown for a page that does not exist (yet): it reloads after the next good build, and shows errors meanwhile. */
const STAND_IN_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>archgen watch</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'">
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem}.live-errors{border:2px solid #b42318;border-radius:8px;padding:1rem;background:#fff1f0}.position,.rule{font-weight:600;font-family:monospace}</style>
</head><body data-build="none"><div id="live-status" role="status" hidden></div><main id="main"><h1>No page here yet</h1><p>This page appears after the next good build of the model.</p></main>
<script src="/__archgen/live.js"></script></body></html>`;

export interface LiveServer {
  readonly url: string;
  readonly port: number;
  /** Sends the state to every open page and remembers it for pages that connect later. */
  publish(state: LiveState): void;
  /** The last published state. */
  readonly state: LiveState;
  close(): Promise<void>;
}

/**
 * @param liveScript the live-reload client, also served at `/__archgen/live.js` for the stand-in
 *   page shown while no build exists yet (a model that is invalid from the start)
 */
export async function startLiveServer(root: string, port: number, initial: LiveState, liveScript: string): Promise<LiveServer> {
  const clients = new Set<ServerResponse>();
  let state: LiveState = initial;
  const send = (response: ServerResponse) => response.write(`event: state\ndata: ${JSON.stringify(state)}\n\n`);

  const server: Server = createServer((request, response) => {
    void handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500).end('internal error');
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/__archgen/events') {
      response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      response.write('retry: 500\n\n');
      clients.add(response);
      send(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    if (url.pathname === '/__archgen/live.js') {
      response.writeHead(200, { 'Content-Type': TYPES['.js']!, 'Cache-Control': 'no-store' }).end(liveScript);
      return;
    }
    if (url.pathname === '/__archgen/state') {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(state));
      return;
    }
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400).end('bad path');
      return;
    }
    const file = path.join(root, path.normalize(relative).replace(/^(\.\.[/\\])+/, ''));
    if (file !== root && !file.startsWith(root + path.sep)) {
      response.writeHead(403).end('forbidden');
      return;
    }
    const target = relative.endsWith('/') ? path.join(file, 'index.html') : file;
    const info = await stat(target).catch(() => undefined);
    if (!info?.isFile()) {
      if (/(\/|\.html)$/.test(url.pathname)) response.writeHead(404, { 'Content-Type': TYPES['.html']!, 'Cache-Control': 'no-store' }).end(STAND_IN_PAGE);
      else response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[path.extname(target)] ?? 'application/octet-stream', 'Content-Length': info.size, 'Cache-Control': 'no-store' });
    createReadStream(target).pipe(response);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE'
        ? new UserError(`port ${port} on 127.0.0.1 is already in use`, [{ file: '--port', line: 1, col: 1, rule: 'site/port-in-use', severity: 'error', message: `port ${port} is in use`, hint: 'pass another --port, or --port 0 for any free one' }])
        : error);
    });
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  const keepAlive = setInterval(() => {
    for (const client of clients) client.write(': ping\n\n');
  }, 15_000);
  keepAlive.unref();
  return {
    url: `http://127.0.0.1:${actual}/`,
    port: actual,
    get state() {
      return state;
    },
    publish(next) {
      state = next;
      for (const client of clients) send(client);
    },
    async close() {
      clearInterval(keepAlive);
      for (const client of clients) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
