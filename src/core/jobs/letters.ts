import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { KansliError } from '../../shared/result';
import { LettersOutput, planLetters, type LettersPlan } from '../documents/letters/output';
import type { LettersJob, LettersJobResult } from '../documents/letters/types';
import { pdfFontsDir } from '../documents/pdf';
import { progressThrottle } from './progress';
import type { LettersWorkerInput, LettersWorkerMessage } from './protocol';
import { startLettersWorker } from './worker-url';

/** Most worker threads one job uses (each holds its own parsed fonts, ~30 MB). */
const MAX_WORKERS = 4;
/** Fewer letters than this per worker are not worth another thread's start-up (~0.2 s). */
const MIN_LETTERS_PER_WORKER = 50;

function cancelledError(): KansliError {
  return new KansliError('cancelled', 'The letters were cancelled; nothing was written.');
}

/**
 * How the letters are shared between threads. A combined PDF is one document: one worker.
 * Separate PDFs are independent: contiguous shares for up to MAX_WORKERS workers (bounded by
 * the machine's cores), so 1,000 letters for e-mail take a fraction of the time on a laptop
 * with several cores; the main thread only writes the files.
 */
export function shares(plan: LettersPlan, cores = availableParallelism()): { first: number; count: number }[] {
  const n = plan.letters.length;
  const workers = plan.mode === 'combined' ? 1 : Math.max(1, Math.min(MAX_WORKERS, cores, Math.floor(n / MIN_LETTERS_PER_WORKER)));
  const size = Math.ceil(n / workers);
  const out: { first: number; count: number }[] = [];
  for (let first = 0; first < n; first += size) out.push({ first, count: Math.min(size, n - first) });
  return out;
}

/**
 * One letters job: plan and check on this thread (bad input is refused before a worker starts),
 * render in worker threads, write what they send into the job's temporary output, and move it
 * into place when all is done. Abort (`signal`) terminates the workers at once — even inside the
 * one long layout of a combined file — waits for the writes already started, and removes the
 * partial output.
 */
export async function runLettersJob(job: LettersJob, report: (done: number, total: number) => void, signal: AbortSignal): Promise<LettersJobResult> {
  const plan = planLetters(job);
  if (signal.aborted) throw cancelledError();
  const output = new LettersOutput(plan);
  await output.begin();
  const progress = progressThrottle(plan.letters.length, report);
  const workers: Worker[] = [];
  let writes: Promise<void> = Promise.resolve();
  try {
    progress(0);
    const createdAt = new Date().toISOString();
    const fontsDir = pdfFontsDir();
    const parts = shares(plan);
    const doneBy = parts.map(() => 0);
    let finished = 0;
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const settle = (error?: unknown) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        if (error === undefined) resolve();
        else reject(error);
      };
      const onAbort = () => settle(cancelledError());
      signal.addEventListener('abort', onAbort, { once: true });
      parts.forEach((part, w) => {
        const input: LettersWorkerInput = {
          issuer: job.issuer,
          letters: plan.letters.slice(part.first, part.first + part.count),
          firstIndex: part.first,
          mode: plan.mode,
          createdAt,
          fontsDir,
        };
        const worker = startLettersWorker({ workerData: input });
        workers.push(worker);
        let workerDone = false;
        worker.on('message', (m: LettersWorkerMessage) => {
          if (settled) return;
          if (m.type === 'progress') {
            doneBy[w] = m.done;
            progress(doneBy.reduce((a, b) => a + b, 0));
          } else if (m.type === 'file') {
            writes = writes.then(() => output.write(m.index, m.bytes));
            writes.catch(settle);
          } else if (m.type === 'done') {
            workerDone = true;
            if (++finished === parts.length) writes.then(() => settle(), settle);
          } else if (m.type === 'error') settle(new KansliError(m.code, m.message, m.details));
        });
        worker.on('error', (e) => settle(new KansliError('internal', `The letters worker failed: ${e.message}`)));
        worker.on('exit', (code) => {
          if (!workerDone) settle(new KansliError('internal', `A letters worker stopped early (exit code ${code}).`));
        });
      });
    });
    const result = await output.commit();
    progress.finish();
    return result;
  } catch (e) {
    await Promise.all(workers.map((w) => w.terminate()));
    await writes.catch(() => undefined);
    await output.discard();
    throw e;
  } finally {
    // After 'done' a worker ends by itself; this makes sure no thread outlives its job.
    for (const w of workers) void w.terminate();
  }
}
