import { fileURLToPath } from 'node:url';
import { BrowserWindow, protocol } from 'electron';
import { APP_HOST, APP_SCHEME, APP_URL, devRendererUrl } from './security';
import { contentSecurityPolicy, readStaticFile, securityHeaders } from './static-files';

// Paths relative to the built main bundle (out/main/index.js).
const RENDERER_DIR = fileURLToPath(new URL('../renderer', import.meta.url));
const PRELOAD = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

/**
 * Must run before `app` is ready. "standard" gives the scheme normal URL parsing and relative
 * paths, "secure" makes it a secure context like https; no bypassCSP, no CORS, no service workers.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves out/renderer on app://kansli/ with the traversal guard and the CSP. Call once, when ready. */
export function handleAppProtocol(): void {
  const csp = contentSecurityPolicy();
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return new Response('Not found', { status: 404 });
    }
    const file = await readStaticFile(RENDERER_DIR, url.pathname);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
      status: file.status,
      headers: { 'Content-Type': file.contentType, ...securityHeaders(csp) },
    });
  });
}

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Kansli',
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  // Show when painted, so the user never sees a white flash.
  win.once('ready-to-show', () => win.show());

  const dev = devRendererUrl();
  void win.loadURL(dev ? dev.href : APP_URL);
  return win;
}
