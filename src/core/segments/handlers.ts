import type { Api, SegmentNode, SegmentWarning } from '../../shared/contract';
import { conflict } from '../members/errors';
import { sql } from '../db/sql';
import { isoTime, type ContextProvider } from '../register/context';
import { compileChecked, definitionOf, listSegments, mustGetSegment, segmentCount } from './queries';

type SegmentsApi = Pick<Api, 'segments.list' | 'segments.get' | 'segments.save' | 'segments.delete' | 'segments.count'>;

const warnings = (count: number): SegmentWarning[] => (count === 0 ? ['segment-matches-nobody'] : []);

export function createSegmentsHandlers(context: ContextProvider): SegmentsApi {
  return {
    async 'segments.list'() {
      return listSegments(context().db);
    },
    async 'segments.get'({ id }) {
      return mustGetSegment(context().db, id);
    },
    async 'segments.save'({ id, name, definition }) {
      const ctx = context();
      const predicate = compileChecked(ctx, definition as SegmentNode);
      return ctx.write(() => {
        const clash = ctx.db.get<{ id: number }>(sql`SELECT id FROM segments WHERE name = ${name} AND id != ${id ?? 0}`);
        if (clash) throw conflict('name-in-use', 'name');
        const now = isoTime(ctx.now());
        const json = JSON.stringify(definition);
        let segmentId = id;
        if (segmentId) {
          mustGetSegment(ctx.db, segmentId);
          ctx.db.run(sql`UPDATE segments SET name = ${name}, definition = ${json}, updated_at = ${now} WHERE id = ${segmentId}`);
        } else {
          segmentId = ctx.db.run(sql`INSERT INTO segments (name, definition, created_at, updated_at) VALUES (${name}, ${json}, ${now}, ${now})`).lastId;
        }
        const count = segmentCount(ctx.db, predicate);
        return { segment: mustGetSegment(ctx.db, segmentId), count, warnings: warnings(count) };
      });
    },
    async 'segments.delete'({ id }) {
      const ctx = context();
      mustGetSegment(ctx.db, id);
      ctx.write(() => ctx.db.run(sql`DELETE FROM segments WHERE id = ${id}`));
      return { deleted: true };
    },
    async 'segments.count'({ segment }) {
      const ctx = context();
      const count = segmentCount(ctx.db, compileChecked(ctx, definitionOf(ctx.db, segment), 'segment'));
      return { count, warnings: warnings(count) };
    },
  };
}
