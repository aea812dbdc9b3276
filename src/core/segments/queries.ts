import type { CustomFieldKind, SegmentEntity, SegmentNode, SegmentRef } from '../../shared/contract';
import { KansliError, validationError } from '../../shared/result';
import { sortKey } from '../../shared/text/sort-key';
import type { Db } from '../db/database';
import { sql, type SqlQuery } from '../db/sql';
import type { FieldDef } from '../custom-fields/rules';
import { isoDate, type RegisterContext } from '../register/context';
import { compileSegment } from './compile';
import { checkSegment } from './rules';

export function fieldDefs(db: Db): Map<number, FieldDef> {
  const rows = db.all<{ id: number; kind: CustomFieldKind; options: string }>(sql`SELECT id, kind, options FROM custom_fields`);
  return new Map(rows.map((r) => [r.id, { id: r.id, kind: r.kind, options: JSON.parse(r.options) as string[] }]));
}

interface DbSegment {
  id: number;
  name: string;
  definition: string;
  created_at: string;
  updated_at: string;
}

const toEntity = (r: DbSegment): SegmentEntity => ({
  id: r.id,
  name: r.name,
  definition: JSON.parse(r.definition) as SegmentNode,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function listSegments(db: Db): SegmentEntity[] {
  return db.all<DbSegment>(sql`SELECT * FROM segments ORDER BY name`).map(toEntity);
}

export function mustGetSegment(db: Db, id: number): SegmentEntity {
  const r = db.get<DbSegment>(sql`SELECT * FROM segments WHERE id = ${id}`);
  if (!r) throw new KansliError('not-found', `No segment ${id}`, { fields: [{ field: 'segment.id', code: 'segment-not-found' }] });
  return toEntity(r);
}

/** Checks a definition and turns it into a predicate over `members m`. */
export function compileChecked(ctx: RegisterContext, definition: SegmentNode, path = 'definition'): SqlQuery {
  const fields = fieldDefs(ctx.db);
  const issues = checkSegment(definition, fields, path);
  if (issues.length) throw validationError(issues);
  const language = ctx.language;
  return compileSegment(definition, {
    today: isoDate(ctx.now()),
    fields,
    cityKey: (c) => sortKey(c, language).split('\u0001')[0],
  });
}

export function definitionOf(db: Db, ref: SegmentRef): SegmentNode {
  return 'id' in ref ? mustGetSegment(db, ref.id).definition : (ref.definition as SegmentNode);
}

export function segmentPredicate(ctx: RegisterContext, ref: SegmentRef): SqlQuery {
  return compileChecked(ctx, definitionOf(ctx.db, ref), 'segment');
}

/*
 * "+m.archived_at" (unary plus) keeps SQLite from driving the query through the archived_at
 * index: almost every member is unarchived, and going through it costs a second B-tree seek per
 * member, doubling the time of a segment whose sub-selects already name the candidates.
 */

/** Ids of the segment's members who are not archived, ascending. */
export function segmentIds(ctx: RegisterContext, ref: SegmentRef): number[] {
  const p = segmentPredicate(ctx, ref);
  return ctx.db.column(sql`SELECT m.id FROM members m WHERE +m.archived_at IS NULL AND ${p} ORDER BY m.id`);
}

export function segmentCount(db: Db, predicate: SqlQuery): number {
  return db.column(sql`SELECT count(*) FROM members m WHERE +m.archived_at IS NULL AND ${predicate}`)[0];
}
