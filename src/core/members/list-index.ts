import type { MemberSortColumn } from '../../shared/contract';
import type { Db } from '../db/database';
import { raw, sql } from '../db/sql';

/** Table columns a list can be sorted by; the SQL comes from this fixed map, never from input. */
const ORDER: Record<MemberSortColumn, string[]> = {
  memberNumber: ['member_number'],
  lastName: ['sort_last', 'sort_first'],
  firstName: ['sort_first', 'sort_last'],
  email: ['email IS NULL', 'email'],
  mobile: ['mobile IS NULL', 'mobile'],
  postcode: ['postcode IS NULL', 'postcode'],
  city: ["sort_city = ''", 'sort_city'],
  membershipType: ['membership_type_id IS NULL', 'membership_type_id'],
  status: ['status'],
  joinedOn: ['joined_on IS NULL', 'joined_on'],
};

export interface IndexQuery {
  /** Folded tokens that must all occur in the member's search text. */
  tokens: string[];
  includeArchived: boolean;
  sort: MemberSortColumn;
  direction: 'asc' | 'desc';
  /** Only these members (a segment's result), when given. */
  within?: ReadonlySet<number>;
}

/** Noted in member_index_dirty by a bulk insert: read every member again (ids are positive, this sorts first). */
const RELOAD_ALL = -1;
/** More written rows than this and the index reads all members again in one query instead. */
const RELOAD_FROM = 2_000;

const INSERT_TRIGGER = `CREATE TEMP TRIGGER IF NOT EXISTS member_index_insert AFTER INSERT ON main.members
  BEGIN INSERT OR IGNORE INTO member_index_dirty VALUES (new.id); END;`;

/**
 * Runs `fn` (many inserts into members, inside the caller's transaction) without the per-row
 * note of each new member, and notes once that the index must read all members again. A
 * rollback takes the note back with the rows.
 */
export function insertingMany<T>(db: Db, fn: () => T): T {
  const tracked = db.column(sql`SELECT count(*) FROM temp.sqlite_master WHERE type = 'trigger' AND name = 'member_index_insert'`)[0];
  if (!tracked) return fn();
  db.exec('DROP TRIGGER temp.member_index_insert');
  try {
    const result = fn();
    db.run(sql`INSERT OR IGNORE INTO member_index_dirty VALUES (${RELOAD_ALL})`);
    return result;
  } finally {
    db.exec(INSERT_TRIGGER);
  }
}

/**
 * The member list's search, in memory. sql.js scans 100,000 rows with instr() and sorts them in
 * about 100 ms — too slow to search as one types — while a scan of the same folded strings in JS
 * takes a few milliseconds. The database stays the truth: temporary triggers note every member
 * row written, by any domain, and the index refreshes just those rows before its next answer.
 */
export class MemberListIndex {
  private readonly text = new Map<number, string>();
  private readonly archived = new Set<number>();
  /** Every member in the order of a sort column and direction, computed when first asked. */
  private readonly orders = new Map<string, Ordered>();
  private loaded = false;

  constructor(private readonly db: Db) {
    // TEMP objects live only in this connection: they are never saved into the register file.
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS member_index_dirty (member_id INTEGER PRIMARY KEY); ${INSERT_TRIGGER}
      CREATE TEMP TRIGGER IF NOT EXISTS member_index_update AFTER UPDATE ON main.members
        BEGIN INSERT OR IGNORE INTO member_index_dirty VALUES (new.id); INSERT OR IGNORE INTO member_index_dirty VALUES (old.id); END;
      CREATE TEMP TRIGGER IF NOT EXISTS member_index_delete AFTER DELETE ON main.members
        BEGIN INSERT OR IGNORE INTO member_index_dirty VALUES (old.id); END;
    `);
  }

  private refresh(): void {
    let dirty: number[] = [];
    if (this.loaded) {
      dirty = this.db.column(sql`SELECT member_id FROM member_index_dirty`);
      if (!dirty.length) return;
      // Many rows (an import, its undo) are read faster in one pass than one by one.
      if (dirty[0] === RELOAD_ALL || dirty.length > RELOAD_FROM) this.loaded = false;
    }
    if (!this.loaded) {
      this.db.exec('DELETE FROM member_index_dirty');
      this.text.clear();
      this.archived.clear();
      this.orders.clear();
      for (const r of this.db.all<{ id: number; search_text: string; archived: number }>(
        sql`SELECT id, search_text, archived_at IS NOT NULL AS archived FROM members`,
      )) {
        this.put(r.id, r.search_text, r.archived === 1);
      }
      this.loaded = true;
      return;
    }
    this.db.exec('DELETE FROM member_index_dirty');
    this.orders.clear(); // a written row may have moved in any order
    for (const id of dirty) {
      const r = this.db.get<{ search_text: string; archived: number }>(
        sql`SELECT search_text, archived_at IS NOT NULL AS archived FROM members WHERE id = ${id}`,
      );
      if (r) this.put(id, r.search_text, r.archived === 1);
      else {
        this.text.delete(id);
        this.archived.delete(id);
      }
    }
  }

  private put(id: number, text: string, archived: boolean) {
    this.text.set(id, text);
    if (archived) this.archived.add(id);
    else this.archived.delete(id);
  }

  private order(sort: MemberSortColumn, direction: 'asc' | 'desc'): Ordered {
    const key = `${sort}:${direction}`;
    let ordered = this.orders.get(key);
    if (!ordered) {
      const dir = direction === 'desc' ? ' DESC' : '';
      // "IS NULL" keys keep empty values last in both directions.
      const cols = ORDER[sort].map((c) => (c.endsWith('IS NULL') || c.endsWith("= ''") ? c : c + dir));
      cols.push('id' + dir);
      const ids = Int32Array.from(this.db.column(sql`SELECT id FROM members ORDER BY ${raw(cols.join(', '))}`));
      // All search texts in this order as one string: one indexOf over it is far faster than
      // 100,000 includes() calls, and its hits arrive already in display order.
      const starts = new Int32Array(ids.length + 1);
      const parts: string[] = new Array(ids.length);
      let offset = 0;
      for (let i = 0; i < ids.length; i++) {
        starts[i] = offset;
        parts[i] = this.text.get(ids[i]) ?? '';
        offset += parts[i].length + 1;
      }
      starts[ids.length] = offset;
      ordered = { ids, starts, blob: parts.join(SEPARATOR) + SEPARATOR };
      if (this.orders.size >= 4) this.orders.clear(); // a few sort orders of memory, not every one
      this.orders.set(key, ordered);
    }
    return ordered;
  }

  /** Ids of the members matching the query, in display order. */
  ids(q: IndexQuery): number[] {
    this.refresh();
    const { ids, starts, blob } = this.order(q.sort, q.direction);
    const keep = (id: number) => (q.includeArchived || !this.archived.has(id)) && (!q.within || q.within.has(id));
    const out: number[] = [];
    if (!q.tokens.length) {
      for (let i = 0; i < ids.length; i++) if (keep(ids[i])) out.push(ids[i]);
      return out;
    }
    // Find rows by the longest token (the rarest, usually), then check the others in the row.
    const [first, ...rest] = [...q.tokens].sort((a, b) => b.length - a.length);
    let pos = blob.indexOf(first);
    let row = 0;
    while (pos !== -1) {
      // Hits come in increasing order, so the row cursor only ever moves forward.
      while (starts[row + 1] <= pos) row++;
      const id = ids[row];
      if (keep(id) && (!rest.length || hasAll(blob.slice(starts[row], starts[row + 1] - 1), rest))) out.push(id);
      pos = blob.indexOf(first, starts[row + 1]);
    }
    return out;
  }
}

function hasAll(text: string, tokens: string[]): boolean {
  return tokens.every((t) => text.includes(t));
}

/** Never occurs in folded text, so no token can match across two members. */
const SEPARATOR = '\u0000';

interface Ordered {
  ids: Int32Array;
  /** Where each member's text begins in the blob (one extra entry: the end). */
  starts: Int32Array;
  blob: string;
}
