import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

// The real app, started from the build (`npm run build` first). Where the Electron binary could
// not be downloaded, `require('electron')` throws or names a missing file: the spec then reports
// itself skipped, with that reason, instead of failing.

const MAIN = resolve('out/main/index.js');

function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    if (typeof path !== 'string') return null;
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    return null;
  }
}

const binary = electronBinary();
// The list reporter shows a skip without its reason: say it once, where the run is read.
if (!binary) {
  console.warn('[electron] startup.spec.ts skipped: no Electron binary (require("electron") names no executable file).');
}

test.describe('Electron app', () => {
  test.skip(!binary, 'skipped: no Electron binary');
  test.skip(!existsSync(MAIN), 'skipped: out/main/index.js missing, run npm run build first');

  let userData: string;
  test.beforeEach(async () => {
    userData = await mkdtemp(join(tmpdir(), 'kansli-electron-'));
  });
  test.afterEach(async () => {
    await rm(userData, { recursive: true, force: true });
  });

  // A fresh userData per test: no recent registers, and its own single-instance lock.
  const args = () => [MAIN, `--user-data-dir=${userData}`];

  test('the first window shows the welcome screen', async () => {
    const app = await electron.launch({ executablePath: binary!, args: args() });
    try {
      const page = await app.firstWindow();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('button', { name: /create|skapa|opprett/i })).toBeVisible();
      await expect(page.getByRole('button', { name: /open|öppna|åpne/i })).toBeVisible();
      // The preload bridge, not the preview client.
      expect(await page.evaluate(() => window.kansli?.kind)).toBe('electron');
      expect(page.url()).toMatch(/^app:\/\/kansli\//);
      expect(await app.evaluate(({ app: a }) => a.getPath('userData'))).toBe(userData);
    } finally {
      await app.close();
    }
  });

  test('a second launch brings the first window back and exits', async () => {
    const app = await electron.launch({ executablePath: binary!, args: args() });
    try {
      await app.firstWindow();
      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].minimize());

      // Not through Playwright: the second instance quits before it would ever open a window.
      const second = spawn(binary!, args(), { stdio: 'ignore' });
      const code = await new Promise<number | null>((done) => second.once('exit', done));
      expect(code).toBe(0);

      await expect
        .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => !w.isMinimized())))
        .toEqual([true]);
    } finally {
      await app.close();
    }
  });
});
