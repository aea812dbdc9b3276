import { basename } from 'node:path';
import { validationError } from '../../../shared/result';
import { sql } from '../../db/sql';
import { linesOf } from '../../dues/invoices';
import { formatMoney } from '../../dues/money';
import { conflict } from '../../members/errors';
import { targetPath } from '../../exports/file-name';
import { FILE_COLUMNS, logFile, mandateColumns } from '../../exports/log-files';
import { isoDate, isoTime, type RegisterContext } from '../../register/context';
import { currencyOf } from '../../register/settings';
import { mandateFile, paymentOrderFile } from './autogiro-files';
import { avtaleGiroClaimsFile, type Claim } from './avtalegiro-claims';
import { encodeFile } from './file-lines';
import { recordFile, writeBankFile } from './files';
import { markMandatesSent, pendingMandates } from './mandates';
import { ordersWhere, type OrderRow } from './order-list';
import { createOrders, kindOf, planOrders } from './orders';
import { directDebitSettings } from './settings';
import { DIRECT_DEBIT_TEXTS } from './texts';

/** Bank files get a plain ".txt" name: the internet banks' upload dialogs look for it. */
const EXT = 'txt';

function requireSettings(ctx: RegisterContext) {
  const s = directDebitSettings(ctx);
  if (s.missing.length) throw validationError(s.missing);
  return s;
}

/** TK04 for new mandates, TK03 for cancellations; marked sent only once the file is on disk. */
export async function exportMandateFile(ctx: RegisterContext, path: string): Promise<{ path: string; created: number; cancelled: number }> {
  const target = targetPath(path, EXT);
  const s = requireSettings(ctx);
  const pending = pendingMandates(ctx.db);
  if (!pending.length) throw conflict('nothing-to-send');
  const lines = mandateFile(
    { date: isoDate(ctx.now()), bgcCustomerNumber: s.bgcCustomerNumber!, bankgiro: s.bankgiro! },
    pending.map((m) => ({ payerNumber: m.payerNumber, kind: m.pending!, account: m.account, idNumber: m.idNumber })),
  );
  await writeBankFile(target, encodeFile(lines));
  logFile(ctx, 'directDebitFile', target, { people: pending.length, columns: mandateColumns(pending) });
  ctx.write(() => {
    markMandatesSent(ctx, pending);
    recordFile(ctx.db, { kind: 'ag-mandates', direction: 'export', fileName: basename(target), hash: null, records: pending.length, amount: 0, at: isoTime(ctx.now()) });
  });
  const created = pending.filter((m) => m.pending === 'new').length;
  return { path: target, created, cancelled: pending.length - created };
}

/** The AvtaleGiro claim's text in the payer's bank: one line per invoice line, the amount to the right. */
function specification(ctx: RegisterContext, o: OrderRow, lines: { description: string; amount: number }[]): string[] {
  const currency = currencyOf(ctx.country);
  const row = (text: string, minor: number) => {
    const amount = formatMoney(minor, ctx.language, currency).replace(/\u00a0|\u202f/g, ' ');
    return text.slice(0, 79 - amount.length).padEnd(80 - amount.length, ' ') + amount;
  };
  return [DIRECT_DEBIT_TEXTS[ctx.language].claimHeading(o.invoiceNumber), ...lines.map((l) => row(l.description, l.amount))];
}

/**
 * Creates the year's new orders (one transaction), then writes every unsent order of this
 * country's kind to the file and marks them sent. A failed write leaves them unsent: the next
 * export carries them.
 */
export async function exportOrders(ctx: RegisterContext, year: number, debitOn: string, path: string): Promise<{ path: string; count: number; total: number }> {
  const target = targetPath(path, EXT);
  const kind = kindOf(ctx);
  ctx.write(() => {
    const plan = planOrders(ctx, year, debitOn);
    if (plan.blocking.length) throw validationError(plan.blocking);
    createOrders(ctx, plan, year, debitOn);
  });
  const orders = ordersWhere(ctx.db, sql`o.kind = ${kind} AND o.file_id IS NULL`);
  if (!orders.length) throw conflict('nothing-to-send');
  const s = requireSettings(ctx);
  const today = isoDate(ctx.now());
  const total = orders.reduce((n, o) => n + o.amount, 0);
  let lines: string[];
  if (kind === 'autogiro') {
    lines = paymentOrderFile(
      { date: today, bgcCustomerNumber: s.bgcCustomerNumber!, bankgiro: s.bankgiro! },
      orders.map((o) => ({ payerNumber: o.payerReference, amount: o.amount, debitOn: o.debitOn, reference: o.invoiceReference })),
    );
  } else {
    const invoiceLines = linesOf(ctx.db, orders.map((o) => o.invoiceId));
    const sent = ctx.db.column<number>(sql`SELECT count(*) FROM direct_debit_files WHERE kind = 'avtalegiro-claims'`)[0];
    const claims: Claim[] = orders.map((o) => ({
      dueOn: o.debitOn,
      amount: o.amount,
      kid: o.payerReference,
      payerName: `${o.member.firstName} ${o.member.lastName}`,
      reference: o.invoiceNumber,
      bankNotifies: s.bankNotifies,
      specification: specification(ctx, o, invoiceLines.get(o.invoiceId) ?? []),
    }));
    // Nets wants a new transmission and assignment number per file: the files sent so far count them.
    lines = avtaleGiroClaimsFile({ dataSender: s.netsDataSender!, transmissionNumber: sent + 1, agreementId: s.avtaleGiroAgreementId!, assignmentNumber: sent + 1, account: s.bankAccount! }, claims);
  }
  await writeBankFile(target, encodeFile(lines));
  const people = new Set(orders.map((o) => o.member.memberId)).size;
  logFile(ctx, 'directDebitFile', target, { people, columns: FILE_COLUMNS[kind === 'autogiro' ? 'autogiroPayments' : 'avtaleGiroClaims'] });
  ctx.write(() => {
    const fileId = recordFile(ctx.db, {
      kind: kind === 'autogiro' ? 'ag-payments' : 'avtalegiro-claims',
      direction: 'export',
      fileName: basename(target),
      hash: null,
      records: orders.length,
      amount: total,
      at: isoTime(ctx.now()),
    });
    for (const o of orders) ctx.db.run(sql`UPDATE direct_debit_orders SET file_id = ${fileId} WHERE id = ${o.id} AND file_id IS NULL`);
  });
  return { path: target, count: orders.length, total };
}
