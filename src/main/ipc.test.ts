// The IPC sender check, with Electron faked: only the app's own top frame reaches the core.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC } from '../shared/bridge';
import type { Api } from '../shared/contract';

type Handle = (event: unknown, ...args: unknown[]) => unknown;

const h = vi.hoisted(() => {
  const state = { isPackaged: true, handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>() };
  const electron = {
    app: {
      get isPackaged() {
        return state.isPackaged;
      },
      getPath: vi.fn((name: string) => `/home/u/${name}`),
    },
    ipcMain: {
      handle: vi.fn((channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => {
        state.handlers.set(channel, fn);
      }),
    },
    BrowserWindow: { fromWebContents: vi.fn(() => null) },
    dialog: {
      showSaveDialog: vi.fn(() => Promise.resolve({ canceled: false, filePath: '/home/u/documents/x.csv' })),
      showOpenDialog: vi.fn(() => Promise.resolve({ canceled: false, filePaths: ['/home/u/x.kansli'] })),
    },
    shell: { showItemInFolder: vi.fn() },
    session: {},
  };
  const dispatch = vi.fn((_api: unknown, _name: string, _args: unknown) => Promise.resolve({ ok: true, value: 'from-core' }));
  return { state, electron, dispatch };
});

vi.mock('electron', () => h.electron);
vi.mock('../core/dispatch', () => ({ dispatch: h.dispatch }));

const { registerIpc } = await import('./ipc');

const api = { marker: 'the-api' } as unknown as Api;
const APP = 'app://kansli/index.html';
const REFUSED = { ok: false, error: { code: 'internal', message: expect.stringMatching(/Refused/) } };

function frame(url: string, parent: unknown = null) {
  return { senderFrame: { url, parent }, sender: {} };
}
function handler(channel: string): Handle {
  const fn = h.state.handlers.get(channel);
  expect(fn, channel).toBeDefined();
  return fn as Handle;
}

beforeEach(() => {
  h.state.isPackaged = true;
  h.state.handlers.clear();
  delete process.env.ELECTRON_RENDERER_URL;
  registerIpc(Promise.resolve(api));
});
afterEach(() => {
  vi.clearAllMocks();
  delete process.env.ELECTRON_RENDERER_URL;
});

describe('invoke: sender check', () => {
  it('a call from the app top frame reaches dispatch with the api, name and args', async () => {
    const args = { query: 'Anna' };
    const res = await handler(IPC.invoke)(frame(APP), 'members.list', args);
    expect(res).toEqual({ ok: true, value: 'from-core' });
    expect(h.dispatch).toHaveBeenCalledExactlyOnceWith(api, 'members.list', args);
  });

  it.each([
    ['a null frame (destroyed or navigated)', { senderFrame: null, sender: {} }],
    ['an iframe of the app', frame(APP, { url: APP })],
    ['another origin', frame('https://evil.example/')],
    ['another app:// host', frame('app://evil/index.html')],
    ['a host that only starts with kansli', frame('app://kansli.evil/index.html')],
    ['a file: page', frame('file:///home/u/index.html')],
    ['about:blank', frame('about:blank')],
    ['an empty URL', frame('')],
  ])('%s gets an error Result and never reaches the core', async (_label, event) => {
    const res = await handler(IPC.invoke)(event, 'register.lock', {});
    expect(res).toEqual(REFUSED);
    expect(h.dispatch).not.toHaveBeenCalled();
  });

  it('the dev server counts only when unpackaged', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/';
    expect(await handler(IPC.invoke)(frame('http://localhost:5173/'), 'register.lock', {})).toEqual(REFUSED);
    expect(h.dispatch).not.toHaveBeenCalled();
    h.state.isPackaged = false;
    expect(await handler(IPC.invoke)(frame('http://localhost:5173/'), 'register.lock', {})).toEqual({ ok: true, value: 'from-core' });
  });

  it('a non-string name is refused before the core', async () => {
    const res = (await handler(IPC.invoke)(frame(APP), 42, {})) as { ok: boolean; error: { code: string } };
    expect(res.ok).toBe(false);
    expect(res.error.code).toBe('unknown-handler');
    expect(h.dispatch).not.toHaveBeenCalled();
  });

  it('a core that failed to start answers an error Result', async () => {
    h.state.handlers.clear();
    const failed = Promise.reject(new Error('boom'));
    failed.catch(() => undefined);
    registerIpc(failed);
    const res = (await handler(IPC.invoke)(frame(APP), 'register.lock', {})) as { ok: boolean; error: { code: string } };
    expect(res).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(h.dispatch).not.toHaveBeenCalled();
  });
});

describe('host services: sender check', () => {
  const save = { title: 'Export', defaultName: '../../.ssh/authorized_keys', filters: [{ name: 'CSV', extensions: ['csv'] }] };

  it('refuse foreign frames and iframes without opening a dialog or the file manager', async () => {
    for (const event of [frame('https://evil.example/'), frame(APP, {}), { senderFrame: null, sender: {} }]) {
      expect(await handler(IPC.pickSavePath)(event, save)).toBeNull();
      expect(await handler(IPC.pickOpenPath)(event, { title: 'Open', filters: [] })).toBeNull();
      expect(await handler(IPC.pickFolder)(event, { title: 'Folder' })).toBeNull();
      await handler(IPC.showInFolder)(event, '/home/u/x.csv');
    }
    expect(h.electron.dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(h.electron.dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(h.electron.shell.showItemInFolder).not.toHaveBeenCalled();
  });

  it('from the app: the suggested name is only a name in Documents; relative paths are not shown', async () => {
    expect(await handler(IPC.pickSavePath)(frame(APP), save)).toBe('/home/u/documents/x.csv');
    expect(h.electron.dialog.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: join('/home/u/documents', 'authorized_keys') }),
    );
    await handler(IPC.showInFolder)(frame(APP), 'relative/x.csv');
    expect(h.electron.shell.showItemInFolder).not.toHaveBeenCalled();
    await handler(IPC.showInFolder)(frame(APP), '/home/u/x.csv');
    expect(h.electron.shell.showItemInFolder).toHaveBeenCalledWith('/home/u/x.csv');
  });

  it('a folder is picked in Documents, may be created there, and bad options open nothing', async () => {
    h.electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/home/u/documents/Fakturor'] });
    expect(await handler(IPC.pickFolder)(frame(APP), { title: 'Välj mapp' })).toBe('/home/u/documents/Fakturor');
    expect(h.electron.dialog.showOpenDialog).toHaveBeenCalledExactlyOnceWith({
      title: 'Välj mapp',
      defaultPath: '/home/u/documents',
      properties: ['openDirectory', 'createDirectory'],
    });
    h.electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await handler(IPC.pickFolder)(frame(APP), { title: 'Välj mapp' })).toBeNull();
    expect(await handler(IPC.pickFolder)(frame(APP), { title: 'x'.repeat(201) })).toBeNull();
    expect(await handler(IPC.pickFolder)(frame(APP), 'not options')).toBeNull();
    expect(h.electron.dialog.showOpenDialog).toHaveBeenCalledTimes(2);
  });
});
