/**
 * The register issue's figures: a saved four-condition segment, the member page, and a bulk
 * action on 10,000 members, at 100,000 members, 20 groups, 10 custom fields and 300,000
 * contact-log rows. Each beside a bare sql.js reference. `node --import tsx bench/register.ts`
 * (BENCH_MEMBERS to scale).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from '../src/core/db/sql';
import { segmentPredicate } from '../src/core/segments/queries';
import { BENCH_NOW, benchRegister, seedMembers } from './setup';
import { percentile, report, time } from './stats';

const N = Number(process.env.BENCH_MEMBERS ?? 100_000);
const CONTACTS = N * 3;

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'kansli-bench-'));
  const { core, ctx, call } = await benchRegister(dir, { now: BENCH_NOW });
  try {
    const db = ctx.db;

    // --- seed: members through the core's own insert path, the rest set-based ------------
    const seeded = await time(() =>
      seedMembers(ctx, N, (i) => ({ membershipTypeId: 1 + (i % 5), birthDate: `19${String(40 + (i % 60)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 9}` })),
    );
    const groups: number[] = [];
    for (let g = 0; g < 20; g++) groups.push(((await call('groups.create', { name: `Grupp ${g}`, kind: g === 0 ? 'board' : 'section' })) as { id: number }).id);
    const fields: number[] = [];
    for (let f = 0; f < 10; f++) {
      const kind = (['text', 'number', 'date', 'boolean', 'choice'] as const)[f % 5];
      fields.push(((await call('customFields.create', { name: `Fält ${f}`, kind, options: kind === 'choice' ? ['a', 'b', 'c', 'd'] : [] })) as { id: number }).id);
    }
    const rest = await time(() =>
      ctx.write(() => {
        // One role in one of the 20 groups for every seventh member, ended for half of them.
        db.run(sql`INSERT INTO group_roles (member_id, group_id, role, from_on, to_on)
                   SELECT id, ${groups[0]} + (id / 7) % 20, CASE id % 3 WHEN 0 THEN 'member' WHEN 1 THEN 'local-leader' ELSE 'chair' END,
                          '2021-01-01', CASE WHEN id % 2 = 0 THEN '2023-12-31' END FROM members WHERE id % 7 = 0`);
        // Values for half of the members in each custom field, typed by kind.
        fields.forEach((f, k) => {
          const value = [sql`'text ' || id`, sql`id % 50`, sql`'2020-01-' || printf('%02d', 1 + id % 28)`, sql`id % 2`, sql`char(97 + id % 4)`][k % 5];
          db.run(sql`INSERT INTO custom_values (member_id, field_id, value) SELECT id, ${f}, ${value} FROM members WHERE (id + ${k}) % 2 = 0`);
        });
        db.run(sql`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${CONTACTS - 1})
                   INSERT INTO contact_log (member_id, kind, on_date, made_by, outcome, notes, follow_up_on, created_at)
                   SELECT 1 + (i * 7919) % ${N}, CASE i % 3 WHEN 0 THEN 'call' WHEN 1 THEN 'letter' ELSE 'email' END,
                          date('2022-01-01', '+' || (i % 1260) || ' days'), 'Kerstin',
                          CASE i % 4 WHEN 0 THEN 'reached' WHEN 1 THEN 'no-answer' WHEN 2 THEN 'call-back' ELSE 'declined' END,
                          'Samtal ' || i, CASE WHEN i % 50 = 0 THEN date('2025-06-01', '+' || (i % 30) || ' days') END, '2025-01-01T00:00:00Z'
                   FROM n`);
        db.run(sql`UPDATE members SET last_contact_on = (SELECT max(on_date) FROM contact_log c WHERE c.member_id = members.id AND coalesce(outcome, '') != 'no-answer')`);
      }),
    );
    report({ name: 'seed.register', members: N, contacts: CONTACTS, ms: seeded.ms + rest.ms, membersMs: seeded.ms, restMs: rest.ms });

    // --- a saved segment with four conditions ---------------------------------------------
    const definition = {
      kind: 'and',
      children: [
        { kind: 'status', values: ['active'] },
        { kind: 'type', typeIds: [1, 3] },
        { kind: 'custom', fieldId: fields[4], op: 'eq', value: 'c' },
        { kind: 'has', what: 'email', value: true },
      ],
    };
    const saved = (await call('segments.save', { name: 'Fyra villkor', definition })) as { segment: { id: number }; count: number };
    const roleDefinition = {
      kind: 'and',
      children: [
        { kind: 'role', groupId: groups[3], at: '2022-06-01' },
        { kind: 'age', min: 30, max: 70 },
        { kind: 'consent', channel: 'sms', value: true },
        { kind: 'journey', stages: ['engaged', 'at-risk'] },
      ],
    };
    const savedRole = (await call('segments.save', { name: 'Roll, ålder, sms, resa', definition: roleDefinition })) as { segment: { id: number }; count: number };
    await call('members.list', { limit: 100 }); // the list's index loads once per open register
    for (const [label, seg] of [['status+type+custom+email', saved], ['role@date+age+consent+journey', savedRole]] as const) {
      const counts: number[] = [];
      const lists: number[] = [];
      for (let i = 0; i < 10; i++) {
        counts.push((await time(() => call('segments.count', { segment: { id: seg.segment.id } }))).ms);
        // A write in between, so the list evaluates the segment again instead of using its cache.
        ctx.write(() => db.run(sql`UPDATE settings SET value = value WHERE key = 'nextMemberNumber'`));
        lists.push((await time(() => call('members.list', { segment: { id: seg.segment.id }, limit: 100 }))).ms);
      }
      const predicate = segmentPredicate(ctx, { id: seg.segment.id });
      const ref: number[] = [];
      for (let i = 0; i < 10; i++) ref.push((await time(() => db.column(sql`SELECT count(*) FROM members m WHERE +m.archived_at IS NULL AND ${predicate}`))).ms);
      const plan = db.all<{ detail: string }>({ text: 'EXPLAIN QUERY PLAN SELECT count(*) FROM members m WHERE +m.archived_at IS NULL AND ' + predicate.text, params: predicate.params }).map((r) => r.detail);
      report({ name: 'segment.saved.count.p95', segment: label, plan, members: N, matches: seg.count, ms: percentile(counts, 95), limitMs: 50, referenceMs: percentile(ref, 95), reference: 'bare sql.js count, same compiled SQL' });
      report({ name: 'segment.saved.list.p95', segment: label, members: N, ms: percentile(lists, 95), limitMs: 50, note: 'members.list first page of 100, segment evaluated afresh' });
    }

    // --- opening a member page ------------------------------------------------------------
    const pages: number[] = [];
    const refPages: number[] = [];
    for (let i = 0; i < 50; i++) {
      const id = 1 + ((i * 15485863) % N);
      pages.push((await time(() => call('members.page', { id }))).ms);
      refPages.push(
        (await time(() => {
          db.get(sql`SELECT * FROM members WHERE id = ${id}`);
          db.all(sql`SELECT * FROM contact_log WHERE member_id = ${id} ORDER BY on_date DESC LIMIT 100`);
        })).ms,
      );
    }
    report({ name: 'members.page.p95', members: N, contacts: CONTACTS, ms: percentile(pages, 95), limitMs: 50, referenceMs: percentile(refPages, 95), reference: 'bare member row + contact log query', p50: percentile(pages, 50) });

    // --- a bulk action on 10,000 members ------------------------------------------------------
    const ids = db.column(sql`SELECT id FROM members WHERE archived_at IS NULL AND membership_type_id != 4 ORDER BY id LIMIT 10000`);
    const preview = await time(() => call('bulk.preview', { target: { ids }, action: { kind: 'setType', membershipTypeId: 4, from: '2025-06-01' } }));
    const apply = await time(() => call('bulk.apply', { target: { ids }, action: { kind: 'setType', membershipTypeId: 4, from: '2025-06-01' } }));
    const op = apply.value as { id: number; changed: number };
    const undo = await time(() => call('bulk.undo', { operationId: op.id }));
    const group = await time(() => call('bulk.apply', { target: { ids }, action: { kind: 'addToGroup', groupId: groups[5], role: 'member', from: '2025-06-01' } }));
    const contact = await time(() => call('bulk.apply', { target: { ids }, action: { kind: 'addContact', contact: { kind: 'letter', on: '2025-06-10' } } }));
    const refBulk = (() => {
      const start = performance.now();
      try {
        db.transaction(() => {
          db.run(sql`UPDATE members SET membership_type_id = 4 WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
          throw new Error('rollback');
        });
      } catch {
        /* rolled back on purpose: the reference must not change the register */
      }
      return performance.now() - start;
    })();
    report({ name: 'bulk.setType.apply', members: 10_000, changed: op.changed, ms: apply.ms, limitMs: 1000, referenceMs: refBulk, reference: 'bare UPDATE of the 10,000 rows', previewMs: Math.round(preview.ms), undoMs: Math.round(undo.ms) });
    report({ name: 'bulk.addToGroup.apply', members: 10_000, ms: group.ms, limitMs: 1000 });
    report({ name: 'bulk.addContact.apply', members: 10_000, ms: contact.ms, limitMs: 1000 });
  } finally {
    await core.shutdown().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
