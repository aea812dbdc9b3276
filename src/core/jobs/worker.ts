import { parentPort, workerData } from 'node:worker_threads';
import { isKansliError } from '../../shared/result';
import { renderInto } from '../documents/letters/run';
import { setPdfFontsDir } from '../documents/pdf';
import type { LettersWorkerInput, LettersWorkerMessage } from './protocol';

/**
 * The letters worker: renders the dues letters it is given off the main thread (so the window
 * never freezes) and posts the PDF bytes back; the main thread writes the files (jobs/letters.ts),
 * so this thread holds no file open and can be terminated at any moment to cancel. Fonts are
 * parsed once per worker (documents/pdf.ts keeps them for the thread's lifetime).
 *
 * Built as its own entry (electron.vite.config.ts → out/main/letters-worker.js); from source
 * (tests, bench, browser preview) it is started through tsx (jobs/worker-url.ts).
 */

const port = parentPort;
if (!port) throw new Error('letters worker started outside a worker thread');
const post = (message: LettersWorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

let lastDone = -1;

async function run(input: LettersWorkerInput): Promise<void> {
  setPdfFontsDir(input.fontsDir);
  await renderInto(
    input.issuer,
    input.letters,
    input.mode,
    {
      file(i, bytes) {
        const index = input.firstIndex + i;
        // A fresh ArrayBuffer of exactly these bytes, handed over without a copy.
        const own = new Uint8Array(bytes);
        post({ type: 'file', index, bytes: own }, [own.buffer]);
      },
      progress: (done) => {
        if (done === lastDone) return; // layout reports per page: only changes cross threads
        lastDone = done;
        post({ type: 'progress', done });
      },
    },
    new Date(input.createdAt),
  );
  post({ type: 'done' });
}

run(workerData as LettersWorkerInput).catch((e: unknown) => {
  if (isKansliError(e)) post({ type: 'error', code: e.code, message: e.message, details: e.details });
  else {
    // The window gets a code and a message, never a stack; the stack goes to the log.
    console.error('letters worker failed:', e);
    post({ type: 'error', code: 'internal', message: e instanceof Error ? e.message : String(e) });
  }
});
