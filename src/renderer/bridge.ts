import type { KansliBridge } from '../shared/bridge';
import type { EventMap, EventName, Invoke } from '../shared/contract';
import type { Result } from '../shared/result';

declare global {
  interface Window {
    /** Set by Electron's preload; absent in the browser preview. */
    kansli?: KansliBridge;
  }
}

const TOKEN_KEY = 'kansli.previewToken';
const MAX_RECONNECTS = 5;

let cached: KansliBridge | null = null;

/** The host: Electron's preload when present, otherwise the browser preview's WebSocket client. */
export function getBridge(): KansliBridge {
  cached ??= window.kansli ?? createPreviewBridge();
  return cached;
}

function ioError(message: string): Result<never> {
  return { ok: false, error: { code: 'io', message } };
}

/**
 * The token comes in the URL once; it is kept in sessionStorage (this tab only) so a reload still
 * works, and taken out of the address bar so it does not end up in screenshots or history.
 */
function takeToken(): string {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const rest = params.toString();
    history.replaceState(history.state, '', location.pathname + (rest ? `?${rest}` : '') + location.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function showConnectionLost(): void {
  if (document.getElementById('kansli-bridge-lost')) return;
  const banner = document.createElement('div');
  banner.id = 'kansli-bridge-lost';
  banner.setAttribute('role', 'alert');
  banner.textContent = 'Lost the connection to the Kansli preview server. Start it again and reload the page.';
  banner.style.cssText =
    'position:fixed;top:0;left:0;right:0;z-index:2147483647;padding:12px 16px;' +
    'background:#c92a2a;color:#fff;font:14px/1.4 system-ui,sans-serif;text-align:center';
  document.body.appendChild(banner);
}

type Pending = (result: Result<unknown>) => void;

function createPreviewBridge(): KansliBridge {
  const token = takeToken();
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const url = `${scheme}://${location.host}/bridge?token=${encodeURIComponent(token)}`;

  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const inFlight = new Map<number, Pending>();
  let queue: Array<{ id: number; text: string }> = [];
  let nextId = 1;
  let socket: WebSocket | null = null;
  let failures = 0;
  let failed = false;

  function failAll(message: string): void {
    for (const resolve of inFlight.values()) resolve(ioError(message));
    inFlight.clear();
    queue = [];
  }

  function connect(): void {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      failures = 0;
      for (const item of queue) ws.send(item.text);
      queue = [];
    };
    ws.onmessage = (e: MessageEvent<string>) => {
      let msg: { id?: number; result?: Result<unknown>; event?: string; payload?: unknown };
      try {
        msg = JSON.parse(e.data);
      } catch {
        return;
      }
      if (typeof msg.id === 'number' && msg.result) {
        inFlight.get(msg.id)?.(msg.result);
        inFlight.delete(msg.id);
      } else if (typeof msg.event === 'string') {
        for (const listener of listeners.get(msg.event) ?? []) listener(msg.payload);
      }
    };
    ws.onclose = () => {
      socket = null;
      // Calls already sent may or may not have run: say so rather than guess, or resend them.
      const sentIds = [...inFlight.keys()].filter((id) => !queue.some((q) => q.id === id));
      for (const id of sentIds) {
        inFlight.get(id)?.(ioError('The connection to the preview server was lost during the call.'));
        inFlight.delete(id);
      }
      failures += 1;
      if (failures > MAX_RECONNECTS) {
        failed = true;
        failAll('No connection to the preview server.');
        showConnectionLost();
        return;
      }
      setTimeout(connect, 200 * 2 ** (failures - 1));
    };
  }
  connect();

  const invoke = ((name: string, args: unknown) => {
    if (failed) return Promise.resolve(ioError('No connection to the preview server.'));
    const id = nextId++;
    const text = JSON.stringify({ id, name, args });
    return new Promise<Result<unknown>>((resolve) => {
      inFlight.set(id, resolve);
      if (socket?.readyState === WebSocket.OPEN) socket.send(text);
      else queue.push({ id, text });
    });
  }) as Invoke;

  return {
    kind: 'preview',
    invoke,
    on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = (payload: unknown) => listener(payload as EventMap[E]);
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
    host: {
      // The preview has no native dialogs; e2e tests answer these prompts through Playwright.
      pickSavePath: async ({ title, defaultName }) => window.prompt(title, defaultName) || null,
      pickOpenPath: async ({ title }) => window.prompt(title, '') || null,
      pickFolder: async ({ title }) => window.prompt(title, '') || null,
      showInFolder: async () => undefined,
    },
  };
}
