/**
 * The export issue's figures, through the contract with the file written: a contact list of
 * 100,000 members to CSV (limit 1.5 s) and the printable member list of 5,000 members (limit
 * 5 s). Beside each, a reference: the same rows as a bare sql.js query joined into a string (CSV)
 * and 5,000 plain lines in pdfmake (PDF). `node --import tsx bench/exports.ts` (BENCH_MEMBERS to scale).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPdf } from '../src/core/documents/pdf';
import { BENCH_NOW, benchRegister, seedMembers } from './setup';
import { percentile, report, time } from './stats';

const N = Number(process.env.BENCH_MEMBERS ?? 100_000);
const PRINTED = 5_000;
const COLUMNS = ['memberNumber', 'firstName', 'lastName', 'email', 'mobile', 'street', 'postcode', 'city', 'membershipType', 'status'];

async function register(dir: string, n: number) {
  const r = await benchRegister(dir, { fileName: `Bench-${n}.kansli`, associationName: 'Föreningen Bänk', now: BENCH_NOW });
  seedMembers(r.ctx, n, (i) => ({ membershipTypeId: 1 + (i % 5) }));
  return r;
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'kansli-bench-'));
  try {
    // --- CSV of 100,000 ---------------------------------------------------------------------
    const big = await register(join(dir, 'big'), N);
    const csv: number[] = [];
    for (let round = 0; round < 3; round++) {
      csv.push((await time(() => big.call('exports.contactList', { path: join(dir, `alla-${round}.csv`), columns: COLUMNS, format: 'csv' }))).ms);
    }
    const ref = await time(() => {
      const rows = big.ctx.db.all<Record<string, unknown>>({
        text: 'SELECT member_number, first_name, last_name, email, mobile, street, postcode, city, membership_type_id, status FROM members ORDER BY sort_last, sort_first, id',
        params: [],
      });
      return rows.map((r) => Object.values(r).join(';')).join('\r\n').length;
    });
    report({ name: 'exports.contactList.csv', members: N, ms: percentile(csv, 50), limitMs: 1500, referenceMs: ref.ms, reference: 'bare SELECT + join' });
    await big.core.shutdown().catch(() => undefined);

    // --- printable list of 5,000 --------------------------------------------------------------
    const small = await register(join(dir, 'small'), PRINTED);
    const pdf: number[] = [];
    for (let round = 0; round < 3; round++) {
      pdf.push((await time(() => small.call('exports.memberListPdf', { path: join(dir, `lista-${round}.pdf`), columns: COLUMNS.slice(0, 8) }))).ms);
    }
    const refPdf = await time(() => renderPdf({ content: Array.from({ length: PRINTED }, (_, i) => ({ text: `${i} Åsa Öberg Storgatan 1 114 18 Umeå` })) }));
    report({ name: 'exports.memberListPdf', members: PRINTED, ms: percentile(pdf, 50), limitMs: 5000, referenceMs: refPdf.ms, reference: `${PRINTED} plain lines in pdfmake` });
    await small.core.shutdown().catch(() => undefined);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
