import type { ReminderPreview, ReminderRoundEntity } from '../../shared/contract/dues';
import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { recordHistory } from '../history/queries';
import { conflict } from '../members/errors';
import { isoTime, type RegisterContext } from '../register/context';
import { currencyOf } from '../register/settings';
import { toRows, type DbInvoiceState } from './invoices';
import { mustGetRound, roundsOf } from './rounds';
import { hasPostalAddress } from './run-plan';
import { invoiceStates } from './state';
import { DUES_TEXTS } from './texts';

interface Candidate extends DbInvoiceState {
  street: string | null;
  postcode: string | null;
  city: string | null;
  email: string | null;
}

/**
 * The invoices a round reminds: the year's invoices still owed whose due date has passed by the
 * round's date, sent to members still here (active, not archived), not already in this round.
 * Owed is what is owed now, so a payment recorded before the run keeps the member out.
 */
function candidates(db: Db, round: ReminderRoundEntity): Candidate[] {
  return db.all<Candidate>(sql`SELECT x.*, m.street, m.postcode, m.city, m.email
    FROM (${invoiceStates(sql`i.year = ${round.year} AND i.kind = 'invoice' AND i.due_on < ${round.remindOn}`)}) x
    JOIN members m ON m.id = x.member_id
    WHERE x.owed > 0 AND m.status = 'active' AND m.archived_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM dues_reminders d WHERE d.round_id = ${round.id} AND d.invoice_id = x.id)
    ORDER BY m.sort_last, m.sort_first, m.id`);
}

export function previewReminder(ctx: RegisterContext, roundId: number, limit: number): ReminderPreview {
  const round = mustGetRound(ctx.db, roundId);
  const list = round.runAt ? [] : candidates(ctx.db, round);
  const rows = toRows(ctx.db, list.slice(0, limit)).map((r, i) => ({
    invoiceId: r.id,
    invoiceNumber: r.number,
    member: r.member,
    total: r.total,
    paid: r.paid,
    owed: r.owed,
    printable: hasPostalAddress(list[i]),
    email: list[i].email,
  }));
  return {
    round,
    currency: currencyOf(ctx.country),
    count: list.length,
    owedTotal: list.reduce((n, c) => n + c.owed, 0),
    feeTotal: round.fee * list.length,
    rows,
  };
}

/** Records the round for its invoices and adds the reminder fee line. Call inside ctx.write. */
export function runReminder(ctx: RegisterContext, roundId: number): ReminderRoundEntity {
  const db = ctx.db;
  const round = mustGetRound(db, roundId);
  if (round.runAt) throw conflict('round-already-run', 'roundId');
  if (roundsOf(db, round.year).some((r) => r.round < round.round && !r.runAt)) throw conflict('previous-round-not-run', 'roundId');
  const list = candidates(db, round);
  if (!list.length) throw conflict('nothing-to-remind', 'roundId');
  const now = isoTime(ctx.now());
  const feeText = DUES_TEXTS[ctx.language].reminderFee(round.round);
  for (const inv of list) {
    db.run(sql`INSERT INTO dues_reminders (round_id, invoice_id, owed) VALUES (${round.id}, ${inv.id}, ${inv.owed})`);
    if (round.fee > 0) {
      db.run(sql`INSERT INTO invoice_lines (invoice_id, position, kind, description, amount, reminder_round_id)
                 SELECT ${inv.id}, coalesce(max(position), -1) + 1, 'reminderFee', ${feeText}, ${round.fee}, ${round.id}
                 FROM invoice_lines WHERE invoice_id = ${inv.id}`);
      db.run(sql`UPDATE invoices SET total = total + ${round.fee} WHERE id = ${inv.id}`);
    }
    for (const memberId of db.column(sql`SELECT member_id FROM invoice_members WHERE invoice_id = ${inv.id}`)) {
      recordHistory(db, memberId, now, [{ field: 'duesReminder', oldValue: null, newValue: String(inv.seq) }], 'dues');
    }
  }
  db.run(sql`UPDATE dues_reminder_rounds SET run_at = ${now} WHERE id = ${round.id}`);
  return mustGetRound(db, round.id);
}
