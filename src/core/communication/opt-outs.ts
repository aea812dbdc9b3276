import type { OptOutChannel, OptOutEntity, OptOutListEntry, PersonRef, RegisterCountry } from '../../shared/contract';
import { parseEmail } from '../../shared/nordic/email';
import { parsePhone } from '../../shared/nordic/phone';
import type { Db } from '../db/database';
import { sql } from '../db/sql';

/**
 * The member and everyone merged into them (duplicates.merge archives the other member with
 * merged_into): an opt-out given under either record still holds for the person.
 */
const selfAndMerged = (memberId: number) =>
  sql`WITH RECURSIVE merged(id) AS (SELECT ${memberId} UNION SELECT m.id FROM members m JOIN merged ON m.merged_into = merged.id)`;

export function memberOptOuts(db: Db, memberId: number): OptOutEntity[] {
  // The earliest opt-out per channel (min() makes SQLite take the other columns from its row).
  return db
    .all<{ channel: OptOutChannel; on_date: string; source: OptOutEntity['source']; note: string }>(
      sql`${selfAndMerged(memberId)}
          SELECT channel, min(on_date) AS on_date, source, note FROM opt_outs WHERE member_id IN (SELECT id FROM merged)
          GROUP BY channel ORDER BY channel`,
    )
    .map((r) => ({ memberId, channel: r.channel, on: r.on_date, source: r.source, note: r.note }));
}

/** Records an opt-out; one already there keeps its first date. Returns whether it was new. */
export function recordOptOut(db: Db, o: { memberId: number; channel: OptOutChannel; on: string; source: OptOutEntity['source']; note: string; at: string }): boolean {
  return (
    db.run(sql`INSERT INTO opt_outs (member_id, channel, on_date, source, note, created_at)
               VALUES (${o.memberId}, ${o.channel}, ${o.on}, ${o.source}, ${o.note}, ${o.at}) ON CONFLICT DO NOTHING`).changes > 0
  );
}

export function removeOptOut(db: Db, memberId: number, channel: OptOutChannel): void {
  db.run(sql`${selfAndMerged(memberId)} DELETE FROM opt_outs WHERE channel = ${channel} AND member_id IN (SELECT id FROM merged)`);
}

const EMAIL_IN_LINE = /[^\s,;:<>"()[\]]+@[^\s,;:<>"()[\]]+/;
/** A run of digits with the separators people type ("+46 70-123 45 67", "(0)70 123"). */
const PHONE_IN_LINE = /(?:\+|00)?\d[\d\s().-]{4,}\d/;

export interface PastedValue {
  input: string;
  channel: 'sms' | 'email';
  value: string;
}

/**
 * The lines of a pasted list (a gateway's replies "+46701234567;STOP", a column copied from a
 * spreadsheet): an e-mail address on a line opts out of e-mail, otherwise a phone number opts out
 * of SMS. Lines holding neither are `invalid`; the same value twice is counted once.
 */
export function readPastedList(text: string, country: RegisterCountry): { values: PastedValue[]; invalid: string[] } {
  const values: PastedValue[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const email = EMAIL_IN_LINE.exec(line);
    let v: PastedValue | null = null;
    if (email) {
      const parsed = parseEmail(email[0]);
      if (parsed.ok) v = { input: line, channel: 'email', value: parsed.email };
    } else {
      const phone = PHONE_IN_LINE.exec(line);
      const parsed = phone ? parsePhone(phone[0], country) : null;
      if (parsed?.ok) v = { input: line, channel: 'sms', value: parsed.e164 };
    }
    if (!v) {
      invalid.push(line.slice(0, 200));
      continue;
    }
    const key = `${v.channel}:${v.value.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    values.push(v);
  }
  return { values, invalid };
}

interface DbPerson {
  id: number;
  member_number: number;
  first_name: string;
  last_name: string;
  already: number;
}

/**
 * Which members have each value (a shared phone opts every one of them out), and the unknown.
 * Numbers are looked up through the mobile index; addresses through one pass over the register's
 * addresses, case-insensitively (SQLite's lower() would also miss non-ASCII letters).
 */
export function matchPasted(db: Db, values: PastedValue[]): { entries: OptOutListEntry[]; unknown: string[] } {
  let byEmail: Map<string, number[]> | null = null;
  if (values.some((v) => v.channel === 'email')) {
    byEmail = new Map();
    for (const r of db.column<string>(sql`SELECT id || ' ' || email FROM members WHERE email IS NOT NULL AND archived_at IS NULL`)) {
      const space = r.indexOf(' ');
      const key = r.slice(space + 1).toLowerCase();
      const ids = byEmail.get(key) ?? [];
      ids.push(Number(r.slice(0, space)));
      byEmail.set(key, ids);
    }
  }
  const entries: OptOutListEntry[] = [];
  const unknown: string[] = [];
  for (const v of values) {
    const ids = v.channel === 'email' ? (byEmail!.get(v.value.toLowerCase()) ?? []) : null;
    const where = ids ? sql`m.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))` : sql`m.mobile = ${v.value}`;
    const rows = db.all<DbPerson>(
      sql`SELECT m.id, m.member_number, m.first_name, m.last_name,
            EXISTS (SELECT 1 FROM opt_outs o WHERE o.member_id = m.id AND o.channel = ${v.channel}) AS already
          FROM members m WHERE ${where} AND m.archived_at IS NULL ORDER BY m.sort_last, m.sort_first`,
    );
    if (!rows.length) {
      unknown.push(v.input);
      continue;
    }
    const members: PersonRef[] = rows.map((r) => ({ memberId: r.id, memberNumber: r.member_number, firstName: r.first_name, lastName: r.last_name }));
    entries.push({ input: v.input, channel: v.channel, value: v.value, members, already: rows.filter((r) => r.already === 1).length });
  }
  return { entries, unknown };
}
