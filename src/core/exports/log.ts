import type { ExportLogEntry, LoggedExportFormat, LoggedExportKind } from '../../shared/contract/exports';
import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { isoTime, type RegisterContext } from '../register/context';
import type { SegmentLabel } from './data';

export interface LogInput {
  kind: LoggedExportKind;
  format: LoggedExportFormat;
  segment: SegmentLabel;
  people: number;
  columns: string[];
  fileName: string;
}

/** Records one export (accountability: who exported what, when). Part of the register, saved with it. */
export function logExport(ctx: RegisterContext, e: LogInput): void {
  ctx.write(() =>
    ctx.db.run(sql`INSERT INTO export_log (at, kind, format, segment_id, segment_name, people, columns, file_name)
                   VALUES (${isoTime(ctx.now())}, ${e.kind}, ${e.format}, ${e.segment.id}, ${e.segment.name}, ${e.people},
                           ${JSON.stringify(e.columns)}, ${e.fileName})`),
  );
}

interface DbLog {
  id: number;
  at: string;
  kind: LoggedExportKind;
  format: LoggedExportFormat;
  segment_id: number | null;
  segment_name: string | null;
  people: number;
  columns: string;
  file_name: string;
}

export function readLog(db: Db, offset: number, limit: number): { total: number; entries: ExportLogEntry[] } {
  const total = db.column(sql`SELECT count(*) FROM export_log`)[0] as number;
  const rows = db.all<DbLog>(sql`SELECT * FROM export_log ORDER BY at DESC, id DESC LIMIT ${limit} OFFSET ${offset}`);
  return {
    total,
    entries: rows.map((r) => ({
      id: r.id,
      at: r.at,
      kind: r.kind,
      format: r.format,
      // A name without a segment id is a send-out's group or roles: shown by its name like a segment.
      scope: r.segment_id !== null ? 'segment' : r.segment_name === '' ? 'filter' : r.segment_name === null ? 'everyone' : 'segment',
      segmentId: r.segment_id,
      segmentName: r.segment_name || null,
      people: r.people,
      columns: JSON.parse(r.columns) as string[],
      fileName: r.file_name,
    })),
  };
}
