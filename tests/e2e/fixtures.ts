import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { dispatch } from '../../src/core/dispatch';
import type { Api, HandlerArgs, HandlerName, HandlerResult } from '../../src/shared/contract';
import { startPreviewServer, type PreviewServer, type PreviewServerOptions } from '../../src/preview/server';

export interface PreviewFixtures {
  /** A preview server of its own for each test, with a fresh config folder. */
  server: PreviewServer;
  /** Empty per-test folder: the config lives in tmpDir/config; put registers anywhere in here. */
  tmpDir: string;
}

export interface PreviewOptions {
  /** Argon2id parameters for registers created in the test (`test.use({ kdf })`); the core's own by default. */
  kdf: PreviewServerOptions['kdf'] | undefined;
}

export const test = base.extend<PreviewFixtures & PreviewOptions>({
  kdf: [undefined, { option: true }],

  // eslint-disable-next-line no-empty-pattern
  tmpDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'kansli-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },

  server: async ({ tmpDir, kdf }, use) => {
    const configDir = join(tmpDir, 'config');
    await mkdir(configDir);
    const server = await startPreviewServer({ port: 0, configDir, kdf });
    await use(server);
    await server.close();
  },

  // The page starts at the preview, already holding the token.
  page: async ({ page, server }, use) => {
    await page.goto(server.url);
    await use(page);
  },
});

/**
 * The core's handlers called through the contract's validation (defaults filled in, bad
 * arguments refused), as the window calls them: for setting up a test's register quickly.
 */
export function contractCaller(api: Api) {
  return async <K extends HandlerName>(name: K, args: HandlerArgs<K>): Promise<HandlerResult<K>> => {
    const r = await dispatch(api, name, args);
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
    return r.value as HandlerResult<K>;
  };
}

/** Where the specs' screenshots go (SHOTS_DIR keeps them apart when several runs share a checkout). */
export const SHOTS = process.env.SHOTS_DIR ?? 'test-results';

/** The whole panel in one picture: the tab panel scrolls inside the window, so the window grows for it. */
export async function panelShot(page: Page, name: string) {
  const size = page.viewportSize()!;
  const height = await page.locator('[role="tabpanel"]:visible').last().evaluate((el) => el.scrollHeight + el.getBoundingClientRect().top + 40);
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, Math.ceil(height)) });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  await page.setViewportSize(size);
}

export { expect };
