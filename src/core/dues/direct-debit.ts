import type { DirectDebitEntity, DirectDebitKind, InvoicePersonRef } from '../../shared/contract/dues';
import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { recordHistory } from '../history/queries';
import { invalid } from '../members/errors';
import { mustGetMember } from '../members/queries';
import { isoTime, type RegisterContext } from '../register/context';

interface DbDd {
  member_id: number;
  kind: 'autogiro' | 'avtalegiro';
  since: string | null;
  payer_number: string | null;
}

const toEntity = (memberId: number, r: DbDd | undefined): DirectDebitEntity =>
  r ? { memberId, kind: r.kind, since: r.since, payerNumber: r.payer_number } : { memberId, kind: 'none', since: null, payerNumber: null };

export function getDirectDebit(db: Db, memberId: number): DirectDebitEntity {
  mustGetMember(db, memberId);
  return toEntity(memberId, db.get<DbDd>(sql`SELECT * FROM dues_direct_debits WHERE member_id = ${memberId}`));
}

/** Autogiro is Swedish and AvtaleGiro Norwegian: the register's country decides which exists. Call inside ctx.write. */
export function setDirectDebit(
  ctx: RegisterContext,
  a: { memberId: number; kind: DirectDebitKind; since: string | null; payerNumber: string | null },
): DirectDebitEntity {
  const db = ctx.db;
  const before = getDirectDebit(db, a.memberId);
  if ((a.kind === 'autogiro' && ctx.country !== 'SE') || (a.kind === 'avtalegiro' && ctx.country !== 'NO')) {
    throw invalid('kind', 'direct-debit-country');
  }
  const now = isoTime(ctx.now());
  if (a.kind === 'none') db.run(sql`DELETE FROM dues_direct_debits WHERE member_id = ${a.memberId}`);
  else {
    db.run(sql`INSERT INTO dues_direct_debits (member_id, kind, since, payer_number, updated_at)
               VALUES (${a.memberId}, ${a.kind}, ${a.since}, ${a.payerNumber}, ${now})
               ON CONFLICT(member_id) DO UPDATE SET kind = excluded.kind, since = excluded.since,
                 payer_number = excluded.payer_number, updated_at = excluded.updated_at`);
  }
  const text = (k: DirectDebitKind) => (k === 'none' ? null : k);
  recordHistory(db, a.memberId, now, [{ field: 'duesDirectDebit', oldValue: text(before.kind), newValue: text(a.kind) }], 'dues');
  return getDirectDebit(db, a.memberId);
}

export function listDirectDebits(db: Db): (DirectDebitEntity & InvoicePersonRef)[] {
  return db
    .all<DbDd & { member_number: number; first_name: string; last_name: string }>(sql`SELECT d.*, m.member_number, m.first_name, m.last_name
        FROM dues_direct_debits d JOIN members m ON m.id = d.member_id ORDER BY m.sort_last, m.sort_first, m.id`)
    .map((r) => ({ ...toEntity(r.member_id, r), memberNumber: r.member_number, firstName: r.first_name, lastName: r.last_name }));
}
