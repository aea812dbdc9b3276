import type { BankFilePreview, BankFileTotals, CsvMapping, PaymentImportEntity } from '../../../shared/contract/payments';
import { sql, type SqlValue } from '../../db/sql';
import { conflict } from '../../members/errors';
import { isoTime, type RegisterContext } from '../../register/context';
import { currencyOf } from '../../register/settings';
import { parseBankFile, readBankFile, type BankFileBytes } from '../bank-files/read';
import type { ParsedBankFile } from '../bank-files/types';
import { matchTransactions, type MatchOutcome } from '../matching/match';
import { knownKeys, recordedPayments, targetsByReference } from '../matching/targets';
import { moneyText, paymentNote } from './book';
import { insertMany, nextId } from './bulk';
import { importEntity } from './entities';
import { payeeOf } from './payee';
import { previewRow } from './rows';
import { BANK_IMPORT_TEXTS } from './texts';

const ITEM_COLUMNS = ['id', 'import_id', 'line', 'tx_key', 'kind', 'paid_on', 'amount', 'currency', 'method', 'refs', 'payer_name', 'message', 'status', 'duplicate_of', 'decided_at'] as const;

interface Prepared {
  file: BankFileBytes;
  parsed: ParsedBankFile;
  outcomes: MatchOutcome[];
  known: Map<string, number>;
}

/** Reads, checks and matches a file against the register as it is now. Writes nothing. */
async function prepare(ctx: RegisterContext, path: string, csv: CsvMapping | undefined): Promise<Prepared> {
  const file = await readBankFile(path);
  const parsed = await parseBankFile(file, payeeOf(ctx), csv);
  const db = ctx.db;
  const known = knownKeys(db);
  const outcomes = matchTransactions(parsed.transactions, {
    currency: currencyOf(ctx.country),
    byReference: targetsByReference(db),
    known,
    recorded: recordedPayments(db),
  });
  return { file, parsed, outcomes, known };
}

function earlierImport(ctx: RegisterContext, hash: string) {
  return ctx.db.get<{ id: number; at: string; file_name: string }>(sql`SELECT id, at, file_name FROM payment_imports WHERE hash = ${hash} AND undone_at IS NULL`);
}

const totals = (os: MatchOutcome[]): BankFileTotals => ({ count: os.length, amount: os.reduce((n, o) => n + o.tx.amount, 0) });

export async function previewBankFile(ctx: RegisterContext, path: string, csv: CsvMapping | undefined, limit: number): Promise<BankFilePreview> {
  const { file, parsed, outcomes } = await prepare(ctx, path, csv);
  const earlier = earlierImport(ctx, file.hash);
  const by = (s: MatchOutcome['status']) => outcomes.filter((o) => o.status === s);
  // Review first: that is what the treasurer must look at.
  const order = { review: 0, matched: 1, duplicate: 2 } as const;
  const rows = [...outcomes].sort((a, b) => order[a.status] - order[b.status] || a.tx.line - b.tx.line).slice(0, limit).map(previewRow);
  return {
    fileName: file.name,
    format: parsed.format,
    hash: file.hash,
    payee: parsed.payee,
    currency: parsed.currency,
    control: parsed.control,
    skipped: parsed.skipped,
    leftOut: parsed.leftOut,
    alreadyImported: earlier ? { importId: earlier.id, at: earlier.at, fileName: earlier.file_name } : null,
    all: totals(outcomes),
    matched: totals(by('matched')),
    review: totals(by('review')),
    duplicates: totals(by('duplicate')),
    credit: outcomes.flatMap((o) => o.allocations).filter((a) => a.invoice === null).reduce((n, a) => n + a.amount, 0),
    rows,
  };
}

/**
 * Imports in one transaction: the batch row, every transaction as an item, the matched ones'
 * payments. A refused file (thrown while reading or checking) writes nothing; so does a failure
 * halfway (the transaction rolls back).
 */
export async function importBankFile(ctx: RegisterContext, path: string, csv: CsvMapping | undefined, hash: string | undefined): Promise<PaymentImportEntity> {
  const { file, parsed, outcomes, known } = await prepare(ctx, path, csv);
  if (hash && hash !== file.hash) throw conflict('file-changed', 'path');
  return ctx.write(() => {
    const db = ctx.db;
    const earlier = earlierImport(ctx, file.hash);
    if (earlier) throw conflict('file-already-imported', 'path', { importedAt: earlier.at, fileName: earlier.file_name });
    const at = isoTime(ctx.now());
    const currency = currencyOf(ctx.country);
    const { lastId: importId } = db.run(sql`INSERT INTO payment_imports (format, file_name, hash, payee, currency, count, total, at)
      VALUES (${parsed.format}, ${file.name}, ${file.hash}, ${parsed.payee}, ${currency}, ${outcomes.length}, ${totals(outcomes).amount}, ${at})`);
    const texts = BANK_IMPORT_TEXTS[ctx.language];
    const money = moneyText(ctx.language, currency);
    const items: SqlValue[][] = [];
    const payments: SqlValue[][] = [];
    const links: SqlValue[][] = [];
    const history: SqlValue[][] = [];
    let itemId = nextId(db, 'payment_import_items');
    let paymentId = nextId(db, 'payments');
    for (const o of outcomes) {
      const t = o.tx;
      items.push([itemId, importId, t.line, t.key, t.kind, t.paidOn, t.amount, t.currency, t.method, JSON.stringify(t.references), t.payerName, t.message || null,
        o.status, o.duplicateReason === 'imported' ? (known.get(t.key) ?? null) : null, o.status === 'matched' ? at : null]);
      if (o.status === 'matched') {
        const reference = t.references.map((r) => r.reference).join(' ').slice(0, 100) || null;
        const origin = texts.line(file.name, t.line);
        const invoiceNumber = o.allocations.find((a) => a.invoice)?.invoice?.number ?? null;
        for (const a of o.allocations) {
          payments.push([paymentId, a.invoice?.id ?? null, a.memberId, t.paidOn, a.amount, t.method, reference, paymentNote(ctx.language, origin, a, invoiceNumber), null, at]);
          links.push([paymentId, itemId]);
          // As recordHistory writes a payment recorded by hand.
          history.push([a.memberId, at, 'duesPayment', null, money(a.amount), 'dues', null]);
          paymentId++;
        }
      }
      itemId++;
    }
    insertMany(db, 'payment_import_items', ITEM_COLUMNS, items);
    insertMany(db, 'payments', ['id', 'invoice_id', 'member_id', 'paid_on', 'amount', 'method', 'reference', 'note', 'year', 'created_at'], payments);
    insertMany(db, 'payment_import_payments', ['payment_id', 'item_id'], links);
    insertMany(db, 'member_history', ['member_id', 'at', 'field', 'old_value', 'new_value', 'source', 'op_id'], history);
    return importEntity(db, importId);
  });
}
