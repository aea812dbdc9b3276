import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { WebSocket, WebSocketServer } from 'ws';
import { createCore, type Core, type CoreOptions } from '../core';
import { dispatch } from '../core/dispatch';
import type { Emit } from '../shared/contract';
import { contentSecurityPolicy, readStaticFile, securityHeaders } from '../main/static-files';

// The browser preview: the same core as the app, behind a loopback-only HTTP server that serves the
// built renderer and a token-protected WebSocket standing in for Electron's IPC.
// For development and e2e tests only; it is never part of the shipped app.

const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));
const HOST = '127.0.0.1';
const BRIDGE_PATH = '/bridge';

export interface PreviewServerOptions {
  /** 0 picks a free port. */
  port?: number;
  configDir: string;
  rendererDir?: string;
  kdf?: CoreOptions['kdf'];
  saveDebounceMs?: number;
}

export interface PreviewServer {
  /** Open this in a browser: it carries the token. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
  core: Core;
}

/** Constant-time comparison; hashing first makes the lengths equal and hides the token's length. */
function tokenMatches(given: string | null, token: string): boolean {
  if (given === null) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

function refuse(socket: Duplex, status: 400 | 403 | 404, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const rendererDir = options.rendererDir ?? DEFAULT_RENDERER_DIR;
  const token = randomBytes(32).toString('base64url');
  const clients = new Set<WebSocket>();

  const emit: Emit = (event, payload) => {
    const message = JSON.stringify({ event, payload });
    for (const ws of clients) if (ws.readyState === WebSocket.OPEN) ws.send(message);
  };
  const core = await createCore({
    configDir: options.configDir,
    emit,
    kdf: options.kdf,
    saveDebounceMs: options.saveDebounceMs,
  });

  let port = 0;
  // Set once listening: what a request's Host header (and a page's Origin) must be.
  let ownHosts = new Set<string>();
  let ownOrigins = new Set<string>();
  const hostIsOurs = (req: IncomingMessage) => ownHosts.has(req.headers.host ?? '');

  const server = createServer((req, res) => {
    // A page on another site whose name resolves to 127.0.0.1 (DNS rebinding) sends its own Host.
    if (!hostIsOurs(req)) {
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('Forbidden');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const pathname = new URL(req.url ?? '/', 'http://placeholder').pathname;
    const csp = contentSecurityPolicy([`ws://${HOST}:${port}`, `ws://localhost:${port}`]);
    void readStaticFile(rendererDir, pathname).then((file) => {
      res.writeHead(file.status, { 'Content-Type': file.contentType, ...securityHeaders(csp) });
      res.end(req.method === 'HEAD' ? undefined : file.body);
    });
  });

  // 10 MiB: far above any contract call; a bigger frame is a bug or an attack.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 10 * 1024 * 1024 });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://placeholder');
    if (url.pathname !== BRIDGE_PATH) return refuse(socket, 404, 'Not Found');
    // Browsers always send Origin on a WebSocket; it must be this server's page, not another site.
    if (!hostIsOurs(req) || !ownOrigins.has(req.headers.origin ?? '')) {
      return refuse(socket, 403, 'Forbidden');
    }
    if (!tokenMatches(url.searchParams.get('token'), token)) return refuse(socket, 403, 'Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws));
  });

  function attach(ws: WebSocket): void {
    clients.add(ws);
    ws.on('close', () => clients.delete(ws));
    ws.on('error', () => clients.delete(ws));
    ws.on('message', (data, isBinary) => {
      if (isBinary) return ws.close(1003, 'text only');
      let message: { id?: unknown; name?: unknown; args?: unknown };
      try {
        message = JSON.parse(data.toString());
      } catch {
        return ws.close(1007, 'not JSON');
      }
      const { id, name, args } = message ?? {};
      if ((typeof id !== 'number' && typeof id !== 'string') || typeof name !== 'string') {
        return ws.close(1008, 'bad message');
      }
      void dispatch(core.api, name, args).then((result) => {
        if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ id, result }));
      });
    });
  }

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, HOST, () => resolve());
    });
  } catch (e) {
    await core.shutdown();
    throw e;
  }
  port = (server.address() as AddressInfo).port;
  ownHosts = new Set([`${HOST}:${port}`, `localhost:${port}`]);
  ownOrigins = new Set([...ownHosts].map((h) => `http://${h}`));

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      for (const ws of clients) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // Forced save and lock release, as when the app quits.
      await core.shutdown();
    })());

  return { url: `http://${HOST}:${port}/?token=${token}`, port, token, close, core };
}
