import type { Emit } from '../../shared/contract';
import { KansliError } from '../../shared/result';
import { LettersOutput, planLetters } from '../documents/letters/output';
import { Cancelled, renderInto } from '../documents/letters/run';
import type { LettersJob, LettersJobResult } from '../documents/letters/types';
import { progressThrottle } from './progress';

export interface Jobs {
  /** Renders dues letters in a worker thread; emits 'job.progress' {jobId, done, total}; rejects with KansliError('cancelled') when cancelled. */
  letters(jobId: string, job: LettersJob): Promise<LettersJobResult>;
  cancel(jobId: string): boolean;
}

interface Running {
  cancelled: boolean;
}

/**
 * Long jobs with progress and cancel. FIRST VERSION: the letters render in-process (on the
 * calling thread, yielding between letters); the worker thread (worker.ts) replaces this next.
 */
export function createJobs(emit: Emit): Jobs {
  const running = new Map<string, Running>();

  return {
    async letters(jobId, job) {
      if (running.has(jobId)) throw new KansliError('conflict', `Job ${jobId} is already running.`);
      const state: Running = { cancelled: false };
      running.set(jobId, state);
      const plan = planLetters(job);
      const output = new LettersOutput(plan);
      const progress = progressThrottle(plan.letters.length, (done, total) => emit('job.progress', { jobId, done, total }));
      try {
        await output.begin();
        progress(0);
        await renderInto(job.issuer, plan.letters, plan.mode, {
          file: (index, bytes) => output.write(index, bytes),
          progress,
          cancelled: () => state.cancelled,
        });
        if (state.cancelled) throw new Cancelled();
        const result = await output.commit();
        progress.finish();
        return result;
      } catch (e) {
        await output.discard();
        if (e instanceof Cancelled || state.cancelled) throw new KansliError('cancelled', 'The letters were cancelled; nothing was written.');
        throw e;
      } finally {
        running.delete(jobId);
      }
    },

    cancel(jobId) {
      const state = running.get(jobId);
      if (!state) return false;
      state.cancelled = true;
      return true;
    },
  };
}
