// The main process's wiring (index.ts), with Electron and the core faked: the single-instance lock,
// the second-instance focus, the quit that waits for the forced save, and the menu's Lock.
// index.ts runs at import time, so every test imports a fresh copy.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC } from '../shared/bridge';

type Listener = (...args: unknown[]) => unknown;

const h = vi.hoisted(() => {
  class Emitter {
    listeners = new Map<string, Listener[]>();
    on(event: string, listener: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    once(event: string, listener: Listener) {
      return this.on(event, listener);
    }
    emit(event: string, ...args: unknown[]) {
      for (const l of this.listeners.get(event) ?? []) l(...args);
    }
    count(event: string) {
      return this.listeners.get(event)?.length ?? 0;
    }
  }

  const state = {
    lock: true,
    quitted: 0,
    preferred: ['en-US'],
    windows: [] as FakeWindow[],
    ready: Promise.resolve(),
    template: [] as Array<{ submenu?: Array<{ label?: string; click?: () => void }> }>,
    ipc: new Map<string, Listener>(),
  };

  class FakeWebContents extends Emitter {
    send = vi.fn();
    openHandler: unknown = null;
    setWindowOpenHandler(fn: unknown) {
      this.openHandler = fn;
    }
  }

  class FakeWindow extends Emitter {
    webContents = new FakeWebContents();
    minimized = false;
    destroyed = false;
    loadURL = vi.fn(() => Promise.resolve());
    isDestroyed = vi.fn(() => this.destroyed);
    isMinimized = vi.fn(() => this.minimized);
    restore = vi.fn(() => {
      this.minimized = false;
    });
    show = vi.fn();
    focus = vi.fn();
    constructor(public options: unknown) {
      super();
      state.windows.push(this);
      // As Electron does: the window's contents announce themselves to app.
      app.emit('web-contents-created', {}, this.webContents);
    }
    static fromWebContents = vi.fn(() => null);
  }

  const app = Object.assign(new Emitter(), {
    isPackaged: true,
    requestSingleInstanceLock: vi.fn(() => state.lock),
    whenReady: vi.fn(() => state.ready),
    getPath: vi.fn((name: string) => `/home/u/${name}`),
    getPreferredSystemLanguages: vi.fn(() => state.preferred),
    getLocale: vi.fn(() => 'en-US'),
    getVersion: vi.fn(() => '0.1.0'),
    setAboutPanelOptions: vi.fn(),
    // Like Electron: quit() emits before-quit, and only quits if nobody prevented it.
    quit: vi.fn(() => {
      let prevented = false;
      app.emit('before-quit', { preventDefault: () => (prevented = true) });
      if (!prevented) state.quitted++;
    }),
  });

  const electron = {
    app,
    BrowserWindow: FakeWindow,
    ipcMain: { handle: vi.fn((channel: string, fn: Listener) => state.ipc.set(channel, fn)) },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    shell: { openExternal: vi.fn(() => Promise.resolve()), showItemInFolder: vi.fn() },
    dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn(), showMessageBox: vi.fn(() => Promise.resolve({ response: 1 })) },
    Menu: {
      buildFromTemplate: vi.fn((template: typeof state.template) => {
        state.template = template;
        return {};
      }),
      setApplicationMenu: vi.fn(),
    },
  };

  const api = { marker: 'the-api' };
  const core = { api, shutdown: vi.fn(() => Promise.resolve()), context: vi.fn() };
  const createCore = vi.fn((_options: { configDir: string; emit: (event: string, payload: unknown) => void }) => Promise.resolve(core));
  const dispatch = vi.fn((_api: unknown, _name: string, _args: unknown) => Promise.resolve({ ok: true, value: null }));
  return { state, app, electron, core, api, createCore, dispatch };
});

vi.mock('electron', () => h.electron);
vi.mock('../core', () => ({ createCore: h.createCore }));
vi.mock('../core/dispatch', () => ({ dispatch: h.dispatch }));

const flush = () => new Promise((r) => setTimeout(r, 0));

async function start(lock = true) {
  h.state.lock = lock;
  vi.resetModules();
  await import('./index');
  await flush();
}

function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function beforeQuit() {
  const event = { preventDefault: vi.fn() };
  h.app.emit('before-quit', event);
  return event.preventDefault;
}

beforeEach(() => {
  h.app.listeners.clear();
  h.state.windows.length = 0;
  h.state.ipc.clear();
  h.state.quitted = 0;
  h.state.ready = Promise.resolve();
  h.core.shutdown.mockImplementation(() => Promise.resolve());
  h.createCore.mockImplementation(() => Promise.resolve(h.core));
  delete process.env.ELECTRON_RENDERER_URL;
});
afterEach(() => vi.clearAllMocks());

describe('single instance (security case 17)', () => {
  it('without the lock the app quits, creating no window and starting no core', async () => {
    await start(false);
    expect(h.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(h.app.quit).toHaveBeenCalledTimes(1);
    expect(h.state.quitted).toBe(1);
    expect(h.state.windows).toHaveLength(0);
    expect(h.createCore).not.toHaveBeenCalled();
    expect(h.electron.ipcMain.handle).not.toHaveBeenCalled();
    expect(h.app.count('second-instance')).toBe(0);
  });

  it('with the lock: one window, and a second start restores a minimised window, then shows and focuses it', async () => {
    await start(true);
    expect(h.app.quit).not.toHaveBeenCalled();
    expect(h.state.windows).toHaveLength(1);
    const win = h.state.windows[0];
    win.minimized = true;
    h.app.emit('second-instance', {}, ['kansli'], '/');
    expect(win.restore).toHaveBeenCalledTimes(1);
    expect(win.focus).toHaveBeenCalledTimes(1);
    expect(win.restore.mock.invocationCallOrder[0]).toBeLessThan(win.focus.mock.invocationCallOrder[0]);
    expect(h.state.windows).toHaveLength(1);
  });

  it('a second start focuses a window that is not minimised without restoring it', async () => {
    await start(true);
    const win = h.state.windows[0];
    h.app.emit('second-instance', {}, ['kansli'], '/');
    expect(win.restore).not.toHaveBeenCalled();
    expect(win.show).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalledTimes(1);
  });

  it('a second start after the window closed or was destroyed does nothing', async () => {
    await start(true);
    const win = h.state.windows[0];
    win.destroyed = true;
    expect(() => h.app.emit('second-instance', {}, [], '/')).not.toThrow();
    expect(win.focus).not.toHaveBeenCalled();
    win.emit('closed');
    expect(() => h.app.emit('second-instance', {}, [], '/')).not.toThrow();
    expect(h.state.windows).toHaveLength(1);
  });
});

describe('startup wiring', () => {
  it('guards the window before it exists, and the IPC reaches the core only from the app', async () => {
    await start(true);
    expect(h.createCore).toHaveBeenCalledWith(expect.objectContaining({ configDir: '/home/u/userData' }));
    // installSecurity ran before createMainWindow: the window's contents got the open handler.
    expect(h.state.windows[0].webContents.openHandler).toBeTypeOf('function');
    expect(h.electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(h.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(h.electron.protocol.handle).toHaveBeenCalledTimes(1);
    const invoke = h.state.ipc.get(IPC.invoke);
    expect(await invoke?.({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'register.lock', {})).toMatchObject({ ok: false });
    expect(h.dispatch).not.toHaveBeenCalled();
    await invoke?.({ senderFrame: { url: 'app://kansli/index.html', parent: null } }, 'members.list', { q: 1 });
    expect(h.dispatch).toHaveBeenCalledExactlyOnceWith(h.api, 'members.list', { q: 1 });
  });

  it("core events go to the window's renderer, and not after it is destroyed", async () => {
    await start(true);
    const { emit } = h.createCore.mock.calls[0][0];
    emit('save-state', { dirty: true });
    const win = h.state.windows[0];
    expect(win.webContents.send).toHaveBeenCalledWith(IPC.event, { event: 'save-state', payload: { dirty: true } });
    win.destroyed = true;
    emit('save-state', { dirty: false });
    expect(win.webContents.send).toHaveBeenCalledTimes(1);
  });
});

describe('quit waits for the forced save', () => {
  it('before-quit prevents the quit, runs core.shutdown once, and quits exactly once after it resolves', async () => {
    await start(true);
    const save = deferred();
    h.core.shutdown.mockImplementation(() => save.promise);

    expect(beforeQuit()).toHaveBeenCalled();
    await flush();
    expect(h.core.shutdown).toHaveBeenCalledTimes(1);
    // A second Cmd+Q while saving: still prevented, no second shutdown.
    expect(beforeQuit()).toHaveBeenCalled();
    await flush();
    expect(h.core.shutdown).toHaveBeenCalledTimes(1);
    expect(h.app.quit).not.toHaveBeenCalled();
    expect(h.state.quitted).toBe(0);

    save.resolve();
    await flush();
    expect(h.app.quit).toHaveBeenCalledTimes(1);
    expect(h.state.quitted).toBe(1);
    expect(h.core.shutdown).toHaveBeenCalledTimes(1);
    // After the save, a further before-quit is let through.
    expect(beforeQuit()).not.toHaveBeenCalled();
  });

  it('closing the last window goes through the same wait', async () => {
    await start(true);
    const save = deferred();
    h.core.shutdown.mockImplementation(() => save.promise);
    h.app.emit('window-all-closed');
    await flush();
    expect(h.state.quitted).toBe(0);
    expect(h.core.shutdown).toHaveBeenCalledTimes(1);
    save.resolve();
    await flush();
    expect(h.state.quitted).toBe(1);
    expect(h.core.shutdown).toHaveBeenCalledTimes(1);
  });

  it('a failing last save asks first; "Quit without saving" then quits, once', async () => {
    await start(true);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    h.core.shutdown.mockImplementation(() => Promise.reject(new Error('disk full')));
    h.electron.dialog.showMessageBox.mockImplementation(() => Promise.resolve({ response: 1 }));
    beforeQuit();
    await flush();
    await flush();
    expect(error).toHaveBeenCalledWith('[kansli] shutdown failed:', expect.any(Error));
    expect(h.electron.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(h.app.quit).toHaveBeenCalledTimes(1);
    expect(h.state.quitted).toBe(1);
    error.mockRestore();
  });

  it('a failing last save and "Stay" keeps the app and its unsaved register; a later quit saves again', async () => {
    await start(true);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    h.core.shutdown.mockImplementationOnce(() => Promise.reject(new Error('disk full')));
    h.electron.dialog.showMessageBox.mockImplementationOnce(() => Promise.resolve({ response: 0 }));
    beforeQuit();
    await flush();
    await flush();
    expect(h.state.quitted).toBe(0);
    expect(h.app.quit).not.toHaveBeenCalled();
    h.core.shutdown.mockImplementation(() => Promise.resolve());
    beforeQuit();
    await flush();
    await flush();
    expect(h.core.shutdown).toHaveBeenCalledTimes(2);
    expect(h.state.quitted).toBe(1);
    error.mockRestore();
  });

  it('a quit before the core has started waits for it, then saves', async () => {
    const ready = deferred();
    h.state.ready = ready.promise;
    await start(true);
    expect(beforeQuit()).toHaveBeenCalled();
    await flush();
    expect(h.core.shutdown).not.toHaveBeenCalled();
    expect(h.state.quitted).toBe(0);
    ready.resolve();
    await flush();
    expect(h.core.shutdown).toHaveBeenCalledTimes(1);
    expect(h.state.quitted).toBe(1);
  });
});

describe('menu', () => {
  it("Lock dispatches register.lock to the core's api", async () => {
    h.state.preferred = ['sv-SE'];
    await start(true);
    const lock = h.state.template.flatMap((m) => m.submenu ?? []).find((i) => i.label === 'Lås registret');
    expect(lock).toBeDefined();
    lock?.click?.();
    await flush();
    expect(h.dispatch).toHaveBeenCalledExactlyOnceWith(h.api, 'register.lock', {});
  });
});
