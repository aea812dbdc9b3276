import type { Api, Emit } from '../../shared/contract';
import type { ImportMappingEntity, ImportPreview, ImportRowResult, ImportTarget } from '../../shared/contract/imports';
import { sql } from '../db/sql';
import { invalid, notFound } from '../members/errors';
import { assertTypeAssignable } from '../membership-types/queries';
import { isoDate, isoTime, type ContextProvider, type RegisterContext } from '../register/context';
import { KansliError } from '../../shared/result';
import type { Db } from '../db/database';
import { applyPlan, collector, listRuns, undoRun } from './apply';
import { suggestMapping } from './mapping';
import { detectHeaderRow, isEmptyRow, readTable, type Table } from './parse';
import { planRowsAsync, type PlannedRow } from './plan';
import type { PlanOptions } from './validate';

type ImportsApi = Pick<Api, Extract<keyof Api, `import.${string}`>>;
type PlanArgs = Omit<Parameters<ImportsApi['import.preview']>[0], 'limit'>;

const headerOf = (table: Table, headerRow: number) => (table.rows[headerRow - 1] ?? []).map((h) => h.trim());

async function load(args: PlanArgs) {
  const table = await readTable(args.path, { encoding: args.encoding, delimiter: args.delimiter });
  const headerRow = args.headerRow ?? detectHeaderRow(table.rows);
  return { table, headerRow };
}

function options(ctx: RegisterContext, args: PlanArgs, headerRow: number): PlanOptions {
  if (args.membershipTypeId != null) assertTypeAssignable(ctx.db, args.membershipTypeId, 'membershipTypeId');
  const mapping = args.mapping as (ImportTarget | null)[];
  if (!mapping.some((m) => m === 'firstName') || !mapping.some((m) => m === 'lastName')) throw invalid('mapping', 'names-not-mapped');
  return { headerRow, mapping, fixes: args.fixes, skip: args.skip, duplicatePolicy: args.duplicatePolicy, decisions: args.decisions, membershipTypeId: args.membershipTypeId };
}

const result = (r: PlannedRow): ImportRowResult => ({ row: r.row, cells: r.cells, action: r.action, issues: r.issues, duplicate: r.duplicate });

/** Rows written to the register since it was opened: unchanged means nothing was written in between. */
const writesSoFar = (db: Db) => db.column(sql`SELECT total_changes()`)[0];

export function createImportsHandlers(context: ContextProvider, emit?: Emit): ImportsApi {
  /**
   * Reads the file and checks every row, a slice at a time, reporting 'job.progress' (rows
   * checked of all rows) to a window that gave a job id. The file's rows are not kept: only
   * what `visit` keeps. Returns the file's name.
   */
  const check = async (ctx: RegisterContext, args: PlanArgs, visit: (r: PlannedRow) => void): Promise<string> => {
    const { table, headerRow } = await load(args);
    const o = options(ctx, args, headerRow);
    const { jobId } = args;
    const progress = jobId && emit ? (done: number, total: number) => emit('job.progress', { jobId, done, total, label: 'import.check' }) : undefined;
    await planRowsAsync(table.rows, o, { db: ctx.db, country: ctx.country, today: isoDate(ctx.now()) }, visit, progress);
    if (context() !== ctx) throw new KansliError('not-open', 'The register was closed while the file was checked.');
    return table.fileName;
  };

  return {
    async 'import.read'(args) {
      const ctx = context();
      const table = await readTable(args.path, { encoding: args.encoding, delimiter: args.delimiter });
      const headerRow = args.headerRow ?? detectHeaderRow(table.rows);
      const headers = headerOf(table, headerRow);
      const data = table.rows.slice(headerRow);
      return {
        fileName: table.fileName,
        format: table.format,
        size: table.size,
        encoding: table.encoding,
        delimiter: table.delimiter,
        headerRow,
        headers,
        rowCount: data.filter((r) => !isEmptyRow(r)).length,
        top: table.rows.slice(0, 10),
        preview: data.filter((r) => !isEmptyRow(r)).slice(0, 10),
        suggested: suggestMapping(headers, ownTargets(ctx)),
      };
    },

    async 'import.preview'(args) {
      const ctx = context();
      const out: ImportPreview = { total: 0, create: 0, update: 0, skip: 0, invalid: 0, duplicates: 0, rows: [] };
      const notable: ImportRowResult[] = [];
      const plain: ImportRowResult[] = [];
      await check(ctx, args, (r) => {
        out.total++;
        out[r.action]++;
        if (r.duplicate) out.duplicates++;
        // Problems and duplicates first: those are what the user has to look at.
        if (r.issues.length || r.duplicate) {
          if (notable.length < args.limit) notable.push(result(r));
        } else if (plain.length < args.limit) plain.push(result(r));
      });
      out.rows = [...notable, ...plain.slice(0, Math.max(0, args.limit - notable.length))].sort((a, b) => a.row - b.row);
      return out;
    },

    async 'import.apply'(args) {
      const ctx = context();
      // The rows are checked before the transaction, a slice at a time, so the window stays
      // responsive; the transaction then only writes. Checked again if anything was written to
      // the register meanwhile (the check and the write then follow each other without a pause).
      for (let attempt = 0; attempt < 3; attempt++) {
        const before = writesSoFar(ctx.db);
        const checked = collector();
        const fileName = await check(ctx, args, checked.visit);
        if (writesSoFar(ctx.db) !== before) continue;
        // The window can say what the one pause now is: the rows being written.
        if (args.jobId) emit?.('job.progress', { jobId: args.jobId, done: 0, total: checked.plan.writes.length, label: 'import.write' });
        return applyPlan(ctx, fileName, checked.plan, args.onlyValid);
      }
      throw new KansliError('conflict', 'The register kept changing while the file was checked.', { fields: [{ field: 'path', code: 'import-register-busy' }] });
    },

    async 'import.undo'({ runId }) {
      return undoRun(context(), runId);
    },

    async 'import.runs'({ limit }) {
      return listRuns(context().db, limit);
    },

    async 'import.mappings.save'({ name, mapping }) {
      const ctx = context();
      return ctx.write(() => {
        const now = isoTime(ctx.now());
        ctx.db.run(sql`INSERT INTO import_mappings (name, mapping, created_at) VALUES (${name}, ${JSON.stringify(mapping)}, ${now})
                       ON CONFLICT(name) DO UPDATE SET mapping = excluded.mapping, created_at = excluded.created_at`);
        return listMappings(ctx).find((m) => m.name === name)!;
      });
    },

    async 'import.mappings.list'() {
      return listMappings(context());
    },

    async 'import.mappings.delete'({ id }) {
      const ctx = context();
      return ctx.write(() => {
        const { changes } = ctx.db.run(sql`DELETE FROM import_mappings WHERE id = ${id}`);
        if (!changes) throw notFound('mapping', id, 'id');
        return { id };
      });
    },
  };
}

/** The register's own fields and open groups, by name, for the suggestions. */
function ownTargets(ctx: RegisterContext): { target: ImportTarget; name: string }[] {
  const fields = ctx.db.all<{ id: number; name: string }>(sql`SELECT id, name FROM custom_fields WHERE archived_at IS NULL ORDER BY position`);
  const groups = ctx.db.all<{ id: number; name: string }>(sql`SELECT id, name FROM groups WHERE archived_at IS NULL ORDER BY name`);
  return [...fields.map((f) => ({ target: `custom:${f.id}` as const, name: f.name })), ...groups.map((g) => ({ target: `group:${g.id}` as const, name: g.name }))];
}

function listMappings(ctx: RegisterContext): ImportMappingEntity[] {
  return ctx.db
    .all<{ id: number; name: string; mapping: string; created_at: string }>(sql`SELECT * FROM import_mappings ORDER BY name`)
    .map((m) => ({ id: m.id, name: m.name, mapping: JSON.parse(m.mapping) as ImportMappingEntity['mapping'], createdAt: m.created_at }));
}
