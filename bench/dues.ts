/**
 * The dues issue's letter figures, through the job runner as the app runs them (worker thread,
 * files written, progress throttled): 1,000 invoice letters as one combined PDF (limit 6 s) and
 * as 1,000 separate PDFs plus index.csv (limit 15 s). Each includes starting the worker (from
 * source: tsx compiles it; the built app loads plain JS, so a little faster).
 *
 * Beside each, the reference the issue asks for: the same pages in bare pdfmake, in this thread,
 * with fresh fonts (every document parses its TTF files, as plain pdfmake does) — one document
 * of 1,000 letters, and 1,000 documents of one letter. `cpuMs` is the process's CPU time (worker
 * threads included): on a busy machine the wall time says more about the neighbours.
 *
 *   node --import tsx bench/dues.ts        (BENCH_LETTERS=1000 to scale)
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lettersDocument, logoDataUrl } from '../src/core/documents/letters/render';
import { sampleIssuer, sampleLetter } from '../src/core/documents/letters/samples';
import type { LettersJob } from '../src/core/documents/letters/types';
import { renderPdf, setPdfFontReuse } from '../src/core/documents/pdf';
import { planLetters } from '../src/core/documents/letters/output';
import { createJobs } from '../src/core/jobs';
import { shares } from '../src/core/jobs/letters';
import type { EventMap } from '../src/shared/contract';
import { report, time } from './stats';

/** CPU time of the whole process, worker threads included: the work done, whatever else the machine runs. */
async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const cpu = process.cpuUsage();
  const t = await time(fn);
  const used = process.cpuUsage(cpu);
  return { ...t, cpuMs: Math.round((used.user + used.system) / 1000) };
}

const N = Number(process.env.BENCH_LETTERS ?? 1000);

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'kansli-bench-dues-'));
  try {
    const issuer = sampleIssuer('SE');
    const letters = Array.from({ length: N }, (_, i) => sampleLetter(i, { lines: 1 + (i % 3) }));
    const progress: EventMap['job.progress'][] = [];
    const jobs = createJobs((event, payload) => {
      if (event === 'job.progress') progress.push(payload as EventMap['job.progress']);
    });
    const job = (mode: LettersJob['mode'], path: string): LettersJob => ({ issuer, letters, mode, path, sort: 'postcode' });

    // --- one combined PDF -----------------------------------------------------------------------
    const combined = await timed(() => jobs.letters('bench-combined', job('combined', join(dir, 'Fakturor.pdf'))));
    const combinedEvents = progress.filter((e) => e.jobId === 'bench-combined').length;
    setPdfFontReuse(false);
    const bareCombined = await timed(() => renderPdf(lettersDocument(issuer, letters, new Date(), logoDataUrl(issuer))));
    setPdfFontReuse(true);
    report({
      name: 'dues.letters.combined',
      letters: combined.value.letters,
      ms: combined.ms,
      limitMs: 6000,
      referenceMs: bareCombined.ms,
      reference: `bare pdfmake, fresh fonts, one document of the same ${N} letters, main thread`,
      cpuMs: combined.cpuMs,
      referenceCpuMs: bareCombined.cpuMs,
      progressEvents: combinedEvents,
      mb: +(bareCombined.value.length / 1e6).toFixed(1),
    });

    // --- one PDF per member ---------------------------------------------------------------------
    const folder = join(dir, 'e-post');
    const separate = await timed(() => jobs.letters('bench-separate', job('separate', folder)));
    const files = (await readdir(folder)).length;
    const separateEvents = progress.filter((e) => e.jobId === 'bench-separate').length;
    setPdfFontReuse(false);
    const logo = logoDataUrl(issuer);
    const bareSeparate = await timed(async () => {
      for (const letter of letters) await renderPdf(lettersDocument(issuer, [letter], new Date(), logo));
    });
    setPdfFontReuse(true);
    report({
      name: 'dues.letters.separate',
      letters: separate.value.letters,
      files,
      ms: separate.ms,
      limitMs: 15000,
      referenceMs: bareSeparate.ms,
      reference: `bare pdfmake, fresh fonts per document, ${N} documents of one letter, main thread, not written`,
      cpuMs: separate.cpuMs,
      referenceCpuMs: bareSeparate.cpuMs,
      workers: shares(planLetters(job('separate', folder))).length,
      progressEvents: separateEvents,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
