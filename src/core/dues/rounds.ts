import { DUES_MERGE_FIELDS, type ReminderRoundEntity, type ReminderRoundInput } from '../../shared/contract/dues';
import { validationError, type FieldIssue } from '../../shared/result';
import { checkTemplate } from '../../shared/text/merge-fields';
import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { conflict, notFound } from '../members/errors';
import type { RegisterContext } from '../register/context';
import { DUES_TEXTS } from './texts';

interface DbRound {
  id: number;
  year: number;
  number: number;
  remind_on: string;
  due_on: string;
  fee: number;
  text: string;
  run_at: string | null;
  reminded: number;
  owed_total: number;
}

const SELECT = sql`SELECT r.*, (SELECT count(*) FROM dues_reminders d WHERE d.round_id = r.id) AS reminded,
  (SELECT coalesce(sum(d.owed), 0) FROM dues_reminders d WHERE d.round_id = r.id) AS owed_total FROM dues_reminder_rounds r`;

const toRound = (r: DbRound): ReminderRoundEntity => ({
  id: r.id,
  year: r.year,
  round: r.number,
  remindOn: r.remind_on,
  dueOn: r.due_on,
  fee: r.fee,
  text: r.text,
  runAt: r.run_at,
  reminded: r.reminded,
  owedTotal: r.owed_total,
});

export function roundsOf(db: Db, year: number): ReminderRoundEntity[] {
  return db.all<DbRound>(sql`${SELECT} WHERE r.year = ${year} ORDER BY r.number`).map(toRound);
}

export function mustGetRound(db: Db, id: number): ReminderRoundEntity {
  const r = db.get<DbRound>(sql`${SELECT} WHERE r.id = ${id}`);
  if (!r) throw notFound('round', id, 'roundId');
  return toRound(r);
}

/** The field's routine: reminders in April, July and October, each with a month to pay. */
export function ensureDefaultRounds(ctx: RegisterContext, year: number) {
  if (ctx.db.get(sql`SELECT 1 AS x FROM dues_reminder_rounds WHERE year = ${year}`)) return;
  const texts = DUES_TEXTS[ctx.language];
  const defaults = [
    [`${year}-04-01`, `${year}-04-30`],
    [`${year}-07-01`, `${year}-07-31`],
    [`${year}-10-01`, `${year}-10-31`],
  ];
  defaults.forEach(([remindOn, dueOn], i) => {
    ctx.db.run(sql`INSERT INTO dues_reminder_rounds (year, number, remind_on, due_on, fee, text)
                   VALUES (${year}, ${i + 1}, ${remindOn}, ${dueOn}, 0, ${texts.defaultReminder(i + 1)})`);
  });
}

type ParsedRound = Required<ReminderRoundInput>;

/**
 * Replaces the year's rounds. Rounds already run are history: they must come back unchanged
 * (their text may be corrected); the others are renumbered by date.
 */
export function saveRounds(ctx: RegisterContext, year: number, input: ParsedRound[]): ReminderRoundEntity[] {
  const issues: FieldIssue[] = [];
  input.forEach((r, i) => {
    if (r.dueOn < r.remindOn) issues.push({ field: `rounds.${i}.dueOn`, code: 'due-before-reminder' });
    if (r.fee < 0) issues.push({ field: `rounds.${i}.fee`, code: 'amount-not-positive' });
    const t = checkTemplate(r.text, DUES_MERGE_FIELDS);
    if (t) issues.push({ field: `rounds.${i}.text`, code: t.code });
  });
  if (issues.length) throw validationError(issues);
  const db = ctx.db;
  const existing = roundsOf(db, year);
  const sorted = [...input].sort((a, b) => a.remindOn.localeCompare(b.remindOn));
  const run = existing.filter((r) => r.runAt !== null);
  run.forEach((r, i) => {
    const s = sorted[i];
    if (!s || s.remindOn !== r.remindOn || s.dueOn !== r.dueOn || s.fee !== r.fee) throw conflict('round-already-run', 'rounds');
  });
  sorted.forEach((s, i) => {
    const old = existing.find((r) => r.round === i + 1);
    if (old) {
      db.run(sql`UPDATE dues_reminder_rounds SET remind_on = ${s.remindOn}, due_on = ${s.dueOn}, fee = ${s.fee}, text = ${s.text} WHERE id = ${old.id}`);
    } else {
      db.run(sql`INSERT INTO dues_reminder_rounds (year, number, remind_on, due_on, fee, text)
                 VALUES (${year}, ${i + 1}, ${s.remindOn}, ${s.dueOn}, ${s.fee}, ${s.text})`);
    }
  });
  for (const old of existing.filter((r) => r.round > sorted.length)) {
    db.run(sql`DELETE FROM dues_reminder_rounds WHERE id = ${old.id}`);
  }
  return roundsOf(db, year);
}
