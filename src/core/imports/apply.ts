import type { MemberEntity } from '../../shared/contract';
import type { ImportMemberField, ImportRunEntity, ImportTarget } from '../../shared/contract/imports';
import { KansliError } from '../../shared/result';
import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { conflict, invalid, notFound } from '../members/errors';
import { mustGetMember } from '../members/queries';
import type { NormalizedMember } from '../members/rules';
import { insertMembers } from '../members/batch-insert';
import { insertMember, reserveMemberNumbers, updateMember } from '../members/writes';
import { isoDate, isoTime, type RegisterContext } from '../register/context';
import type { PlannedRow } from './plan';

/** Member fields an import may write into an existing member. */
const WRITABLE: Exclude<ImportMemberField, 'memberNumber'>[] = [
  'firstName', 'lastName', 'birthDate', 'identityNumber', 'street', 'postcode', 'city', 'country',
  'email', 'mobile', 'consentSms', 'consentEmail', 'consentPost', 'joinedOn',
];

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

/** The existing member with the imported values: only into empty fields, or over everything given. */
export function mergeInto(existing: MemberEntity, imported: NormalizedMember, given: Set<ImportTarget>, overwrite: boolean): NormalizedMember {
  const out: NormalizedMember = { ...toNormalized(existing) };
  for (const f of WRITABLE) {
    if (!given.has(f)) continue;
    const value = imported[f];
    if (isEmpty(value)) continue;
    // Consents are never "empty": only an overwrite changes them.
    if (typeof value === 'boolean' ? overwrite : overwrite || isEmpty(existing[f])) (out as unknown as Record<string, unknown>)[f] = value;
  }
  // An identity number brings its birth date; keep them consistent.
  if (out.identityNumber !== existing.identityNumber && imported.birthDate && given.has('identityNumber')) out.birthDate = imported.birthDate;
  return out;
}

export function toNormalized(m: MemberEntity): NormalizedMember {
  return {
    firstName: m.firstName, lastName: m.lastName, birthDate: m.birthDate, identityNumber: m.identityNumber, street: m.street,
    postcode: m.postcode, city: m.city, country: m.country, email: m.email, mobile: m.mobile, consentSms: m.consentSms,
    consentEmail: m.consentEmail, consentPost: m.consentPost, membershipTypeId: m.membershipTypeId, joinedOn: m.joinedOn, status: m.status,
  };
}

const pick = (m: NormalizedMember) => [...WRITABLE, 'membershipTypeId', 'status'].map((f) => (m as unknown as Record<string, unknown>)[f] ?? null);

/**
 * Own-field values and group memberships of a row. Every value written is recorded (old and new)
 * for undo; roles carry the operation's id like a bulk action's.
 */
function writeExtras(ctx: RegisterContext, op: number, memberId: number, r: PlannedRow, mode: 'create' | 'fillEmpty' | 'overwrite', from: string): number {
  const db = ctx.db;
  let n = 0;
  for (const { fieldId, stored } of r.custom) {
    const old = db.get<{ value: string | number }>(sql`SELECT value FROM custom_values WHERE member_id = ${memberId} AND field_id = ${fieldId}`)?.value ?? null;
    if (old === stored || (old !== null && mode === 'fillEmpty')) continue;
    db.run(sql`INSERT INTO bulk_changes (op_id, tbl, row_id, col, old_value, new_value) VALUES (${op}, 'custom_values', ${memberId}, ${String(fieldId)}, ${old}, ${stored})`);
    db.run(sql`INSERT INTO custom_values (member_id, field_id, value) VALUES (${memberId}, ${fieldId}, ${stored})
               ON CONFLICT(member_id, field_id) DO UPDATE SET value = excluded.value`);
    n++;
  }
  for (const groupId of r.groups) {
    const holds = db.get(sql`SELECT 1 AS x FROM group_roles WHERE member_id = ${memberId} AND group_id = ${groupId} AND role = 'member' AND (to_on IS NULL OR to_on >= ${from})`);
    if (holds) continue;
    db.run(sql`INSERT INTO group_roles (member_id, group_id, role, from_on, op_id) VALUES (${memberId}, ${groupId}, 'member', ${from}, ${op})`);
    n++;
  }
  return n;
}

const changed = (a: NormalizedMember, b: NormalizedMember) => WRITABLE.some((f) => a[f] !== b[f]);

interface DbRun {
  id: number;
  at: string;
  file_name: string;
  created: number;
  updated: number;
  skipped: number;
  operation_id: number | null;
  undone_at: string | null;
}

export function listRuns(db: Db, limit: number): ImportRunEntity[] {
  const latest = db.column(sql`SELECT coalesce(max(id), 0) FROM operations WHERE undone_at IS NULL`)[0];
  return db.all<DbRun>(sql`SELECT * FROM import_runs ORDER BY id DESC LIMIT ${limit}`).map((r) => ({
    id: r.id,
    at: r.at,
    fileName: r.file_name,
    created: r.created,
    updated: r.updated,
    skipped: r.skipped,
    undoneAt: r.undone_at,
    undoable: r.undone_at === null && r.operation_id === latest,
  }));
}

export function getRun(db: Db, id: number): ImportRunEntity {
  const run = db.get<{ id: number }>(sql`SELECT id FROM import_runs WHERE id = ${id}`);
  if (!run) throw notFound('import', id, 'runId');
  return listRuns(db, 1_000_000).find((r) => r.id === id)!;
}

/** What checking the rows gave, as the write needs it: the rows to create or update, in file order, and counts. */
export interface CollectedPlan {
  writes: PlannedRow[];
  skipped: number;
  invalid: number;
}

const NO_CELLS: string[] = [];

/** A plan to fill, and the visit that fills it (rows skipped or invalid are only counted). */
export function collector(): { plan: CollectedPlan; visit: (r: PlannedRow) => void } {
  const plan: CollectedPlan = { writes: [], skipped: 0, invalid: 0 };
  return {
    plan,
    visit(r) {
      // Kept until the write, without the cells (the file's rows are let go of before it).
      if (r.action === 'create' || r.action === 'update') {
        r.cells = NO_CELLS;
        plan.writes.push(r);
      }
      else if (r.action === 'skip') plan.skipped++;
      else plan.invalid++;
    },
  };
}

/**
 * How new members are inserted: 'batch' (insertMembers, the import's own path) or 'single'
 * (insertMember row by row, the form's path: the reference the batch is tested against).
 */
export type InsertPath = 'batch' | 'single';

/**
 * Writes a checked plan in one transaction and records it for undo: the created members' ids in
 * bulk_changes ('created-range', with the updated_at times the import left, to see later edits), updated
 * members with a snapshot of what they were. Updated members get history rows with the source
 * 'import'; the created ones show 'created' with the file name in their history, read from the
 * range record (history/queries.ts). The plan must have been checked against the register as it
 * is (nothing written since).
 */
export function applyPlan(ctx: RegisterContext, fileName: string, plan: CollectedPlan, onlyValid: boolean, insert: InsertPath = 'batch'): ImportRunEntity {
  return ctx.write(() => {
    const db = ctx.db;
    const { writes, skipped: skippedRows, invalid: invalidRows } = plan;
    // Thrown inside the transaction, before anything is written.
    if (invalidRows && !onlyValid) {
      throw new KansliError('validation', 'import-has-invalid-rows', { fields: [{ field: 'path', code: 'import-has-invalid-rows' }], count: invalidRows });
    }
    const now = isoTime(ctx.now());
    const today = isoDate(ctx.now());
    const { lastId: op } = db.run(sql`INSERT INTO operations (kind, summary, created_at) VALUES ('import', ${JSON.stringify({ changed: 0, fileName })}, ${now})`);
    const maxBefore = db.column(sql`SELECT coalesce(max(id), 0) FROM members`)[0];
    const historyBefore = db.column(sql`SELECT coalesce(max(id), 0) FROM member_history`)[0];
    // Rows left out for their problems count as skipped, as the user chose to import the valid ones only.
    let skipped = skippedRows + invalidRows;
    let updated = 0;

    const creates = writes.filter((r) => r.action === 'create');
    let ids: number[];
    if (insert === 'batch') ids = insertMembers(ctx, creates.map((r) => ({ member: r.member!, memberNumber: r.memberNumber })));
    else {
      // Numbers handed out to rows without one come after every number the file keeps (as insertMembers does).
      const keptAbove = creates.reduce((a, r) => Math.max(a, r.memberNumber ?? 0), 0);
      if (keptAbove) reserveMemberNumbers(db, 0, keptAbove);
      ids = creates.map((r) => insertMember(ctx, r.member!, r.memberNumber ?? undefined));
    }
    creates.forEach((r, i) => (r.custom.length || r.groups.length) && writeExtras(ctx, op, ids[i], r, 'create', r.member!.joinedOn ?? today));
    const created = ids.length;
    if (created) {
      // The new members have consecutive ids (nothing else inserts members in this transaction):
      // one record of the range, with the span of the updated_at times the import gave them (a
      // later edit is outside it), stands for one record per member.
      db.run(sql`INSERT INTO bulk_changes (op_id, tbl, row_id, col, old_value, new_value)
                 SELECT ${op}, 'members', min(id), 'created-range', max(id), json_array(min(updated_at), max(updated_at))
                 FROM members WHERE id > ${maxBefore}`);
    }

    for (const r of writes) {
      if (r.action !== 'update' || !r.member || !r.duplicate) continue;
      const existing = mustGetMember(db, r.duplicate.memberId);
      const merged = mergeInto(existing, r.member, r.given, r.policy === 'overwrite');
      const extras = writeExtras(ctx, op, existing.id, r, r.policy === 'overwrite' ? 'overwrite' : 'fillEmpty', existing.joinedOn ?? today);
      if (changed(toNormalized(existing), merged)) {
        db.run(sql`INSERT INTO bulk_changes (op_id, tbl, row_id, col, old_value, new_value)
                   VALUES (${op}, 'members', ${existing.id}, 'snapshot', ${JSON.stringify(toNormalized(existing))}, ${JSON.stringify(merged)})`);
        updateMember(ctx, existing, merged, 'import');
      } else if (!extras) {
        skipped++;
        continue;
      }
      updated++;
    }
    if (!created && !updated) throw invalid('path', 'nothing-to-import');
    // The history rows the updates wrote belong to the import: undo removes them.
    db.run(sql`UPDATE member_history SET op_id = ${op} WHERE id > ${historyBefore} AND op_id IS NULL`);
    db.run(sql`UPDATE operations SET summary = ${JSON.stringify({ changed: created + updated, fileName })} WHERE id = ${op}`);
    const { lastId } = db.run(sql`INSERT INTO import_runs (at, file_name, created, updated, skipped, operation_id)
                                  VALUES (${now}, ${fileName}, ${created}, ${updated}, ${skipped}, ${op})`);
    return getRun(db, lastId);
  });
}

/**
 * Undoes a whole import: created members are removed with everything the insert wrote, updated
 * members get their snapshot back, and the history the import wrote goes. Refused when anything
 * has changed since (an edit, a contact, a role), or a later change to the register exists.
 */
export function undoRun(ctx: RegisterContext, runId: number): ImportRunEntity {
  return ctx.write(() => {
    const db = ctx.db;
    const run = getRun(db, runId);
    if (run.undoneAt) throw conflict('import-already-undone', 'runId');
    if (!run.undoable) throw conflict('import-undo-not-latest', 'runId');
    const op = db.column(sql`SELECT operation_id FROM import_runs WHERE id = ${runId}`)[0];
    const now = isoTime(ctx.now());
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS import_created (id INTEGER PRIMARY KEY)`);
    db.run(sql`DELETE FROM temp.import_created`);
    // Imports made before 'created-range' recorded each created member ('created').
    db.run(sql`INSERT INTO temp.import_created SELECT row_id FROM bulk_changes WHERE op_id = ${op} AND col = 'created'
               UNION SELECT m.id FROM bulk_changes c JOIN members m ON m.id BETWEEN c.row_id AND c.old_value
                     WHERE c.op_id = ${op} AND c.col = 'created-range'`);
    const inCreated = sql`IN (SELECT id FROM temp.import_created)`;
    const since = db.column(sql`SELECT
        (SELECT count(*) FROM bulk_changes c JOIN members m ON m.id = c.row_id
          WHERE c.op_id = ${op} AND c.col = 'created' AND m.updated_at IS NOT c.new_value)
      + (SELECT count(*) FROM bulk_changes c JOIN members m ON m.id BETWEEN c.row_id AND c.old_value
          WHERE c.op_id = ${op} AND c.col = 'created-range' AND m.updated_at NOT BETWEEN c.new_value ->> 0 AND c.new_value ->> 1)
      + (SELECT count(*) FROM members WHERE id ${inCreated} AND (household_id IS NOT NULL OR archived_at IS NOT NULL))
      + (SELECT count(*) FROM members WHERE merged_into ${inCreated})
      + (SELECT count(*) FROM contact_log WHERE member_id ${inCreated})
      + (SELECT count(*) FROM group_roles WHERE member_id ${inCreated} AND (op_id IS NULL OR op_id != ${op}))
      + (SELECT count(*) FROM custom_values v WHERE v.member_id ${inCreated} AND NOT EXISTS (SELECT 1 FROM bulk_changes c
          WHERE c.op_id = ${op} AND c.tbl = 'custom_values' AND c.row_id = v.member_id AND c.col = CAST(v.field_id AS TEXT) AND c.new_value IS v.value))
      + (SELECT count(*) FROM bulk_changes c WHERE c.op_id = ${op} AND c.tbl = 'custom_values' AND c.row_id NOT ${inCreated}
          AND c.new_value IS NOT (SELECT v.value FROM custom_values v WHERE v.member_id = c.row_id AND CAST(v.field_id AS TEXT) = c.col))
      + (SELECT count(*) FROM member_history WHERE member_id ${inCreated} AND (op_id IS NULL OR op_id != ${op}))`)[0];
    const snapshots = db.all<{ row_id: number; old_value: string; new_value: string }>(sql`SELECT row_id, old_value, new_value FROM bulk_changes
                                                                         WHERE op_id = ${op} AND col = 'snapshot' ORDER BY rowid DESC`);
    // An updated member is still as the import left it: same fields, same values.
    const latest = new Map<number, (typeof snapshots)[number]>();
    for (const s of snapshots) if (!latest.has(s.row_id)) latest.set(s.row_id, s);
    const edited = [...latest.values()].filter((s) => JSON.stringify(pick(toNormalized(mustGetMember(db, s.row_id)))) !== JSON.stringify(pick(JSON.parse(s.new_value) as NormalizedMember)));
    if (since + edited.length) throw conflict('import-changed-since', 'runId', { count: since + edited.length });

    db.run(sql`DELETE FROM group_roles WHERE op_id = ${op}`);
    // Own-field values put back as they were (first recorded old value: the one from before the import).
    const customs = db.all<{ row_id: number; col: string; old_value: string | number | null }>(sql`SELECT row_id, col, old_value FROM bulk_changes
      WHERE op_id = ${op} AND tbl = 'custom_values' AND row_id NOT ${inCreated} ORDER BY rowid DESC`);
    for (const c of customs) {
      if (c.old_value === null) db.run(sql`DELETE FROM custom_values WHERE member_id = ${c.row_id} AND field_id = ${Number(c.col)}`);
      else db.run(sql`UPDATE custom_values SET value = ${c.old_value} WHERE member_id = ${c.row_id} AND field_id = ${Number(c.col)}`);
    }
    for (const tbl of ['custom_values', 'member_status_events', 'member_type_periods', 'member_history'] as const) {
      db.run({ text: `DELETE FROM ${tbl} WHERE member_id IN (SELECT id FROM temp.import_created)`, params: [] });
    }
    db.run(sql`DELETE FROM members WHERE id ${inCreated}`);

    const historyBefore = db.column(sql`SELECT coalesce(max(id), 0) FROM member_history`)[0];
    for (const s of snapshots) {
      const before = JSON.parse(s.old_value) as NormalizedMember;
      updateMember(ctx, mustGetMember(db, s.row_id), before);
    }
    // As if the import had never happened: its history and the restore's both go.
    db.run(sql`DELETE FROM member_history WHERE op_id = ${op} OR id > ${historyBefore}`);
    db.run(sql`UPDATE operations SET undone_at = ${now} WHERE id = ${op}`);
    db.run(sql`UPDATE import_runs SET undone_at = ${now} WHERE id = ${runId}`);
    return getRun(db, runId);
  });
}
