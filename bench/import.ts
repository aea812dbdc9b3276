/**
 * The import issue's figure: a 100,000-row, 10-column CSV (Windows-1252, `;`) imported end to end
 * — decode, parse, map, validate, duplicate check against 10,000 members, insert in one
 * transaction — beside the raw papaparse parse of the same text; then the one-step undo of it.
 * `node --import tsx bench/import.ts` (BENCH_IMPORT_ROWS to scale). The machine's load average
 * is printed beside the figures: on a shared machine they move with it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { syntheticMember } from './members';
import { BENCH_NOW, benchRegister, seedMembers } from './setup';
import { report, time } from './stats';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const EXISTING = 10_000;

function csv(): string {
  const lines = ['Förnamn;Efternamn;E-post;Mobil;Adress;Postnr;Ort;Land;Inträdesdatum;SMS'];
  // Rows 5,000 to 104,999: the first 5,000 are members already (same e-mail and mobile).
  for (let i = EXISTING / 2; i < EXISTING / 2 + ROWS; i++) {
    const m = syntheticMember(i);
    const [y, mo, d] = m.joinedOn.split('-');
    lines.push([m.firstName, m.lastName, m.email ?? '', m.mobile ?? '', m.street, m.postcode, m.city, m.country, `${d}.${mo}.${y}`, m.consentSms ? 'ja' : 'nej'].join(';'));
  }
  return lines.join('\r\n') + '\r\n';
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'kansli-bench-import-'));
  const { core, ctx, call } = await benchRegister(dir, { now: BENCH_NOW });
  try {
    seedMembers(ctx, EXISTING, () => ({ membershipTypeId: 1 }));
    const text = csv();
    const path = join(dir, 'medlemmar.csv');
    await writeFile(path, iconv.encode(text, 'win1252'));
    // Only the time is kept: the parsed rows must not sit in the heap while the import runs.
    const papa = await time(() => Papa.parse(text, { delimiter: ';' }).data.length);
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);

    const info = (await call('import.read', { path })) as { suggested: (string | null)[] };
    const previewed = await time(() => call('import.preview', { path, mapping: info.suggested, duplicatePolicy: 'skip', limit: 200 }));
    // CPU time beside the wall time: on a shared machine the difference is time spent waiting for a core.
    const cpuBefore = process.cpuUsage();
    const applied = await time(() => call('import.apply', { path, mapping: info.suggested, duplicatePolicy: 'skip', onlyValid: true }));
    const applyCpu = process.cpuUsage(cpuBefore);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const run = applied.value as { id: number; created: number; updated: number; skipped: number };
    // The member list after the import: its in-memory index reads all members again, once.
    const listed = await time(() => call('members.list', { limit: 100 }));
    report({
      name: 'import.csv.apply',
      rows: ROWS,
      columns: 10,
      existing: EXISTING,
      created: run.created,
      skipped: run.skipped,
      ms: applied.ms,
      limitMs: 4000,
      referenceMs: papa.ms,
      reference: 'raw papaparse parse of the same (decoded) text',
      cpuMs: Math.round((applyCpu.user + applyCpu.system) / 1e3),
      previewMs: Math.round(previewed.ms),
      firstListMs: Math.round(listed.ms),
      peakRssMB: Math.round(peak / 1e6),
      maxRssMB: Math.round(process.resourceUsage().maxRSS / 1e3),
      limitPeakMB: 800,
      withinMemoryLimit: peak / 1e6 <= 800,
      loadAverage1m: Math.round(loadavg()[0] * 10) / 10,
    });
    const undoCpuBefore = process.cpuUsage();
    const undone = await time(() => call('import.undo', { runId: run.id }));
    const undoCpu = process.cpuUsage(undoCpuBefore);
    report({ name: 'import.csv.undo', rows: run.created, ms: undone.ms, cpuMs: Math.round((undoCpu.user + undoCpu.system) / 1e3), loadAverage1m: Math.round(loadavg()[0] * 10) / 10 });
  } finally {
    await core.shutdown().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
