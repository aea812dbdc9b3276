import type { RegisterCountry } from '../../shared/contract';
import type { DuplicatePolicy, ImportDuplicate, ImportIssue, ImportRowAction, ImportTarget } from '../../shared/contract/imports';
import type { Db } from '../db/database';
import { invalid } from '../members/errors';
import { normalizeMember, type NormalizedMember } from '../members/rules';
import { ExistingIndex } from './existing';
import { isEmptyRow } from './parse';
import { givenFields, loadExtras, parseMemberNumber, rowInput, type PlanOptions, type RowInput } from './validate';

export interface PlannedRow {
  /** 1-based row in the file. */
  row: number;
  cells: string[];
  action: ImportRowAction;
  issues: ImportIssue[];
  duplicate: ImportDuplicate | null;
  /** For create and update. */
  member: NormalizedMember | null;
  /** The old register's number kept for a new member; null for the next free one. */
  memberNumber: number | null;
  /** For an update: the mapped fields the row gives a value for (what it may write); empty otherwise. */
  given: Set<ImportTarget>;
  custom: RowInput['custom'];
  groups: number[];
  policy: DuplicatePolicy;
}

export interface PlanContext {
  db: Db;
  country: RegisterCountry;
  today: string;
}

/**
 * Checks the data rows of a file and decides what happens to each: built once per check (the
 * register's members by their keys, own fields and groups), then asked for the rows in order,
 * all at once or a slice at a time. A value repeated within the file (identity number, e-mail,
 * mobile) makes the later row a problem the user decides on; a member number given twice makes
 * every row with it a problem (which of them is the member is for the user to say).
 */
export class RowPlanner {
  private readonly fixes = new Map<string, string>();
  private readonly skip: Set<number>;
  private readonly decisions: Map<number, DuplicatePolicy>;
  private readonly existing: ExistingIndex;
  private readonly extras: ReturnType<typeof loadExtras>;
  private readonly seen = { identity: new Set<string>(), email: new Set<string>(), mobile: new Set<string>() };
  private readonly column = new Map<ImportTarget, number>();
  private readonly repeatedNumbers = new Set<number>();
  /** Index into rows of the next row to plan. */
  private next: number;

  constructor(
    private readonly rows: string[][],
    private readonly o: PlanOptions,
    private readonly ctx: PlanContext,
  ) {
    for (const f of o.fixes) this.fixes.set(`${f.row}:${f.column}`, f.value);
    this.skip = new Set(o.skip);
    this.decisions = new Map(o.decisions.map((d) => [d.row, d.policy]));
    this.extras = loadExtras(ctx.db);
    for (const t of o.mapping) {
      if (!t) continue;
      const id = Number(t.slice(t.indexOf(':') + 1));
      if ((t.startsWith('custom:') && !this.extras.fields.has(id)) || (t.startsWith('group:') && !this.extras.groups.has(id))) throw invalid('mapping', 'not-found');
    }
    o.mapping.forEach((t, c) => t && !this.column.has(t) && this.column.set(t, c));
    this.existing = new ExistingIndex(ctx.db);
    this.findRepeatedNumbers();
    this.next = o.headerRow;
  }

  get total(): number {
    return Math.max(0, this.rows.length - this.o.headerRow);
  }

  get done(): number {
    return this.next - this.o.headerRow;
  }

  get finished(): boolean {
    return this.next >= this.rows.length;
  }

  /** Plans up to `count` more rows (empty rows are passed over), calling `visit` for each. */
  planSome(count: number, visit: (r: PlannedRow) => void): void {
    const end = Math.min(this.rows.length, this.next + count);
    for (; this.next < end; this.next++) {
      const r = this.plan(this.next);
      if (r) visit(r);
    }
  }

  /** A row's cells with the fixes made in the preview. */
  private cellsOf(i: number): string[] {
    const cells = this.rows[i];
    if (!this.fixes.size) return cells;
    const row = i + 1;
    let out = cells;
    for (let c = 0; c < this.o.mapping.length; c++) {
      const f = this.fixes.get(`${row}:${c}`);
      if (f === undefined) continue;
      if (out === cells) out = cells.slice();
      out[c] = f;
    }
    return out;
  }

  /** A first pass over the member-number column alone: numbers that more than one row gives. */
  private findRepeatedNumbers() {
    const c = this.o.mapping.indexOf('memberNumber');
    if (c < 0) return;
    const once = new Set<number>();
    for (let i = this.o.headerRow; i < this.rows.length; i++) {
      if (this.skip.has(i + 1) || isEmptyRow(this.rows[i])) continue;
      const n = parseMemberNumber((this.cellsOf(i)[c] ?? '').trim());
      if (n === null) continue;
      if (once.has(n)) this.repeatedNumbers.add(n);
      once.add(n);
    }
  }

  /** A value an earlier row of the file already gave: a problem for this row. */
  private repeated(set: Set<string>, v: string | null | undefined, field: ImportTarget, issues: ImportIssue[]) {
    if (!v) return;
    if (set.has(v)) issues.push({ column: this.column.get(field) ?? null, field, code: 'repeated-in-file' });
    else set.add(v);
  }

  private plan(i: number): PlannedRow | null {
    const row = i + 1;
    if (isEmptyRow(this.rows[i])) return null;
    const cells = this.cellsOf(i);
    const policy = this.decisions.get(row) ?? this.o.duplicatePolicy;
    if (this.skip.has(row)) return planned(row, cells, 'skip', [], null, null, null, NOTHING_GIVEN, [], [], policy);
    const { column, existing, seen } = this;
    const { input, issues, custom, groups, memberNumber } = rowInput(cells, this.o.mapping, this.ctx.country, this.o.membershipTypeId, this.extras);
    const { value, issues: rule } = normalizeMember(input, this.ctx.country, this.ctx.today);
    for (const r of rule) {
      const field = r.field as ImportTarget;
      // A birth date that disagrees with the identity number: blame the birth-date column if mapped.
      issues.push({ column: column.get(field) ?? null, field: column.has(field) ? field : null, code: r.code });
    }
    if (memberNumber !== null && this.repeatedNumbers.has(memberNumber)) {
      issues.push({ column: column.get('memberNumber') ?? null, field: 'memberNumber', code: 'member-number-repeated' });
    }
    const duplicate = issues.length ? null : existing.match(value, memberNumber);
    if (!issues.length) {
      this.repeated(seen.identity, value.identityNumber, 'identityNumber', issues);
      this.repeated(seen.email, value.email, 'email', issues);
      this.repeated(seen.mobile, value.mobile, 'mobile', issues);
    }
    if (!issues.length && duplicate) {
      const holder = value.identityNumber ? existing.identityHolder(value.identityNumber) : null;
      // A new member cannot take a number or an identity number someone has; nor can the matched
      // member take another member's identity number.
      if (policy === 'create' && duplicate.reasons.includes('same-member-number')) {
        issues.push({ column: column.get('memberNumber') ?? null, field: 'memberNumber', code: 'member-number-in-use' });
      } else if (holder !== null && (policy === 'create' || (policy !== 'skip' && holder !== duplicate.memberId))) {
        issues.push({ column: column.get('identityNumber') ?? null, field: 'identityNumber', code: 'identity-in-use' });
      }
    }
    if (issues.length) return planned(row, cells, 'invalid', issues, null, null, null, NOTHING_GIVEN, custom, groups, policy);
    const action: ImportRowAction = !duplicate || policy === 'create' ? 'create' : policy === 'skip' ? 'skip' : 'update';
    const given = action === 'update' ? givenFields(cells, this.o.mapping) : NOTHING_GIVEN;
    return planned(row, cells, action, NO_ISSUES, duplicate, value, action === 'create' ? memberNumber : null, given, custom, groups, policy);
  }
}

const NO_ISSUES: ImportIssue[] = [];
const NOTHING_GIVEN = new Set<ImportTarget>();

/** One object shape for every planned row (positional, so no intermediate objects per row). */
function planned(
  row: number, cells: string[], action: ImportRowAction, issues: ImportIssue[], duplicate: ImportDuplicate | null,
  member: NormalizedMember | null, memberNumber: number | null, given: Set<ImportTarget>, custom: RowInput['custom'], groups: number[], policy: DuplicatePolicy,
): PlannedRow {
  return { row, cells, action, issues, duplicate, member, memberNumber, given, custom, groups, policy };
}

/** Rows checked between two yields to the event loop: about a tenth of a second of work. */
const ROWS_PER_SLICE = 5_000;

/**
 * Every row, a slice at a time, letting the event loop run between slices (the window's other
 * calls, the save timer) and reporting progress after each.
 */
export async function planRowsAsync(
  rows: string[][],
  o: PlanOptions,
  ctx: PlanContext,
  visit: (r: PlannedRow) => void,
  progress?: (done: number, total: number) => void,
): Promise<void> {
  const planner = new RowPlanner(rows, o, ctx);
  while (!planner.finished) {
    planner.planSome(ROWS_PER_SLICE, visit);
    progress?.(planner.done, planner.total);
    if (!planner.finished) await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
