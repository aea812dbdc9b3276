import type { DuesFeeEntity } from '../../shared/contract/dues';
import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { creditSources, type CreditSource } from './credit-balance';
import { feesOf } from './fees';
import { invoiceStates } from './state';

export interface RunMember {
  id: number;
  member_number: number;
  first_name: string;
  last_name: string;
  street: string | null;
  postcode: string | null;
  city: string | null;
  country: string;
  email: string | null;
  membership_type_id: number | null;
  status: 'active' | 'left' | 'struck_off';
  archived_at: string | null;
  joined_on: string | null;
  household_id: number | null;
}

export interface RunType {
  id: number;
  code: string | null;
  name: string;
  pays_dues: number;
}

export interface OwedInvoice {
  id: number;
  seq: number;
  year: number;
  owed: number;
}

/** Everything an invoice run decides from, read in a handful of set queries. */
export interface RunFacts {
  year: number;
  members: RunMember[];
  types: Map<number, RunType>;
  fees: Map<number, DuesFeeEntity>;
  directDebit: Set<number>;
  /** Covered by an invoice of the year that still stands (not credited). */
  invoiced: Set<number>;
  /** Covered only by credited invoices of the year. */
  credited: Set<number>;
  /** Households that already have a per-household invoice of the year, by type. */
  householdsInvoiced: Set<string>;
  paidForYear: Set<number>;
  /** Last year's invoices still owed, per member they cover. */
  owedLastYear: Map<number, OwedInvoice[]>;
  highestSeq: number;
  /** Members' credit (on account, over-paid invoices), used on their new invoice. */
  credit: Map<number, CreditSource[]>;
}

export const householdKey = (householdId: number, typeId: number) => `${householdId}:${typeId}`;

export function loadRunFacts(db: Db, year: number): RunFacts {
  // Name order, so the preview, the run's numbering and the letters agree.
  const members = db.all<RunMember>(sql`SELECT id, member_number, first_name, last_name, street, postcode, city, country, email,
      membership_type_id, status, archived_at, joined_on, household_id
    FROM members ORDER BY sort_last, sort_first, id`);
  const types = new Map(db.all<RunType>(sql`SELECT id, code, name, pays_dues FROM membership_types`).map((t) => [t.id, t]));
  const fees = new Map(feesOf(db, year).map((f) => [f.membershipTypeId, f]));
  const directDebit = new Set(db.column(sql`SELECT member_id FROM dues_direct_debits`));

  const covered = db.all<{ member_id: number; standing: number; household_id: number | null; membership_type_id: number | null; per_household: number }>(sql`
    SELECT im.member_id, max(i.credited_by_id IS NULL) AS standing, i.household_id, i.membership_type_id,
           max(coalesce(f.per_household, 0)) AS per_household
    FROM invoice_members im JOIN invoices i ON i.id = im.invoice_id
    LEFT JOIN dues_fees f ON f.year = i.year AND f.membership_type_id = i.membership_type_id
    WHERE i.year = ${year} AND i.kind = 'invoice'
    GROUP BY im.member_id, i.household_id, i.membership_type_id`);
  const invoiced = new Set<number>();
  const householdsInvoiced = new Set<string>();
  for (const c of covered) {
    if (c.standing) invoiced.add(c.member_id);
    if (c.standing && c.household_id !== null && c.membership_type_id !== null && c.per_household) {
      householdsInvoiced.add(householdKey(c.household_id, c.membership_type_id));
    }
  }
  const credited = new Set(covered.filter((c) => !invoiced.has(c.member_id)).map((c) => c.member_id));

  const paidForYear = new Set(db.column(sql`SELECT member_id FROM payments WHERE year = ${year} AND invoice_id IS NULL AND member_id IS NOT NULL`));

  const owedLastYear = new Map<number, OwedInvoice[]>();
  const owed = db.all<OwedInvoice & { member_id: number }>(sql`SELECT im.member_id, x.id, x.seq, x.year, x.owed
    FROM (${invoiceStates(sql`i.year = ${year - 1} AND i.kind = 'invoice'`)}) x
    JOIN invoice_members im ON im.invoice_id = x.id WHERE x.owed > 0 ORDER BY x.seq`);
  for (const o of owed) {
    owedLastYear.set(o.member_id, [...(owedLastYear.get(o.member_id) ?? []), { id: o.id, seq: o.seq, year: o.year, owed: o.owed }]);
  }
  const highestSeq = db.column(sql`SELECT coalesce(max(seq), 0) FROM invoices`)[0];
  const credit = creditSources(db);
  return { year, members, types, fees, directDebit, invoiced, credited, householdsInvoiced, paidForYear, owedLastYear, highestSeq, credit };
}
