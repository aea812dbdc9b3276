import type { Emit } from '../../shared/contract';
import { KansliError } from '../../shared/result';
import type { LettersJob, LettersJobResult } from '../documents/letters/types';
import { runLettersJob } from './letters';

export interface Jobs {
  /** Renders dues letters in a worker thread; emits 'job.progress' {jobId, done, total}; rejects with KansliError('cancelled') when cancelled. */
  letters(jobId: string, job: LettersJob): Promise<LettersJobResult>;
  cancel(jobId: string): boolean;
}

/**
 * Long jobs with progress and cancel, one runner per core. A job is known by the id the window
 * chose, so it can match 'job.progress' events and call jobs.cancel; an id is unique while its
 * job runs (a second job under a running id is refused with `conflict`).
 */
export function createJobs(emit: Emit): Jobs {
  const running = new Map<string, AbortController>();

  return {
    async letters(jobId, job) {
      if (running.has(jobId)) throw new KansliError('conflict', `Job ${jobId} is already running.`);
      const controller = new AbortController();
      running.set(jobId, controller);
      try {
        return await runLettersJob(job, (done, total) => emit('job.progress', { jobId, done, total }), controller.signal);
      } finally {
        running.delete(jobId);
      }
    },

    cancel(jobId) {
      const controller = running.get(jobId);
      if (!controller) return false;
      controller.abort();
      return true;
    },
  };
}
