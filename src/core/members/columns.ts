import type { MemberExtraColumn } from '../../shared/contract';
import type { Db } from '../db/database';
import { raw, sql } from '../db/sql';
import { fromStored, type StoredValue } from '../custom-fields/rules';
import { journeyStageSql } from '../journey/rules';
import { ageAt } from '../periods/rules';

type Cell = string | number | boolean | null;

/** Member columns the list can add; SQL text from this fixed map only. */
const COLUMN_SQL: Record<Exclude<MemberExtraColumn, `custom:${number}` | 'age' | 'journeyStage'>, string> = {
  street: 'street',
  birthDate: 'birth_date',
  country: 'country',
  consentSms: 'consent_sms',
  consentEmail: 'consent_email',
  consentPost: 'consent_post',
  householdId: 'household_id',
  statusSince: 'status_since',
  lastContactOn: 'last_contact_on',
};
const BOOLEAN = new Set(['consentSms', 'consentEmail', 'consentPost']);

/** The extra cells of a window of rows (ids), keyed by member id then by column as asked. */
export function extraColumns(db: Db, ids: number[], columns: string[], today: string): Map<number, Record<string, Cell>> {
  const out = new Map<number, Record<string, Cell>>(ids.map((id) => [id, {}]));
  if (!ids.length || !columns.length) return out;
  const idsJson = JSON.stringify(ids);
  const plain = columns.filter((c): c is keyof typeof COLUMN_SQL => c in COLUMN_SQL);
  const wantAge = columns.includes('age');
  const wantStage = columns.includes('journeyStage');
  if (plain.length || wantAge || wantStage) {
    const select = plain.map((c) => `m.${COLUMN_SQL[c]} AS "${c}"`);
    if (wantAge) select.push('m.birth_date AS "__birth"');
    const stage = wantStage ? sql`, ${journeyStageSql(today)} AS "journeyStage"` : sql``;
    const rows = db.all<Record<string, Cell>>(
      sql`SELECT m.id AS "__id", ${raw(select.join(', ') || '1 AS "__none"')} ${stage}
          FROM members m WHERE m.id IN (SELECT value FROM json_each(${idsJson}))`,
    );
    for (const r of rows) {
      const cells = out.get(r.__id as number)!;
      for (const c of plain) cells[c] = BOOLEAN.has(c) ? r[c] === 1 : r[c];
      if (wantAge) cells.age = r.__birth ? ageAt(String(r.__birth), today) : null;
      if (wantStage) cells.journeyStage = r.journeyStage;
    }
  }
  const fieldIds = columns.filter((c) => c.startsWith('custom:')).map((c) => Number(c.slice(7)));
  if (fieldIds.length) {
    const rows = db.all<{ member_id: number; field_id: number; kind: 'text'; value: StoredValue }>(
      sql`SELECT v.member_id, v.field_id, f.kind, v.value FROM custom_values v JOIN custom_fields f ON f.id = v.field_id
          WHERE v.field_id IN (SELECT value FROM json_each(${JSON.stringify(fieldIds)}))
            AND v.member_id IN (SELECT value FROM json_each(${idsJson}))`,
    );
    for (const id of ids) for (const f of fieldIds) out.get(id)![`custom:${f}`] = null;
    for (const r of rows) out.get(r.member_id)![`custom:${r.field_id}`] = fromStored(r.kind, r.value);
  }
  return out;
}
