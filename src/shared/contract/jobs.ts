import { z } from 'zod';
import { handler } from './define';

/**
 * Long jobs (letters rendered in a worker thread) report 'job.progress' events with their
 * `jobId` (chosen by the window when it starts the job). `jobs.cancel` stops one: the job's own
 * call then answers with `cancelled` and leaves no partial files. Answers whether a job with
 * that id was running (false when it had already finished).
 */
export const jobsContract = {
  'jobs.cancel': handler<{ cancelled: boolean }>()(z.object({ jobId: z.string().min(1).max(100) })),
} as const;
