import { useSyncExternalStore } from 'react';
import type { LetterSource, LettersResult } from '../../../shared/contract';
import type { ApiError } from '../../../shared/result';
import { bridge, call, errorOf } from '../../api';

/** One letters job the window started: its progress, then its outcome. */
export interface LettersJob {
  jobId: string;
  /** Which screen's letters ("run:3", "round:7", "credits:2026"): each screen shows its own. */
  sourceKey: string;
  /** What is being made, in words ("Fakturor 2026"). */
  what: string;
  mode: 'combined' | 'separate';
  done: number;
  /** 0 until the first progress event. */
  total: number;
  status: 'running' | 'cancelling' | 'done' | 'cancelled' | 'failed';
  result: LettersResult | null;
  error: ApiError | null;
}

export interface StartLetters {
  source: LetterSource;
  sourceKey: string;
  what: string;
  mode: 'combined' | 'separate';
  path: string;
  sort: 'postcode' | 'name';
}

/*
 * The jobs live here, outside any component: the dues tabs unmount when left, and the letters
 * must go on rendering (and be found again, with their progress) when the treasurer comes back.
 */
let jobs: LettersJob[] = [];
const listeners = new Set<() => void>();
let unsubscribeProgress: (() => void) | null = null;
let unsubscribeLocked: (() => void) | null = null;
let counter = 0;

function publish(next: LettersJob[]): void {
  jobs = next;
  for (const l of listeners) l();
}

function update(jobId: string, change: Partial<LettersJob>): void {
  if (!jobs.some((j) => j.jobId === jobId)) return; // dismissed meanwhile
  publish(jobs.map((j) => (j.jobId === jobId ? { ...j, ...change } : j)));
}

/**
 * One subscription for all jobs, made when the first job starts. When the register locks, its
 * jobs are cancelled and forgotten: the next register opened must not show them.
 */
function listenToProgress(): void {
  unsubscribeProgress ??= bridge.on('job.progress', ({ jobId, done, total }) => {
    const job = jobs.find((j) => j.jobId === jobId);
    if (job && (job.status === 'running' || job.status === 'cancelling') && done >= job.done) update(jobId, { done, total });
  });
  unsubscribeLocked ??= bridge.on('register.locked', () => {
    for (const j of jobs) if (j.status === 'running') call('jobs.cancel', { jobId: j.jobId }).catch(() => undefined);
    publish([]);
  });
}

function newJobId(): string {
  counter += 1;
  return `letters-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Starts rendering in the core; answers at once with the job id, the store follows the rest. */
export function startLetters(s: StartLetters): string {
  listenToProgress();
  const jobId = newJobId();
  const job: LettersJob = { jobId, sourceKey: s.sourceKey, what: s.what, mode: s.mode, done: 0, total: 0, status: 'running', result: null, error: null };
  publish([job, ...jobs]);
  call('dues.letters', { source: s.source, mode: s.mode, path: s.path, sort: s.sort, jobId }).then(
    (result) => update(jobId, { status: 'done', result, done: result.letters, total: result.letters }),
    (e: unknown) => {
      const error = errorOf(e);
      update(jobId, { status: error.code === 'cancelled' ? 'cancelled' : 'failed', error });
    },
  );
  return jobId;
}

/** Asks the core to stop; the job's own call then answers `cancelled` and nothing is left on disk. */
export function cancelLetters(jobId: string): void {
  update(jobId, { status: 'cancelling' });
  call('jobs.cancel', { jobId }).catch(() => {
    // The job had already ended; its own answer decides what is shown.
  });
}

/** Forgets a finished job (its card goes away). */
export function dismissLetters(jobId: string): void {
  publish(jobs.filter((j) => j.jobId !== jobId));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The jobs as they are now, newest first. */
export function lettersJobsNow(): LettersJob[] {
  return jobs;
}

/** Every job, newest first; a component re-renders when any changes. */
export function useLettersJobs(): LettersJob[] {
  return useSyncExternalStore(subscribe, () => jobs);
}
