import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts the letters worker wherever the core runs.
 *
 * - Electron build: the core is bundled into out/main/index.js (and chunks beside it, see
 *   electron.vite.config.ts), and the worker is a second entry of the same bundle,
 *   out/main/letters-worker.js: found relative to this module's own URL.
 * - From source (vitest, the bench, the browser preview's `node --import tsx`): this module is
 *   src/core/jobs/worker-url.ts and the worker is worker.ts beside it. A worker does not inherit
 *   the parent's module hooks, and on Node 20 `execArgv: ['--import', 'tsx']` does not reach the
 *   worker's entry module either (ERR_UNKNOWN_FILE_EXTENSION: the hooks register too late). So a
 *   two-line bootstrap registers tsx's ESM hooks inside the worker (tsx/esm/api `register()`)
 *   and then imports worker.ts.
 *
 * The file names go through variables so the bundler does not rewrite `new URL(…, import.meta.url)`.
 */
const BUILT_WORKER = 'letters-worker.js';
const SOURCE_WORKER = 'worker.ts';

function fromSource(): boolean {
  return new URL(import.meta.url).pathname.endsWith('.ts');
}

/** The ESM entry of tsx's registration API, from tsx's own package.json (tsx is a dev dependency). */
function tsxRegisterUrl(): string {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { exports: Record<string, { import?: { default?: string } } | string> };
  const entry = pkg.exports['./esm/api'];
  const file = typeof entry === 'object' ? entry.import?.default : undefined;
  if (!file) throw new Error('tsx/esm/api not found: cannot start the TypeScript worker from source');
  return new URL(file, pathToFileURL(pkgPath)).href;
}

export function startLettersWorker(options: WorkerOptions): Worker {
  if (!fromSource()) return new Worker(new URL(BUILT_WORKER, import.meta.url), options);
  const target = new URL(SOURCE_WORKER, import.meta.url).href;
  const bootstrap =
    `import(${JSON.stringify(tsxRegisterUrl())})` +
    `.then((tsx) => { tsx.register(); return import(${JSON.stringify(target)}); })` +
    `.catch((e) => { process.nextTick(() => { throw e; }); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
