/**
 * The import issue's figure: a 100,000-row, 10-column CSV (Windows-1252, `;`) imported end to end
 * — decode, parse, map, validate, duplicate check against 10,000 members, insert in one
 * transaction — beside the raw papaparse parse of the same text. `node --import tsx bench/import.ts`
 * (BENCH_IMPORT_ROWS to scale).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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
    const papa = await time(() => Papa.parse(text, { delimiter: ';' }));
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);

    const info = (await call('import.read', { path })) as { suggested: (string | null)[] };
    const previewed = await time(() => call('import.preview', { path, mapping: info.suggested, duplicatePolicy: 'skip', limit: 200 }));
    const applied = await time(() => call('import.apply', { path, mapping: info.suggested, duplicatePolicy: 'skip', onlyValid: true }));
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const run = applied.value as { created: number; updated: number; skipped: number };
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
      previewMs: Math.round(previewed.ms),
      peakRssMB: Math.round(peak / 1e6),
      maxRssMB: Math.round(process.resourceUsage().maxRSS / 1e3),
      limitPeakMB: 800,
    });
  } finally {
    await core.shutdown().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
