/**
 * The payments issue's figure: import and match a BgMax file of 10,000 payments against 10,000
 * open invoices (limit 2 s), through the contract as the window calls it (read the file, check
 * it, match, book in one transaction). The invoices are made by the dues handlers' own invoice
 * run. Of the payments, 9,900 pay their invoice by OCR reference (100 of them paying too much, so
 * credit is booked too) and 100 have no reference and go to review.
 *
 * Beside it: the preview (read, check, match; nothing booked), the review list with
 * suggestions for the 100, and the undo of the whole import. The import is measured three
 * times (undone between) and the median reported.
 *
 *   node --import tsx bench/payments.ts        (BENCH_PAYMENTS=10000 to scale)
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BankFilePreview, InvoiceRow, PaymentImportEntity, ReviewItem } from '../src/shared/contract';
import { writeBgMax, type TestPayment } from '../src/core/payments/test-support/bank-file-writers';
import { BENCH_NOW, benchRegister, seedMembers } from './setup';
import { report, time } from './stats';

/** Wall time and this process's CPU time: on a machine shared with other work, the CPU time says what the import itself costs. */
async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const cpu = process.cpuUsage();
  const t = await time(fn);
  const used = process.cpuUsage(cpu);
  return { ...t, cpuMs: Math.round((used.user + used.system) / 1000) };
}

const N = Number(process.env.BENCH_PAYMENTS ?? 10_000);
const UNMATCHED = Math.round(N / 100);

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'kansli-bench-payments-'));
  try {
    const r = await benchRegister(dir, { now: BENCH_NOW });
    seedMembers(r.ctx, N, () => ({ membershipTypeId: 1, joinedOn: '2020-01-01' }));
    await r.call('dues.saveSettings', { associationName: 'Bench', bankgiro: '5402-9681', referenceKind: 'ocr', ocrLevel: 'variable' });
    await r.call('dues.saveFees', { year: 2025, fees: [{ membershipTypeId: 1, amount: 25000, dueOn: '2025-03-31' }] });
    const run = await time(() => r.call('dues.run', { year: 2025, invoiceDate: '2025-02-01' }));
    const { rows } = (await r.call('dues.invoices', { year: 2025, limit: 10_000 })) as { rows: InvoiceRow[] };
    if (rows.length < N) throw new Error(`only ${rows.length} invoices`);
    report({ name: 'payments.setup.invoiceRun', ms: run.ms, invoices: rows.length });

    const payments: TestPayment[] = rows.slice(0, N).map((inv, i) =>
      i < N - UNMATCHED
        ? { reference: inv.reference, amount: i % 99 === 0 ? inv.total + 5000 : inv.total, name: `${inv.member.firstName} ${inv.member.lastName}` }
        : { reference: null, amount: inv.total, name: `${inv.member.firstName} ${inv.member.lastName}`, message: `Medlem ${inv.member.memberNumber}` },
    );
    const path = join(dir, 'bgmax.txt');
    await writeFile(path, writeBgMax('54029681', '2025-03-10', payments));

    const preview = await timed(() => r.call('payments.preview', { path, limit: 100 }) as Promise<BankFilePreview>);
    report({ name: 'payments.preview.bgmax', ms: preview.ms, cpuMs: preview.cpuMs, payments: N, matched: preview.value.matched.count, review: preview.value.review.count });

    const imports: { ms: number; cpuMs: number }[] = [];
    let last: PaymentImportEntity | null = null;
    for (let i = 0; i < 3; i++) {
      const t = await timed(() => r.call('payments.import', { path }) as Promise<PaymentImportEntity>);
      imports.push(t);
      last = t.value;
      if (i < 2) await r.call('payments.undoImport', { importId: t.value.id });
    }
    imports.sort((a, b) => a.ms - b.ms);
    report({
      name: 'payments.import.bgmax',
      ms: imports[1].ms,
      cpuMs: imports[1].cpuMs,
      limitMs: 2000,
      payments: N,
      openInvoices: rows.length,
      matched: last!.matched.count,
      review: last!.review.count,
      credit: last!.credit,
      runs: imports.map((m) => Math.round(m.ms)),
    });

    const review = await time(() => r.call('payments.review', { limit: 10_000 }) as Promise<ReviewItem[]>);
    report({ name: 'payments.review.suggestions', ms: review.ms, items: review.value.length, withSuggestion: review.value.filter((x) => x.suggestions.length > 0).length });

    const undo = await timed(() => r.call('payments.undoImport', { importId: last!.id }));
    report({ name: 'payments.undo', ms: undo.ms, cpuMs: undo.cpuMs, payments: N });
    await r.core.shutdown();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
