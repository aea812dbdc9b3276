import { createHash } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, isAbsolute } from 'node:path';
import type { DirectDebitFileEntity } from '../../../shared/contract/direct-debit';
import { KansliError } from '../../../shared/result';
import type { Db } from '../../db/database';
import { sql } from '../../db/sql';
import { conflict, invalid } from '../../members/errors';

/** Bank files are small (Autogiro and Nets files of a whole year: a few hundred kB); larger is not one. */
const MAX_BYTES = 20 * 1024 * 1024;

export type FileKind = DirectDebitFileEntity['kind'];

export async function readBankFile(path: string): Promise<{ bytes: Buffer; hash: string; name: string }> {
  if (!isAbsolute(path)) throw invalid('path', 'path-not-absolute');
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw invalid('path', 'file-not-found');
  }
  if (size > MAX_BYTES) throw invalid('path', 'file-too-large');
  try {
    const bytes = await readFile(path);
    return { bytes, hash: createHash('sha256').update(bytes).digest('hex'), name: basename(path) };
  } catch (e) {
    throw new KansliError('io', (e as Error).message);
  }
}

/** Written private to the user: these files carry account and person numbers. */
export async function writeBankFile(path: string, data: Buffer): Promise<void> {
  try {
    await writeFile(path, data, { mode: 0o600 });
  } catch (e) {
    throw new KansliError('io', (e as Error).message);
  }
}

/** Refuses a file whose bytes were imported before (whatever its name now). */
export function refuseImportedTwice(db: Db, hash: string): void {
  const seen = db.get<{ at: string; file_name: string }>(sql`SELECT at, file_name FROM direct_debit_files WHERE hash = ${hash}`);
  if (seen) throw conflict('file-already-imported', 'path', { importedAt: seen.at, fileName: seen.file_name });
}

export function recordFile(db: Db, f: { kind: FileKind; direction: 'export' | 'import'; fileName: string; hash: string | null; records: number; amount: number; at: string }): number {
  return db.run(sql`INSERT INTO direct_debit_files (kind, direction, file_name, hash, records, amount, at)
    VALUES (${f.kind}, ${f.direction}, ${f.fileName}, ${f.hash}, ${f.records}, ${f.amount}, ${f.at})`).lastId;
}

export function listFiles(db: Db, limit: number): DirectDebitFileEntity[] {
  return db
    .all<{ id: number; kind: FileKind; direction: 'export' | 'import'; file_name: string; records: number; amount: number; at: string }>(
      sql`SELECT id, kind, direction, file_name, records, amount, at FROM direct_debit_files ORDER BY at DESC, id DESC LIMIT ${limit}`,
    )
    .map((r) => ({ id: r.id, kind: r.kind, direction: r.direction, fileName: r.file_name, records: r.records, amount: r.amount, at: r.at }));
}
