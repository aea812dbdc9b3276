import { beforeEach, describe, expect, it, vi } from 'vitest';

// The bridge faked: calls answer when the test says so, events are pushed by the test.
const h = vi.hoisted(() => {
  const listeners = new Map<string, (payload: unknown) => void>();
  const pending = new Map<string, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  const calls: { name: string; args: Record<string, unknown> }[] = [];
  return { listeners, pending, calls };
});

vi.mock('../../api', () => {
  class ApiFailure extends Error {
    constructor(readonly error: { code: string; message: string }) {
      super(error.message);
    }
  }
  return {
    bridge: {
      on: (event: string, listener: (payload: unknown) => void) => {
        h.listeners.set(event, listener);
        return () => h.listeners.delete(event);
      },
    },
    call: (name: string, args: Record<string, unknown>) => {
      h.calls.push({ name, args });
      if (name === 'jobs.cancel') return Promise.resolve({ cancelled: true });
      return new Promise((resolve, reject) => h.pending.set(String(args.jobId), { resolve, reject }));
    },
    errorOf: (e: unknown) => (e instanceof ApiFailure ? e.error : { code: 'internal', message: String(e) }),
    ApiFailure,
  };
});

const { cancelLetters, dismissLetters, lettersJobsNow, startLetters } = await import('./jobs');
const { ApiFailure } = (await import('../../api')) as unknown as { ApiFailure: new (e: { code: string; message: string }) => Error };

const start = (what = 'Fakturor 2026') =>
  startLetters({ source: { kind: 'run', runId: 3 }, sourceKey: 'run:3', what, mode: 'combined', path: '/tmp/f.pdf', sort: 'postcode' });
const job = (id: string) => lettersJobsNow().find((j) => j.jobId === id)!;
const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  for (const j of lettersJobsNow()) dismissLetters(j.jobId);
  h.calls.length = 0;
});

describe('letters jobs', () => {
  it('start a job with its own id, follow its progress only, and end with the result', async () => {
    const a = start();
    const b = start('Påminnelse 1 2026');
    expect(a).not.toBe(b);
    expect(h.calls[0]).toEqual({ name: 'dues.letters', args: { source: { kind: 'run', runId: 3 }, mode: 'combined', path: '/tmp/f.pdf', sort: 'postcode', jobId: a } });
    expect(lettersJobsNow().map((j) => j.jobId)).toEqual([b, a]); // newest first

    h.listeners.get('job.progress')!({ jobId: a, done: 40, total: 100 });
    h.listeners.get('job.progress')!({ jobId: 'someone-else', done: 99, total: 100 });
    h.listeners.get('job.progress')!({ jobId: a, done: 30, total: 100 }); // late and smaller: ignored
    expect([job(a).done, job(a).total, job(b).done]).toEqual([40, 100, 0]);

    h.pending.get(a)!.resolve({ path: '/tmp/f.pdf', letters: 100, indexPath: null, notPrintable: [] });
    await settle();
    expect(job(a)).toMatchObject({ status: 'done', done: 100, total: 100, result: { letters: 100 } });
    expect(job(b).status).toBe('running');
  });

  it('cancel asks the core, and the job ends as cancelled (not failed) when its call says so', async () => {
    const a = start();
    cancelLetters(a);
    expect(job(a).status).toBe('cancelling');
    expect(h.calls.at(-1)).toEqual({ name: 'jobs.cancel', args: { jobId: a } });
    h.pending.get(a)!.reject(new ApiFailure({ code: 'cancelled', message: 'Cancelled' }));
    await settle();
    expect(job(a)).toMatchObject({ status: 'cancelled', error: { code: 'cancelled' } });
  });

  it('a refusal ends the job as failed with its error; dismissing forgets it', async () => {
    const a = start();
    h.pending.get(a)!.reject(new ApiFailure({ code: 'file-exists', message: 'x' }));
    await settle();
    expect(job(a)).toMatchObject({ status: 'failed', error: { code: 'file-exists' } });
    dismissLetters(a);
    expect(lettersJobsNow()).toEqual([]);
  });

  it('locking the register cancels what runs and forgets every job', () => {
    const a = start();
    h.listeners.get('register.locked')!({ path: '/x.kansli', reason: 'idle' });
    expect(h.calls.at(-1)).toEqual({ name: 'jobs.cancel', args: { jobId: a } });
    expect(lettersJobsNow()).toEqual([]);
  });
});
