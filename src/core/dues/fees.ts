import type { DuesFeeEntity, DuesFeeInput } from '../../shared/contract/dues';
import type { FieldIssue } from '../../shared/result';
import { validationError } from '../../shared/result';
import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { notFound } from '../members/errors';
import type { RegisterContext } from '../register/context';
import { ensureDefaultRounds } from './rounds';

interface DbFee {
  year: number;
  membership_type_id: number;
  amount: number;
  free: number;
  per_household: number;
  due_on: string;
  intro_from: string | null;
  intro_to: string | null;
  intro_amount: number | null;
}

const toFee = (f: DbFee): DuesFeeEntity => ({
  year: f.year,
  membershipTypeId: f.membership_type_id,
  amount: f.amount,
  free: f.free === 1,
  perHousehold: f.per_household === 1,
  dueOn: f.due_on,
  intro: f.intro_from && f.intro_to && f.intro_amount !== null ? { from: f.intro_from, to: f.intro_to, amount: f.intro_amount } : null,
});

export function feesOf(db: Db, year: number): DuesFeeEntity[] {
  return db
    .all<DbFee>(sql`SELECT f.* FROM dues_fees f JOIN membership_types t ON t.id = f.membership_type_id
                    WHERE f.year = ${year} ORDER BY t.position, t.id`)
    .map(toFee);
}

type ParsedFee = Required<Omit<DuesFeeInput, 'intro'>> & { intro: DuesFeeEntity['intro'] };

/**
 * A fee is either free or a positive amount (an amount of 0 without the free flag is a typing
 * slip, not a decision); an introductory fee may be 0 ("first year free") but not negative and
 * needs a period the right way round.
 */
export function feeIssues(fees: ParsedFee[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<number>();
  fees.forEach((f, i) => {
    const at = (name: string) => `fees.${i}.${name}`;
    if (seen.has(f.membershipTypeId)) issues.push({ field: at('membershipTypeId'), code: 'type-duplicate' });
    seen.add(f.membershipTypeId);
    if (!f.free && f.amount <= 0) issues.push({ field: at('amount'), code: 'amount-not-positive' });
    if (f.free && f.amount < 0) issues.push({ field: at('amount'), code: 'amount-not-positive' });
    if (f.intro) {
      if (f.intro.amount < 0) issues.push({ field: at('intro.amount'), code: 'amount-not-positive' });
      if (f.intro.to < f.intro.from) issues.push({ field: at('intro.to'), code: 'intro-period-reversed' });
    }
  });
  return issues;
}

/** Replaces the year's schedule; the first schedule of a year also gets the default reminder rounds. */
export function saveFees(ctx: RegisterContext, year: number, fees: ParsedFee[]): DuesFeeEntity[] {
  const issues = feeIssues(fees);
  if (issues.length) throw validationError(issues);
  const db = ctx.db;
  fees.forEach((f, i) => {
    if (!db.get(sql`SELECT 1 AS x FROM membership_types WHERE id = ${f.membershipTypeId}`)) {
      throw notFound('type', f.membershipTypeId, `fees.${i}.membershipTypeId`);
    }
  });
  db.run(sql`DELETE FROM dues_fees WHERE year = ${year}`);
  for (const f of fees) {
    db.run(sql`INSERT INTO dues_fees (year, membership_type_id, amount, free, per_household, due_on, intro_from, intro_to, intro_amount)
               VALUES (${year}, ${f.membershipTypeId}, ${f.free ? 0 : f.amount}, ${f.free}, ${f.perHousehold}, ${f.dueOn},
                       ${f.intro?.from ?? null}, ${f.intro?.to ?? null}, ${f.intro?.amount ?? null})`);
  }
  ensureDefaultRounds(ctx, year);
  return feesOf(db, year);
}
