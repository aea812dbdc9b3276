import { app, session, shell, type WebContents } from 'electron';

/** The app protocol: the UI is served from app://kansli/… (see window.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kansli';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * electron-vite's dev server, only when running unpackaged: a packaged app must never be pointed
 * at another page by an environment variable.
 */
export function devRendererUrl(): URL | null {
  const raw = process.env.ELECTRON_RENDERER_URL;
  if (app.isPackaged || !raw) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * Is this URL our own UI? Compared by protocol and host: Node's URL gives custom schemes the
 * origin "null", so comparing `.origin` would let nothing (or everything) through.
 */
export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true;
  const dev = devRendererUrl();
  return dev !== null && url.protocol === dev.protocol && url.host === dev.host;
}

const EXTERNAL_PROTOCOLS = new Set(['https:', 'mailto:', 'tel:']);

/** Hands https/mailto/tel links to the system, after parsing; everything else is dropped. */
export function openExternalSafely(raw: string): void {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return;
  }
  if (!EXTERNAL_PROTOCOLS.has(url.protocol)) return;
  shell.openExternal(url.href).catch((e: unknown) => console.error('[kansli] openExternal failed:', e));
}

function guardWebContents(contents: WebContents): void {
  // The window never navigates away from the app; external links go to the system browser.
  const onNavigate = (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openExternalSafely(url);
  };
  contents.on('will-navigate', (event) => onNavigate(event, event.url));
  contents.on('will-redirect', (event) => onNavigate(event, event.url));
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Installs the guards. Call once, after `app.whenReady()` and before the first window exists. */
export function installSecurity(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

  // A member register needs no camera, microphone, location, notifications or anything else.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
