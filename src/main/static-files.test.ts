// The file server behind app://kansli/ (and the browser preview), on a real temporary folder:
// the traversal guard, symlinks out of the folder, and a sibling folder sharing the name's prefix.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, readStaticFile, resolveInside, securityHeaders } from './static-files';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'kansli-static-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html>');
  await writeFile(join(root, 'assets', 'app.js'), 'export {}');
  await writeFile(join(base, 'secret.txt'), 'SECRET');
  await mkdir(join(base, 'renderer-evil'));
  await writeFile(join(base, 'renderer-evil', 'x.js'), 'SECRET');
  await symlink(join(base, 'secret.txt'), join(root, 'link.txt'));
  await symlink(base, join(root, 'up'));
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('readStaticFile', () => {
  it('serves files inside the folder with their type, / as index.html', async () => {
    const index = await readStaticFile(root, '/');
    expect(index.status).toBe(200);
    expect(index.contentType).toBe('text/html; charset=utf-8');
    const js = await readStaticFile(root, '/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.contentType).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/%2E%2E/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..\\secret.txt',
    '/..%5csecret.txt',
    '/../renderer-evil/x.js',
    '/..%2frenderer-evil%2fx.js',
    '/link.txt',
    '/up/secret.txt',
    '/index.html%00',
    '/index.html\0.js',
    '/%E0%A4%A',
    '/assets',
    '/missing.js',
  ])('404 for %s', async (path) => {
    const file = await readStaticFile(root, path);
    expect(file.status).toBe(404);
    expect(file.body.toString()).not.toContain('SECRET');
  });
});

describe('resolveInside', () => {
  it('keeps paths inside the folder and refuses the rest before touching the disk', () => {
    expect(resolveInside(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveInside(root, '//assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    for (const bad of ['/../secret.txt', '/..%2Fsecret.txt', '/%2e%2e%2f', '/%2e', '/a%00b', '/%zz', '/../renderer-evil/x.js']) {
      expect(resolveInside(root, bad), bad).toBeNull();
    }
  });
});

describe('headers', () => {
  it('the CSP forbids eval and inline or foreign scripts; extra connect-src only widens connect-src', () => {
    const csp = contentSecurityPolicy(['ws://127.0.0.1:1234']);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).toMatch(/(^|; )script-src 'self'(;|$)/);
    expect(csp).toMatch(/(^|; )connect-src 'self' ws:\/\/127\.0\.0\.1:1234(;|$)/);
    expect(securityHeaders(csp)).toMatchObject({
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
  });
});
