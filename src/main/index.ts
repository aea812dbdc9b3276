import { app, BrowserWindow, dialog } from 'electron';
import { createCore, type Core } from '../core';
import { dispatch } from '../core/dispatch';
import { IPC } from '../shared/bridge';
import type { Emit } from '../shared/contract';
import { registerIpc } from './ipc';
import { installMenu, shellTexts } from './menu';
import { devRendererUrl, installSecurity } from './security';
import { createMainWindow, handleAppProtocol, registerAppScheme } from './window';

// The scheme must be privileged before `ready`; doing it at load time guarantees that.
registerAppScheme();

let mainWindow: BrowserWindow | null = null;

// One register file, one writer: a second Kansli would fight the first over the file's lock,
// so the second start only brings the first window forward and leaves.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  start();
}

function start(): void {
  const emit: Emit = (event, payload) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(IPC.event, { event, payload });
  };

  const corePromise: Promise<Core> = app.whenReady().then(() =>
    createCore({ configDir: app.getPath('userData'), emit }),
  );
  corePromise.catch((e: unknown) => console.error('[kansli] the core failed to start:', e));
  const apiPromise = corePromise.then((core) => core.api);
  apiPromise.catch(() => undefined); // reported above; each call answers with an error Result
  registerIpc(apiPromise);

  void app.whenReady().then(() => {
    installSecurity();
    handleAppProtocol();
    installMenu(
      {
        lock: () =>
          void corePromise.then((core) => dispatch(core.api, 'register.lock', {})).catch(() => undefined),
      },
      devRendererUrl() !== null,
    );
    mainWindow = createMainWindow();
    mainWindow.on('closed', () => (mainWindow = null));
  });

  // The register is open, decrypted, in this process: closing the last window ends the app
  // (on macOS too) so nothing stays unlocked without a window.
  app.on('window-all-closed', () => app.quit());

  // Quitting waits for the forced save and the lock release. No timeout on purpose: a slow disk
  // must delay the quit, not lose the last changes.
  let shutdown: 'idle' | 'pending' | 'done' = 'idle';
  app.on('before-quit', (event) => {
    if (shutdown === 'done') return;
    event.preventDefault();
    if (shutdown === 'pending') return;
    shutdown = 'pending';
    void corePromise
      .then((core) => core.shutdown())
      .then(
        () => true,
        async (e: unknown) => {
          console.error('[kansli] shutdown failed:', e);
          return quitWithoutSaving(e);
        },
      )
      .then((quit) => {
        if (!quit) {
          // The register is still open with its changes: bring a window back to show why.
          shutdown = 'idle';
          if (!mainWindow || mainWindow.isDestroyed()) mainWindow = createMainWindow();
          mainWindow.show();
          mainWindow.focus();
          return;
        }
        shutdown = 'done';
        app.quit();
      });
  });
}

/** The last save failed: quitting now would lose the changes, so the user decides. */
async function quitWithoutSaving(e: unknown): Promise<boolean> {
  const t = shellTexts();
  const options = {
    type: 'warning' as const,
    buttons: [t.stay, t.quitAnyway],
    defaultId: 0,
    cancelId: 0,
    message: t.unsaved,
    detail: `${t.unsavedDetail}\n\n${e instanceof Error ? e.message : String(e)}`,
  };
  const parent = mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined;
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  return response === 1;
}
