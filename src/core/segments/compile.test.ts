import { describe, expect, it } from 'vitest';
import type { SegmentNode } from '../../shared/contract';
import { segmentNodeSchema } from '../../shared/contract';
import { Db } from '../db/database';
import { migrate } from '../db/migrations';
import { sql } from '../db/sql';
import { compileSegment, type CompileContext } from './compile';
import { checkSegment } from './rules';

const fields = new Map([
  [1, { id: 1, kind: 'text' as const, options: [] }],
  [2, { id: 2, kind: 'number' as const, options: [] }],
  [3, { id: 3, kind: 'choice' as const, options: ['a', 'b'] }],
]);
const cx: CompileContext = { today: '2025-06-15', fields, cityKey: (c) => c.toLowerCase() };

describe('segment → SQL', () => {
  it('binds every value; only fixed fragments reach the text', () => {
    const q = compileSegment(
      { kind: 'and', children: [{ kind: 'status', values: ['active'] }, { kind: 'role', groupId: 4, roles: ['chair'], at: '2019-05-01' }, { kind: 'has', what: 'email', value: true }] },
      cx,
    );
    expect(q.text).toContain('m.status IN (?)');
    expect(q.text).toContain('from_on <= ?');
    expect(q.params).toEqual(['active', '2019-05-01', '2019-05-01', 4, 'chair']);
  });

  it('nests and/or with negation', () => {
    const q = compileSegment(
      { kind: 'or', negate: true, children: [{ kind: 'consent', channel: 'sms', value: true }, { kind: 'and', children: [{ kind: 'household', has: true }] }] },
      cx,
    );
    expect(q.text).toBe('NOT (m.consent_sms = ? OR (m.household_id IS NOT NULL))');
    expect(compileSegment({ kind: 'and', children: [] }, cx).text).toBe('1');
  });

  it('turns age bands into birth-date bounds', () => {
    const q = compileSegment({ kind: 'age', min: 18, max: 25, at: '2025-06-15' }, cx);
    expect(q.params).toEqual(['2007-06-15', '1999-06-15']);
  });

  it('a hostile value stays a value: it is bound, never part of the statement, and matches nobody', async () => {
    const evil = "x' OR 1=1; DROP TABLE members; --";
    const node: SegmentNode = {
      kind: 'or',
      children: [
        { kind: 'city', values: [evil] },
        { kind: 'custom', fieldId: 1, op: 'contains', value: evil },
        { kind: 'custom', fieldId: 1, op: 'eq', value: evil },
        { kind: 'postcode', prefix: '1' },
      ],
    };
    const q = compileSegment(node, cx);
    expect(q.text).not.toContain('DROP');
    expect(q.text).not.toContain(evil);
    expect(q.params).toContain(evil);
    const db = await Db.create();
    migrate(db);
    db.run(sql`INSERT INTO members (member_number, first_name, last_name, country, created_at, updated_at, search_text, sort_last, sort_first, postcode)
               VALUES (1, 'A', 'B', 'SE', 'x', 'x', '', '', '', '99999')`);
    expect(db.column(sql`SELECT count(*) FROM members m WHERE ${q}`)[0]).toBe(0);
    expect(db.column(sql`SELECT count(*) FROM members`)[0]).toBe(1);
  });

  it('LIKE wildcards in a postcode prefix are refused by the schema and escaped anyway', () => {
    expect(segmentNodeSchema.safeParse({ kind: 'postcode', prefix: '1%' }).success).toBe(false);
    expect(compileSegment({ kind: 'postcode', prefix: '11 4' }, cx).params).toEqual(['114%']);
  });
});

describe('segment checks', () => {
  it('refuses reversed ranges, unknown fields, wrong value kinds and depth, at the node', () => {
    const issues = checkSegment(
      {
        kind: 'and',
        children: [
          { kind: 'joined', from: '2025-01-01', to: '2024-01-01' },
          { kind: 'age', min: 30, max: 20 },
          { kind: 'custom', fieldId: 9, op: 'eq', value: 'x' },
          { kind: 'custom', fieldId: 2, op: 'gt', value: 'ten' },
          { kind: 'custom', fieldId: 3, op: 'eq', value: 'c' },
        ],
      },
      fields,
    );
    expect(issues).toEqual([
      { field: 'definition.children.0', code: 'date-range-reversed' },
      { field: 'definition.children.1', code: 'range-reversed' },
      { field: 'definition.children.2', code: 'custom-field-not-found' },
      { field: 'definition.children.3', code: 'custom-value-not-number' },
      { field: 'definition.children.4', code: 'custom-value-not-an-option' },
    ]);
    let deep: SegmentNode = { kind: 'status', values: ['active'] };
    for (let i = 0; i < 7; i++) deep = { kind: 'and', children: [deep] };
    expect(checkSegment(deep, fields).map((i) => i.code)).toContain('segment-too-deep');
  });
});
