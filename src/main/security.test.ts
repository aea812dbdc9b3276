// The navigation, window.open, webview and permission guards, with Electron faked: each guard is
// driven through the listener Electron would call.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const h = vi.hoisted(() => {
  const state = {
    isPackaged: true,
    appListeners: new Map<string, Listener[]>(),
    permissionRequest: null as unknown,
    permissionCheck: null as unknown,
  };
  const electron = {
    app: {
      get isPackaged() {
        return state.isPackaged;
      },
      on: vi.fn((event: string, listener: Listener) => {
        state.appListeners.set(event, [...(state.appListeners.get(event) ?? []), listener]);
      }),
    },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn((fn: unknown) => {
          state.permissionRequest = fn;
        }),
        setPermissionCheckHandler: vi.fn((fn: unknown) => {
          state.permissionCheck = fn;
        }),
      },
    },
  };
  return { state, electron };
});

vi.mock('electron', () => h.electron);

const { installSecurity, isAppUrl } = await import('./security');

/** A fake WebContents, guarded the way Electron would: through app's 'web-contents-created'. */
function guardedContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on: (event: string, listener: Listener) => listeners.set(event, listener),
    setWindowOpenHandler: (fn: typeof openHandler) => {
      openHandler = fn;
    },
  };
  for (const l of h.state.appListeners.get('web-contents-created') ?? []) l({}, contents);
  const fire = (name: string, url: string) => {
    const event = { url, preventDefault: vi.fn() };
    const listener = listeners.get(name);
    expect(listener, `no ${name} listener`).toBeDefined();
    listener?.(event, url);
    return event.preventDefault;
  };
  return {
    navigate: (url: string) => fire('will-navigate', url),
    redirect: (url: string) => fire('will-redirect', url),
    attachWebview: () => fire('will-attach-webview', ''),
    open: (url: string) => {
      expect(openHandler, 'no window open handler').not.toBeNull();
      return openHandler?.({ url });
    },
  };
}

beforeEach(() => {
  h.state.isPackaged = true;
  h.state.appListeners.clear();
  delete process.env.ELECTRON_RENDERER_URL;
  installSecurity();
});
afterEach(() => {
  vi.clearAllMocks();
  delete process.env.ELECTRON_RENDERER_URL;
});

describe('navigation', () => {
  it('prevents will-navigate and will-redirect to another origin', () => {
    const c = guardedContents();
    for (const url of ['https://evil.example/', 'http://evil.example/', 'file:///etc/passwd', 'app://evil/index.html', 'app://kansli.evil/']) {
      expect(c.navigate(url), url).toHaveBeenCalled();
      expect(c.redirect(url), url).toHaveBeenCalled();
    }
  });

  it('lets the app navigate within app://kansli/', () => {
    const c = guardedContents();
    expect(c.navigate('app://kansli/index.html#/members')).not.toHaveBeenCalled();
    expect(c.redirect('app://kansli/other.html')).not.toHaveBeenCalled();
  });

  it('a packaged app does not trust ELECTRON_RENDERER_URL; unpackaged it does', () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/';
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
    expect(guardedContents().navigate('http://localhost:5173/')).toHaveBeenCalled();
    h.state.isPackaged = false;
    expect(isAppUrl('http://localhost:5173/x')).toBe(true);
    expect(isAppUrl('http://localhost:5174/x')).toBe(false);
  });

  it('a navigation to https is handed to the system browser, one to http or javascript: is not', () => {
    const c = guardedContents();
    c.navigate('https://example.org/a');
    c.navigate('http://example.org/a');
    c.navigate('javascript:alert(1)');
    expect(h.electron.shell.openExternal).toHaveBeenCalledTimes(1);
    expect(h.electron.shell.openExternal).toHaveBeenCalledWith('https://example.org/a');
  });
});

describe('window.open', () => {
  it.each([
    ['https://example.org/path?q=1', 'https://example.org/path?q=1'],
    ['HTTPS://Example.ORG/a b', 'https://example.org/a%20b'],
    ['mailto:ordforande@example.se', 'mailto:ordforande@example.se'],
    ['tel:+46701234567', 'tel:+46701234567'],
  ])('%s is denied in-app and opened externally as %s (the parsed URL)', (url, expected) => {
    expect(guardedContents().open(url)).toEqual({ action: 'deny' });
    expect(h.electron.shell.openExternal).toHaveBeenCalledTimes(1);
    expect(h.electron.shell.openExternal).toHaveBeenCalledWith(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'file:///etc/passwd',
    'file://server/share/x.exe',
    'http://example.org/',
    'data:text/html,<script>alert(1)</script>',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'app://kansli/index.html',
    'not a url',
    '',
    'https://exa mple.org/',
    '//evil.example/',
  ])('%j is denied and not opened', (url) => {
    expect(guardedContents().open(url)).toEqual({ action: 'deny' });
    expect(h.electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('a failing openExternal is caught, not an unhandled rejection', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    h.electron.shell.openExternal.mockImplementationOnce(() => Promise.reject(new Error('no handler')));
    expect(guardedContents().open('https://example.org/')).toEqual({ action: 'deny' });
    await new Promise((r) => setTimeout(r, 0));
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });
});

describe('webviews and permissions', () => {
  it('prevents will-attach-webview', () => {
    expect(guardedContents().attachWebview()).toHaveBeenCalled();
  });

  it('denies every permission request and check', () => {
    const request = h.state.permissionRequest as (wc: unknown, permission: string, cb: (ok: boolean) => void) => void;
    const check = h.state.permissionCheck as (wc: unknown, permission: string) => boolean;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem']) {
      const cb = vi.fn();
      request({}, permission, cb);
      expect(cb, permission).toHaveBeenCalledExactlyOnceWith(false);
      expect(check({}, permission), permission).toBe(false);
    }
  });
});
