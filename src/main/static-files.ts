import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

// Plain Node on purpose (no electron import): the app protocol in main and the browser preview
// serve the built renderer through this one function, so the traversal guard and the CSP exist once.

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The window's Content-Security-Policy. Mantine writes inline styles, hence 'unsafe-inline' for
 * styles only; scripts come from our own files, never inline or eval.
 */
export function contentSecurityPolicy(extraConnectSrc: string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    ['connect-src', "'self'", ...extraConnectSrc].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Headers every served file gets, besides its content type. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    // The preview URL carries its token: never hand it on in a Referer.
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

/**
 * Maps a URL path to a file inside `rootDir`, or null when it would leave the folder.
 * The path is decoded first, so "%2e%2e%2f" is caught like "../".
 */
export function resolveInside(rootDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const root = resolve(rootDir);
  const relative = decoded.replace(/^[/\\]+/, '') || 'index.html';
  const full = resolve(root, relative);
  return full.startsWith(root + sep) ? full : null;
}

export interface StaticFile {
  status: 200 | 404;
  body: Buffer;
  contentType: string;
}

const NOT_FOUND: StaticFile = { status: 404, body: Buffer.from('Not found'), contentType: 'text/plain; charset=utf-8' };

/** Reads the file a URL path names, 404 for anything outside `rootDir` (symlinks included) or missing. */
export async function readStaticFile(rootDir: string, urlPath: string): Promise<StaticFile> {
  const candidate = resolveInside(rootDir, urlPath);
  if (!candidate) return NOT_FOUND;
  try {
    // A symlink inside the folder could still point out of it: check where it really is.
    const [realRoot, realFile] = await Promise.all([realpath(resolve(rootDir)), realpath(candidate)]);
    if (!realFile.startsWith(realRoot + sep)) return NOT_FOUND;
    if (!(await stat(realFile)).isFile()) return NOT_FOUND;
    const body = await readFile(realFile);
    return { status: 200, body, contentType: MIME[extname(realFile).toLowerCase()] ?? 'application/octet-stream' };
  } catch {
    return NOT_FOUND;
  }
}
