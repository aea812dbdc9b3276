import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventMap } from '../../shared/contract';
import { KansliError } from '../../shared/result';
import { hasTool, pageCount, pdfText } from '../documents/letters/poppler';
import { sampleIssuer, sampleLetter } from '../documents/letters/samples';
import type { LettersJob } from '../documents/letters/types';
import { pdfFontStats } from '../documents/pdf';
import { testCore, until } from '../test-support';
import { createJobs } from './index';
import { shares } from './letters';

const poppler = hasTool('pdftotext');
if (!poppler) console.warn('SKIPPED reading the written PDFs back: pdftotext (poppler-utils) not installed');

let dir: string;
let events: EventMap['job.progress'][];
const emit = ((event: string, payload: EventMap['job.progress']) => {
  if (event === 'job.progress') events.push(payload);
}) as Parameters<typeof createJobs>[0];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kansli-jobs-'));
  events = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const job = (mode: LettersJob['mode'], path: string, n: number, extra: Partial<LettersJob> = {}): LettersJob => ({
  issuer: sampleIssuer(),
  letters: Array.from({ length: n }, (_, i) => sampleLetter(i, { noAddress: i === 2 })),
  mode,
  path,
  sort: 'postcode',
  ...extra,
});

async function rejection(p: Promise<unknown>): Promise<KansliError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(KansliError);
  return e as KansliError;
}

/** Every file under `root`, relative, hidden ones included. */
async function tree(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(root, { withFileTypes: true, recursive: true })) if (e.isFile()) out.push(join(e.parentPath, e.name).slice(root.length + 1));
  return out.sort();
}

describe('letters job (worker thread)', () => {
  it('combined: one PDF in postcode order, letters without address listed, progress to the end, rendered off this thread', async () => {
    const jobs = createJobs(emit);
    const parsesBefore = pdfFontStats().parses;
    const result = await jobs.letters('job-1', job('combined', join(dir, 'Fakturor 2026'), 12));
    expect(result).toEqual({
      path: join(dir, 'Fakturor 2026.pdf'),
      letters: 11,
      indexPath: null,
      notPrintable: [{ memberNumber: 1002, name: 'Märta Öberg' }],
    });
    expect((await stat(result.path)).mode & 0o777).toBe(0o600);
    expect(await tree(dir)).toEqual(['Fakturor 2026.pdf']);
    // The fonts were never parsed on this thread: the worker did the rendering.
    expect(pdfFontStats().parses).toBe(parsesBefore);
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.every((e) => e.jobId === 'job-1' && e.total === 11)).toBe(true);
    expect(events[0].done).toBe(0);
    expect(events.at(-1)?.done).toBe(11);
    // From the worker while the one document is laid out and drawn, not only at the end.
    expect(events.filter((e) => e.done > 0 && e.done < 11).length).toBeGreaterThanOrEqual(5);
    expect(events.map((e) => e.done)).toEqual([...events.map((e) => e.done)].sort((a, b) => a - b));
    if (poppler) {
      const pdf = await readFile(result.path);
      expect(pageCount(pdf)).toBe(11);
      const postcodes = Array.from({ length: 11 }, (_, p) => /(\d{3} \d{2}) \p{L}+/u.exec(pdfText(pdf, p + 1).split('Fakturanummer')[0])?.[1]);
      expect(postcodes).toEqual([...postcodes].sort());
      expect(pdfText(pdf)).not.toContain('Märta Öberg');
    }
  });

  it('separate: one PDF per member (also without address) and index.csv, all 0600; a second run into the same folder is refused and changes nothing', async () => {
    const jobs = createJobs(emit);
    const folder = join(dir, 'e-post');
    const result = await jobs.letters('job-2', job('separate', folder, 5, { sort: 'name' }));
    expect(result.letters).toBe(5);
    expect(result.indexPath).toBe(join(folder, 'index.csv'));
    const files = await tree(folder);
    expect(files).toHaveLength(6);
    expect(files).toContain('1002-Öberg-Märta.pdf');
    for (const f of files) expect((await stat(join(folder, f))).mode & 0o777).toBe(0o600);
    const csv = await readFile(result.indexPath!, 'utf8');
    expect(csv.startsWith('\uFEFFMedlemsnummer;Namn;E-post;Fil\r\n')).toBe(true);
    expect(csv).toContain('1002;Märta Öberg;märta.öberg@example.se;1002-Öberg-Märta.pdf\r\n');
    expect(csv.trim().split('\r\n')).toHaveLength(6);
    if (poppler) expect(pdfText(await readFile(join(folder, '1002-Öberg-Märta.pdf')))).toContain('Märta Öberg');
    // One event per letter from the worker (5 letters: 1 % is less than one), after the parent's 0.
    expect(events.map((e) => [e.jobId, e.done, e.total])).toEqual([0, 1, 2, 3, 4, 5].map((d) => ['job-2', d, 5]));

    const before = await Promise.all(files.map((f) => readFile(join(folder, f))));
    const e = await rejection(jobs.letters('job-3', job('separate', folder, 5)));
    expect(e.code).toBe('file-exists');
    expect(e.details?.files).toContain('1000-Öberg-Åsa.pdf');
    expect(await tree(folder)).toEqual(files);
    expect(await Promise.all(files.map((f) => readFile(join(folder, f))))).toEqual(before);
  });

  it('separate with several workers: every file holds the letter of its own member and index.csv lists them in order', async () => {
    const folder = join(dir, 'många');
    const n = 120; // two shares of 60 (up to two workers, as the machine allows)
    const result = await createJobs(emit).letters('job-pool', job('separate', folder, n, { sort: 'name' }));
    expect(result.letters).toBe(n);
    const rows = (await readFile(result.indexPath!, 'utf8')).trim().split('\r\n').slice(1).map((r) => r.split(';'));
    expect(rows).toHaveLength(n);
    expect(await tree(folder)).toEqual([...rows.map((r) => r[3]), 'index.csv'].sort());
    if (poppler) {
      for (const i of [0, 59, 60, 61, n - 1]) {
        const [memberNumber, name, , file] = rows[i];
        const text = pdfText(await readFile(join(folder, file)));
        expect(text).toContain(name);
        expect(text).toContain(`Medlemsnummer ${memberNumber}`);
      }
    }
    expect(events.at(-1)).toEqual({ jobId: 'job-pool', done: n, total: n });
  });

  it('shares: one worker for a combined file; separate letters split in contiguous shares, at most four, ≥ 50 letters each', () => {
    const plan = (mode: 'combined' | 'separate', n: number) => ({ mode, letters: new Array(n), notPrintable: [], target: '/x', files: [] }) as never;
    expect(shares(plan('combined', 1000), 8)).toEqual([{ first: 0, count: 1000 }]);
    expect(shares(plan('separate', 1000), 8)).toEqual([0, 250, 500, 750].map((first) => ({ first, count: 250 })));
    expect(shares(plan('separate', 1000), 2)).toEqual([{ first: 0, count: 500 }, { first: 500, count: 500 }]);
    expect(shares(plan('separate', 99), 8)).toEqual([{ first: 0, count: 99 }]);
    expect(shares(plan('separate', 101), 8)).toEqual([{ first: 0, count: 51 }, { first: 51, count: 50 }]);
    expect(shares(plan('separate', 3), 1)).toEqual([{ first: 0, count: 3 }]);
  });

  it('separate into an existing folder with other files: adds its files and leaves the others alone', async () => {
    const folder = join(dir, 'mapp');
    await mkdir(folder);
    await writeFile(join(folder, 'annat.txt'), 'behåll mig');
    await createJobs(emit).letters('job-4', job('separate', folder, 2));
    expect(await tree(folder)).toEqual(['1000-Öberg-Åsa.pdf', '1001-Öberg-Örjan.pdf', 'annat.txt', 'index.csv']);
    expect(await readFile(join(folder, 'annat.txt'), 'utf8')).toBe('behåll mig');
  });

  it('cancel during a separate run: rejects with cancelled and removes every partial file and the folder it created', async () => {
    const jobs = createJobs(emit);
    const folder = join(dir, 'avbruten');
    const running = jobs.letters('job-5', job('separate', folder, 400));
    await until(() => events.some((e) => e.jobId === 'job-5' && e.done >= 3));
    expect((await readdir(folder)).some((n) => n.startsWith('.kansli-letters-'))).toBe(true);
    expect(jobs.cancel('job-5')).toBe(true);
    const e = await rejection(running);
    expect(e.code).toBe('cancelled');
    await expect(stat(folder)).rejects.toThrow();
    expect(await tree(dir)).toEqual([]);
    expect(jobs.cancel('job-5')).toBe(false);
  });

  it('cancel while the one long combined document is laid out (synchronous work in the worker): the old file stays, no temporary file is left', async () => {
    const folder = join(dir, 'utskrift');
    await mkdir(folder);
    await writeFile(join(folder, 'Fakturor.pdf'), 'last year');
    const jobs = createJobs(emit);
    const running = jobs.letters('job-6', job('combined', join(folder, 'Fakturor.pdf'), 150));
    await until(() => events.some((e) => e.jobId === 'job-6' && e.done > 0));
    expect(jobs.cancel('job-6')).toBe(true);
    expect((await rejection(running)).code).toBe('cancelled');
    expect(await tree(folder)).toEqual(['Fakturor.pdf']);
    expect(await readFile(join(folder, 'Fakturor.pdf'), 'utf8')).toBe('last year');
  });

  it('an error inside the worker comes back as a KansliError with a code, and the partial output is removed', async () => {
    const bad = job('separate', join(dir, 'trasig'), 3);
    bad.letters[2] = { ...bad.letters[2], dueOn: 'sista mars' };
    const e = await rejection(createJobs(emit).letters('job-7', bad));
    expect(e.code).toBe('internal');
    expect(e.message).toContain('Not an ISO date');
    expect(await tree(dir)).toEqual([]);
  });

  it('bad input is refused before any work: no letters, a relative path, a job id already running', async () => {
    const jobs = createJobs(emit);
    expect((await rejection(jobs.letters('a', job('combined', join(dir, 'x.pdf'), 0)))).details?.fields).toEqual([{ field: 'letters', code: 'nothing-to-print' }]);
    const noAddress = job('combined', join(dir, 'x.pdf'), 1);
    noAddress.letters[0] = sampleLetter(0, { noAddress: true });
    expect((await rejection(jobs.letters('a', noAddress))).details?.fields).toEqual([{ field: 'letters', code: 'nothing-to-print' }]);
    expect((await rejection(jobs.letters('a', job('combined', 'relativ.pdf', 1)))).details?.fields).toEqual([{ field: 'path', code: 'path-not-absolute' }]);
    const first = jobs.letters('same', job('separate', join(dir, 'en'), 3));
    expect((await rejection(jobs.letters('same', job('separate', join(dir, 'två'), 3)))).code).toBe('conflict');
    await first;
    expect(await tree(dir)).toHaveLength(4);
  });

  it('jobs.cancel through the contract answers whether a job was running', async () => {
    const t = await testCore();
    try {
      expect(await t.call('jobs.cancel', { jobId: 'no-such-job' })).toEqual({ cancelled: false });
      expect((await t.result('jobs.cancel', { jobId: '' })).ok).toBe(false);
    } finally {
      await t.dispose();
    }
  });
});
