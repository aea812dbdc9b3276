/**
 * The treasurer's books at the size of a large association: 10,000 members on Autogiro with
 * active mandates, through the contract as the window calls it.
 *
 * - the year's payment orders: preview, then create the 10,000 direct-debit invoices and write
 *   Bankgirot's file
 * - Bankgirot's payment specification for them, read, checked and booked (one transaction)
 * - the ledger of receivables for the year, and as CSV and PDF
 * - the SIE file of the year (10,000 invoices + 10,000 payments = 20,000 verifications), written
 *   and read back by its own check
 * - the journey counts with every member's invoice reminded (the "unpaid after reminder" rule)
 *
 * The mandates are seeded straight into the table (10,000 contract calls would measure the
 * bridge, not the books).
 *
 *   node --import tsx bench/treasury.ts        (BENCH_TREASURY=10000 to scale)
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from '../src/core/db/sql';
import { reportFile } from '../src/core/payments/direct-debit/test-files';
import type { DirectDebitOrderEntity, InvoiceRow } from '../src/shared/contract';
import { benchRegister, seedMembers } from './setup';
import { report, time } from './stats';

const N = Number(process.env.BENCH_TREASURY ?? 10_000);
const BG = '0054029681';

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'kansli-bench-treasury-'));
  let day = '2025-01-10';
  try {
    const r = await benchRegister(dir, { now: () => new Date(`${day}T10:00:00Z`) });
    seedMembers(r.ctx, N, () => ({ membershipTypeId: 1, joinedOn: '2020-01-01' }));
    await r.call('dues.saveSettings', { associationName: 'Bench', bankgiro: '5402-9681', referenceKind: 'ocr', ocrLevel: 'variable', orgNumber: '802002-4280' });
    await r.call('directDebit.saveSettings', { bgcCustomerNumber: '123456' });
    await r.call('dues.saveFees', { year: 2025, fees: [{ membershipTypeId: 1, amount: 25000, dueOn: '2025-03-31' }] });
    r.ctx.write(() => {
      r.ctx.db.run(sql`INSERT INTO autogiro_mandates (member_id, payer_number, status, created_at, updated_at)
                       SELECT id, member_number, 'active', 'x', 'x' FROM members`);
      r.ctx.db.run(sql`INSERT INTO dues_direct_debits (member_id, kind, since, payer_number, updated_at)
                       SELECT id, 'autogiro', '2024-12-01', member_number, 'x' FROM members`);
    });

    const preview = await time(() => r.call('directDebit.ordersPreview', { year: 2025, debitOn: '2025-01-28' }));
    report({ name: 'treasury.autogiro.ordersPreview', ms: preview.ms, members: N });
    const exported = await time(() => r.call('directDebit.exportOrders', { year: 2025, debitOn: '2025-01-28', path: join(dir, 'betalningar.txt') }));
    report({ name: 'treasury.autogiro.exportOrders', ms: exported.ms, orders: (exported.value as { count: number }).count });

    const orders = (await r.call('directDebit.orders', { year: 2025 })) as DirectDebitOrderEntity[];
    const { rows } = (await r.call('dues.invoices', { year: 2025, limit: 10_000 })) as { rows: InvoiceRow[] };
    const reference = new Map(rows.map((i) => [i.id, i.reference]));
    day = '2025-02-01';
    const spec = join(dir, 'betspec.txt');
    await writeFile(spec, reportFile(BG, '2025-01-28', orders.map((o) => ({ payer: o.payerReference, amount: o.amount, reference: reference.get(o.invoiceId)! }))), 'latin1');
    const booked = await time(() => r.call('directDebit.importReport', { path: spec }));
    report({ name: 'treasury.autogiro.importReport', ms: booked.ms, paid: (booked.value as { paid: number }).paid });

    const ledger = await time(() => r.call('reports.receivables', { year: 2025 }));
    report({ name: 'treasury.reports.receivables', ms: ledger.ms, invoices: N });
    const csv = await time(() => r.call('reports.export', { choice: { report: 'receivables', year: 2025 }, format: 'csv', path: join(dir, 'reskontra.csv') }));
    report({ name: 'treasury.reports.receivablesCsv', ms: csv.ms, invoices: N });
    const pdf = await time(() => r.call('reports.export', { choice: { report: 'receivables', year: 2025 }, format: 'pdf', path: join(dir, 'reskontra.pdf') }));
    report({ name: 'treasury.reports.receivablesPdf', ms: pdf.ms, invoices: N });

    const sie = await time(() => r.call('bookkeeping.sieExport', { from: '2025-01-01', to: '2025-12-31', path: join(dir, 'bok.si') }));
    report({ name: 'treasury.sie.export', ms: sie.ms, verifications: (sie.value as { verifications: number }).verifications });

    // Every invoice unpaid and reminded: refund all debits (a second file), run reminder 1, count the journey.
    day = '2025-02-05';
    const refunds = join(dir, 'refunds.txt');
    await writeFile(
      refunds,
      reportFile(BG, '2025-02-04', [], { refunds: orders.map((o) => ({ payer: o.payerReference, amount: o.amount, reference: reference.get(o.invoiceId)!, code: '02' })) }),
      'latin1',
    );
    await r.call('directDebit.importReport', { path: refunds });
    day = '2025-04-02';
    const rounds = (await r.call('dues.rounds', { year: 2025 })) as { id: number }[];
    await r.call('dues.runReminder', { roundId: rounds[0].id });
    const journey = await time(() => r.call('journey.counts', {}));
    report({ name: 'treasury.journey.countsAllReminded', ms: journey.ms, members: N, atRisk: (journey.value as Record<string, number>)['at-risk'] });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

void main();
