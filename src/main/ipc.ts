import { basename, isAbsolute, join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, shell, type IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { dispatch } from '../core/dispatch';
import type { Api } from '../shared/contract';
import { IPC } from '../shared/bridge';
import type { Result } from '../shared/result';
import { isAppUrl } from './security';

/**
 * Only our own UI, in the window's top frame, may call the core. Anything else (an iframe, a page
 * that somehow got loaded) is refused before its arguments are even looked at.
 */
function fromOurWindow(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

const REFUSED: Result<never> = {
  ok: false,
  error: { code: 'internal', message: 'Refused: the request did not come from the Kansli window.' },
};

const filters = z
  .array(z.object({ name: z.string().max(200), extensions: z.array(z.string().max(20)).max(20) }))
  .max(20);
const saveOptions = z.object({ title: z.string().max(200), defaultName: z.string().max(255), filters });
const openOptions = z.object({ title: z.string().max(200), filters });
const folderOptions = z.object({ title: z.string().max(200) });

function parentWindow(event: IpcMainInvokeEvent): BrowserWindow | null {
  return BrowserWindow.fromWebContents(event.sender);
}

/** Wires the contract and the host services to IPC. The core starts async: calls wait for it. */
export function registerIpc(api: Promise<Api>): void {
  ipcMain.handle(IPC.invoke, async (event, name: unknown, args: unknown): Promise<Result<unknown>> => {
    if (!fromOurWindow(event)) return REFUSED;
    if (typeof name !== 'string') return { ok: false, error: { code: 'unknown-handler', message: 'No handler name.' } };
    let ready: Api;
    try {
      ready = await api;
    } catch {
      // index.ts has logged why; the window only learns that the core is not there.
      return { ok: false, error: { code: 'internal', message: 'Kansli could not start.' } };
    }
    return dispatch(ready, name, args);
  });

  ipcMain.handle(IPC.pickSavePath, async (event, raw: unknown): Promise<string | null> => {
    const parsed = saveOptions.safeParse(raw);
    if (!fromOurWindow(event) || !parsed.success) return null;
    const { title, defaultName, filters: f } = parsed.data;
    const options = {
      title,
      // basename: the window suggests a name, not where on disk it goes.
      defaultPath: join(app.getPath('documents'), basename(defaultName)),
      filters: f,
      properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<'createDirectory' | 'showOverwriteConfirmation'>,
    };
    const win = parentWindow(event);
    const res = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return res.canceled || !res.filePath ? null : res.filePath;
  });

  ipcMain.handle(IPC.pickOpenPath, async (event, raw: unknown): Promise<string | null> => {
    const parsed = openOptions.safeParse(raw);
    if (!fromOurWindow(event) || !parsed.success) return null;
    const options = {
      title: parsed.data.title,
      filters: parsed.data.filters,
      properties: ['openFile'] as Array<'openFile'>,
    };
    const win = parentWindow(event);
    const res = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return res.canceled || res.filePaths.length === 0 ? null : res.filePaths[0];
  });

  // A folder to write many files into (one letter per member): the user may make a new one here.
  ipcMain.handle(IPC.pickFolder, async (event, raw: unknown): Promise<string | null> => {
    const parsed = folderOptions.safeParse(raw);
    if (!fromOurWindow(event) || !parsed.success) return null;
    const options = {
      title: parsed.data.title,
      defaultPath: app.getPath('documents'),
      properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'>,
    };
    const win = parentWindow(event);
    const res = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return res.canceled || res.filePaths.length === 0 ? null : res.filePaths[0];
  });

  ipcMain.handle(IPC.showInFolder, (event, path: unknown): void => {
    if (!fromOurWindow(event) || typeof path !== 'string' || !isAbsolute(path)) return;
    shell.showItemInFolder(path);
  });
}
