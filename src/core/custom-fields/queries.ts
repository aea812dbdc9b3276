import type { CustomFieldEntity, CustomValueEntity } from '../../shared/contract';
import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { notFound } from '../members/errors';
import { fromStored, type StoredValue } from './rules';

interface DbField {
  id: number;
  name: string;
  kind: CustomFieldEntity['kind'];
  options: string;
  position: number;
  archived_at: string | null;
}

const toField = (r: DbField): CustomFieldEntity => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  options: JSON.parse(r.options) as string[],
  position: r.position,
  archived: r.archived_at !== null,
});

export function listFields(db: Db, includeArchived: boolean): CustomFieldEntity[] {
  return db.all<DbField>(sql`SELECT * FROM custom_fields WHERE ${includeArchived} OR archived_at IS NULL ORDER BY position, id`).map(toField);
}

export function mustGetField(db: Db, id: number, field = 'id'): CustomFieldEntity {
  const r = db.get<DbField>(sql`SELECT * FROM custom_fields WHERE id = ${id}`);
  if (!r) throw notFound('custom-field', id, field);
  return toField(r);
}

export function memberValues(db: Db, memberId: number): CustomValueEntity[] {
  return db
    .all<{ field_id: number; kind: CustomFieldEntity['kind']; value: StoredValue }>(
      sql`SELECT v.field_id, f.kind, v.value FROM custom_values v JOIN custom_fields f ON f.id = v.field_id
          WHERE v.member_id = ${memberId} ORDER BY f.position, f.id`,
    )
    .map((r) => ({ fieldId: r.field_id, value: fromStored(r.kind, r.value) }));
}
