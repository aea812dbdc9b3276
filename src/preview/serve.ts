import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startPreviewServer } from './server';

// `npm run preview:web`: the built UI in any browser, against the real core, on this machine only.

const port = Number(process.env.PORT ?? 5178);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not "${process.env.PORT}".`);
  process.exit(2);
}
const configDir = resolve(process.env.KANSLI_PREVIEW_DIR ?? '.tmp/preview');
mkdirSync(configDir, { recursive: true });

const server = await startPreviewServer({ port, configDir });
console.log(`Kansli preview (config in ${configDir})`);
console.log(`  ${server.url}`);
console.log('Ctrl+C stops it (and saves what is open).');

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: saving and stopping…`);
  server.close().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error('Stopping failed:', e);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
