import { createRequire } from 'node:module';
import initSqlJs, { type Database as SqlJsDatabase, type SqlJsStatic, type Statement } from 'sql.js';
import { KansliError } from '../../shared/result';
import type { SqlQuery, SqlValue } from './sql';

let sqlJs: Promise<SqlJsStatic> | undefined;

/** sql.js is loaded once per process; its WASM sits beside the package. */
function loadSqlJs(): Promise<SqlJsStatic> {
  if (!sqlJs) {
    const require = createRequire(import.meta.url);
    const wasm = require.resolve('sql.js/dist/sql-wasm.wasm');
    sqlJs = initSqlJs({ locateFile: () => wasm });
  }
  return sqlJs;
}

type Row = Record<string, SqlValue>;

/**
 * The in-memory SQLite database of one open register. The decrypted database never touches the
 * disk: it is exported to bytes and handed to the vault for saving.
 */
export class Db {
  private readonly statements = new Map<string, Statement>();
  private depth = 0;

  private constructor(private readonly db: SqlJsDatabase) {
    // Not persisted in the file, so set on every open (and kept across export() since sql.js 1.16).
    db.run('PRAGMA foreign_keys = ON');
  }

  static async create(bytes?: Uint8Array): Promise<Db> {
    const SQL = await loadSqlJs();
    try {
      return new Db(bytes ? new SQL.Database(bytes) : new SQL.Database());
    } catch (e) {
      throw new KansliError('file-damaged', `The register's database could not be read: ${(e as Error).message}`);
    }
  }

  private prepared(text: string): Statement {
    let stmt = this.statements.get(text);
    if (!stmt) {
      stmt = this.db.prepare(text);
      this.statements.set(text, stmt);
    }
    return stmt;
  }

  /** Rows as objects keyed by column name. */
  all<T = Row>(q: SqlQuery): T[] {
    const stmt = this.prepared(q.text);
    try {
      stmt.bind(q.params);
      const out: T[] = [];
      while (stmt.step()) out.push(stmt.getAsObject() as T);
      return out;
    } finally {
      stmt.reset();
    }
  }

  /** The first column of every row: ids, mostly. Cheaper than objects for big lists. */
  column<T extends SqlValue = number>(q: SqlQuery): T[] {
    const stmt = this.prepared(q.text);
    try {
      stmt.bind(q.params);
      const out: T[] = [];
      while (stmt.step()) out.push(stmt.get()[0] as T);
      return out;
    } finally {
      stmt.reset();
    }
  }

  get<T = Row>(q: SqlQuery): T | undefined {
    const stmt = this.prepared(q.text);
    try {
      stmt.bind(q.params);
      return stmt.step() ? (stmt.getAsObject() as T) : undefined;
    } finally {
      stmt.reset();
    }
  }

  run(q: SqlQuery): { changes: number; lastId: number } {
    const stmt = this.prepared(q.text);
    try {
      stmt.run(q.params);
    } finally {
      stmt.reset();
    }
    const changes = this.db.getRowsModified();
    // A prepared statement: exec() would parse this SQL again for every insert.
    const last = this.prepared('SELECT last_insert_rowid()');
    let lastId = 0;
    try {
      if (last.step()) lastId = Number(last.get()[0]);
    } finally {
      last.reset();
    }
    return { changes, lastId };
  }

  /** Several statements of fixed text (migrations). Never with user input. */
  exec(text: string): void {
    this.db.exec(text);
  }

  /** All or nothing; nested calls join the outer transaction through savepoints. */
  transaction<T>(fn: () => T): T {
    const name = `sp${this.depth}`;
    this.db.run(this.depth === 0 ? 'BEGIN' : `SAVEPOINT ${name}`);
    this.depth++;
    let result: T;
    try {
      result = fn();
    } catch (e) {
      this.depth--;
      this.db.run(this.depth === 0 ? 'ROLLBACK' : `ROLLBACK TO ${name}; RELEASE ${name}`);
      throw e;
    }
    this.depth--;
    try {
      this.db.run(this.depth === 0 ? 'COMMIT' : `RELEASE ${name}`);
    } catch (e) {
      // A COMMIT refused by a deferred foreign key (defer_foreign_keys) leaves the transaction open: end it.
      if (this.depth === 0) this.db.run('ROLLBACK');
      throw e;
    }
    return result;
  }

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  pragma(name: 'user_version' | 'foreign_keys'): number {
    return Number(this.db.exec(`PRAGMA ${name}`)[0].values[0][0]);
  }

  setUserVersion(v: number): void {
    this.db.run(`PRAGMA user_version = ${Math.trunc(v)}`);
  }

  /** The whole database as bytes, for the vault. Refused mid-transaction: such a copy could be torn. */
  export(): Uint8Array {
    if (this.depth > 0) throw new KansliError('conflict', 'Cannot save while a change is half done.');
    return this.db.export();
  }

  close(): void {
    for (const s of this.statements.values()) s.free();
    this.statements.clear();
    this.db.close();
  }
}
