import type { Worker } from 'node:worker_threads';
import { KansliError } from '../../shared/result';
import { LettersOutput, planLetters } from '../documents/letters/output';
import type { LettersJob, LettersJobResult } from '../documents/letters/types';
import { pdfFontsDir } from '../documents/pdf';
import { progressThrottle } from './progress';
import type { LettersWorkerInput, LettersWorkerMessage } from './protocol';
import { startLettersWorker } from './worker-url';

function cancelledError(): KansliError {
  return new KansliError('cancelled', 'The letters were cancelled; nothing was written.');
}

/**
 * One letters job: plan and check on this thread (bad input is refused before a worker starts),
 * render in a worker, write what it sends into the job's temporary output, and move it into place
 * when all is done. Abort (`signal`) terminates the worker at once — even inside one long layout
 * of a combined file — waits for the writes already started, and removes the partial output.
 */
export async function runLettersJob(job: LettersJob, report: (done: number, total: number) => void, signal: AbortSignal): Promise<LettersJobResult> {
  const plan = planLetters(job);
  if (signal.aborted) throw cancelledError();
  const output = new LettersOutput(plan);
  await output.begin();
  const progress = progressThrottle(plan.letters.length, report);
  let worker: Worker | undefined;
  let writes: Promise<void> = Promise.resolve();
  try {
    progress(0);
    const input: LettersWorkerInput = { issuer: job.issuer, letters: plan.letters, mode: plan.mode, createdAt: new Date().toISOString(), fontsDir: pdfFontsDir() };
    const w = startLettersWorker({ workerData: input });
    worker = w;
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const fail = (e: unknown) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        reject(e);
      };
      const onAbort = () => fail(cancelledError());
      signal.addEventListener('abort', onAbort, { once: true });
      w.on('message', (m: LettersWorkerMessage) => {
        if (settled) return;
        if (m.type === 'progress') progress(m.done);
        else if (m.type === 'file') {
          writes = writes.then(() => output.write(m.index, m.bytes));
          writes.catch(fail);
        } else if (m.type === 'done') {
          writes.then(() => {
            if (settled) return;
            settled = true;
            signal.removeEventListener('abort', onAbort);
            resolve();
          }, fail);
        } else if (m.type === 'error') fail(new KansliError(m.code, m.message, m.details));
      });
      w.on('error', (e) => fail(new KansliError('internal', `The letters worker failed: ${e.message}`)));
      w.on('exit', (code) => fail(new KansliError('internal', `The letters worker stopped early (exit code ${code}).`)));
    });
    const result = await output.commit();
    progress.finish();
    return result;
  } catch (e) {
    await worker?.terminate();
    await writes.catch(() => undefined);
    await output.discard();
    throw e;
  } finally {
    // After 'done' the worker ends by itself; this makes sure no thread outlives its job.
    void worker?.terminate();
  }
}
