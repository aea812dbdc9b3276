// The window and the app protocol, with Electron faked (its binary cannot run here): the
// webPreferences that keep the renderer sandboxed, and app://kansli/ serving only out/renderer.
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserWindowConstructorOptions, CustomScheme } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Handler = (request: { url: string; method: string }) => Promise<Response>;

const h = vi.hoisted(() => {
  const state = {
    isPackaged: true,
    windows: [] as Array<{ options: BrowserWindowConstructorOptions; loadURL: ReturnType<typeof vi.fn>; show: ReturnType<typeof vi.fn>; once: Map<string, () => void> }>,
    schemes: [] as unknown[],
    handler: null as unknown,
  };
  class BrowserWindow {
    loadURL = vi.fn(() => Promise.resolve());
    show = vi.fn();
    onceListeners = new Map<string, () => void>();
    constructor(options: BrowserWindowConstructorOptions) {
      state.windows.push({ options, loadURL: this.loadURL, show: this.show, once: this.onceListeners });
    }
    once(event: string, listener: () => void) {
      this.onceListeners.set(event, listener);
      return this;
    }
  }
  const electron = {
    app: {
      get isPackaged() {
        return state.isPackaged;
      },
    },
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: vi.fn((schemes: unknown[]) => state.schemes.push(...schemes)),
      handle: vi.fn((_scheme: string, handler: unknown) => {
        state.handler = handler;
      }),
    },
    session: {},
    shell: {},
  };
  return { state, electron };
});

vi.mock('electron', () => h.electron);

// Spies on the real fs, to prove that nothing outside the renderer folder is ever read.
vi.mock('node:fs/promises', async (importOriginal) => {
  const orig = await importOriginal<typeof import('node:fs/promises')>();
  return { ...orig, default: orig, readFile: vi.fn(orig.readFile), realpath: vi.fn(orig.realpath), stat: vi.fn(orig.stat) };
});

const fs = await import('node:fs/promises');
const { createMainWindow, handleAppProtocol, registerAppScheme } = await import('./window');

const HERE = dirname(fileURLToPath(import.meta.url));
// Under vitest window.ts runs from src/main, so its "../renderer" is src/renderer (which has an
// index.html); in the bundle the same relative path is out/renderer.
const RENDERER = resolve(HERE, '../renderer');

beforeEach(() => {
  h.state.isPackaged = true;
  h.state.windows.length = 0;
  delete process.env.ELECTRON_RENDERER_URL;
});
afterEach(() => {
  vi.clearAllMocks();
  delete process.env.ELECTRON_RENDERER_URL;
});

describe('createMainWindow: webPreferences', () => {
  it('isolates, sandboxes and gives the renderer no Node', () => {
    createMainWindow();
    expect(h.state.windows).toHaveLength(1);
    const prefs = h.state.windows[0].options.webPreferences ?? {};
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).not.toBe(true);
    expect(prefs.webSecurity).not.toBe(false);
    expect(prefs.allowRunningInsecureContent).not.toBe(true);
    expect(prefs.experimentalFeatures).not.toBe(true);
    expect(prefs.webviewTag).not.toBe(true);
  });

  it('loads the preload from ../preload/index.cjs beside the main bundle (out/preload/index.cjs)', async () => {
    createMainWindow();
    const preload = h.state.windows[0].options.webPreferences?.preload ?? '';
    // Resolved against the module's own folder, like the bundle's import.meta.url (out/main/index.js).
    expect(preload).toBe(resolve(HERE, '../preload/index.cjs'));
    // …and the build really puts main in out/main and the CJS preload at out/preload/index.cjs.
    const { default: config } = (await import('../../electron.vite.config')) as unknown as {
      default: {
        main: { build: { outDir: string } };
        preload: { build: { outDir: string; rollupOptions: { output: { format: string; entryFileNames: string } } } };
      };
    };
    expect(config.main.build.outDir).toBe('out/main');
    expect(config.preload.build.outDir).toBe('out/preload');
    expect(config.preload.build.rollupOptions.output.entryFileNames.replace('[name]', 'index')).toBe('index.cjs');
    expect(config.preload.build.rollupOptions.output.format).toBe('cjs');
    const fromMain = relative(HERE, preload);
    expect(fromMain).toBe(join('..', 'preload', 'index.cjs'));
    const inBundle = resolve(config.main.build.outDir, fromMain);
    expect(inBundle.endsWith(`out${sep}preload${sep}index.cjs`)).toBe(true);
  });

  it('shows only when painted and loads app://kansli/ when packaged, whatever ELECTRON_RENDERER_URL says', () => {
    process.env.ELECTRON_RENDERER_URL = 'http://evil.example:5173/';
    createMainWindow();
    const w = h.state.windows[0];
    expect(w.options.show).toBe(false);
    expect(w.loadURL).toHaveBeenCalledWith('app://kansli/index.html');
    expect(w.show).not.toHaveBeenCalled();
    w.once.get('ready-to-show')?.();
    expect(w.show).toHaveBeenCalledTimes(1);
  });

  it('uses the dev server only when unpackaged', () => {
    h.state.isPackaged = false;
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/';
    createMainWindow();
    expect(h.state.windows[0].loadURL).toHaveBeenCalledWith('http://localhost:5173/');
  });
});

describe('registerAppScheme', () => {
  it('makes app: standard and secure, without bypassing CSP, CORS or service workers', () => {
    registerAppScheme();
    const schemes = h.electron.protocol.registerSchemesAsPrivileged.mock.calls[0][0] as CustomScheme[];
    expect(schemes).toHaveLength(1);
    expect(schemes[0].scheme).toBe('app');
    expect(schemes[0].privileges).toMatchObject({ standard: true, secure: true });
    expect(schemes[0].privileges?.bypassCSP).not.toBe(true);
    expect(schemes[0].privileges?.corsEnabled).not.toBe(true);
    expect(schemes[0].privileges?.allowServiceWorkers).not.toBe(true);
  });
});

describe('app:// protocol', () => {
  function handler(): Handler {
    handleAppProtocol();
    expect(h.electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    return h.state.handler as Handler;
  }
  const get = (url: string, method = 'GET') => handler()({ url, method });

  function expectOnlyReadsInsideRenderer(): void {
    for (const fn of [fs.readFile, fs.realpath, fs.stat] as unknown as Array<ReturnType<typeof vi.fn>>) {
      for (const [p] of fn.mock.calls) {
        const path = String(p);
        // realpath(root) is the one allowed call on the folder itself.
        expect(path === RENDERER || path.startsWith(RENDERER + sep), `${path} is outside ${RENDERER}`).toBe(true);
      }
    }
  }

  it('serves index.html with a strict CSP (script-src self, no unsafe-eval)', async () => {
    const res = await get('app://kansli/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).not.toBe('');
    const directives = new Map(
      csp.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(csp).not.toContain('unsafe-eval');
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<');
    expect(fs.readFile).toHaveBeenCalledWith(join(RENDERER, 'index.html'));
    expectOnlyReadsInsideRenderer();
  });

  it('answers HEAD without a body, and other hosts and methods with 404', async () => {
    const head = await get('app://kansli/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get('app://kansli/index.html', 'POST')).status).toBe(404);
  });

  // Files that exist outside src/renderer (…/src/main/index.ts, …/package.json), so a hole would
  // be a 200, not a lucky 404.
  const traversals = [
    'app://kansli/../package.json',
    'app://kansli/%2e%2e/%2e%2e/package.json',
    'app://kansli/..%2f..%2fpackage.json',
    'app://kansli/%2e%2e%2f%2e%2e%2fpackage.json',
    'app://kansli/%2E%2E%2Fmain%2Findex.ts',
    'app://kansli/..%2fmain%2findex.ts',
    'app://kansli/..\\..\\package.json',
    'app://kansli/..%5c..%5cpackage.json',
    'app://kansli/%252e%252e%252fpackage.json',
    'app://kansli/%2f..%2f..%2fpackage.json',
    `app://kansli/${encodeURIComponent(resolve(HERE, '../../package.json'))}`,
    'app://kansli/index.html%00.png',
    'app://kansli/%00',
    'app://kansli/%E0%A4%A',
  ];
  it.each(traversals)('404 and no read outside the renderer for %s', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('Not found');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expectOnlyReadsInsideRenderer();
    expect(fs.readFile).not.toHaveBeenCalled();
  });
});
