/**
 * The communication issue's figures:
 *  - recipient selection (audience ∩ SMS consent ∩ valid mobile − opt-outs, de-duplicated,
 *    minus the frequency limit over 150,000 send-out contact-log entries) and the SMS export
 *    (merge, count every message's segments, CSV, written) for 100,000 members: limit 1 s;
 *  - the composer's count of a 1,000-character message, per keystroke: limit 1 ms.
 * Beside each, a reference: a bare sql.js read of the same columns; a bare UTF-16 length.
 * The machine's load matters: compare the ratio to the reference when other work is running.
 * `node --import tsx bench/communication.ts` (BENCH_MEMBERS to scale).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from '../src/core/db/sql';
import { analyzeSmsTemplate } from '../src/shared/sms/template';
import { BENCH_NOW, benchRegister, seedMembers } from './setup';
import { percentile, report, time } from './stats';

const N = Number(process.env.BENCH_MEMBERS ?? 100_000);

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'kansli-bench-'));
  const { core, ctx, call } = await benchRegister(dir, { now: BENCH_NOW, associationName: 'Föreningen Bänk' });
  try {
    // Every 20th member shares the previous one's phone (families), as a register has them.
    seedMembers(ctx, N, (i) =>
      i % 20 === 2 && i % 3 !== 0 && (i - 1) % 3 !== 0 ? { mobile: `070${String(1000000 + i - 1).slice(-7)}` } : {},
    );
    // History for the frequency limit: three earlier send-outs to everyone, 50,000 entries each
    // (what the register holds after a few months), and 2,000 opt-outs.
    ctx.write(() => {
      for (let k = 0; k < 3; k++) {
        const id = ctx.db.run(sql`INSERT INTO send_outs (title, channel, status, planned_on, audience, created_at, updated_at)
                                  VALUES (${`Tidigare ${k}`}, 'sms', 'sent', ${`2025-06-0${k + 1}`}, '{"kind":"all"}', 'x', 'x')`).lastId;
        ctx.db.run(sql`INSERT INTO contact_log (member_id, kind, on_date, created_at, send_out_id)
                       SELECT id, 'sms', ${`2025-06-0${k + 1}`}, 'x', ${id} FROM members WHERE (id + ${k}) % 2 = 0`);
      }
      ctx.db.run(sql`INSERT INTO opt_outs (member_id, channel, on_date, source, created_at) SELECT id, 'sms', '2025-05-01', 'pasted-list', 'x' FROM members WHERE id % 50 = 7`);
    });
    const send = (await call('sendOuts.save', {
      title: 'Årsmöte',
      channel: 'sms',
      status: 'ready',
      plannedOn: '2025-06-15',
      audience: { kind: 'all' },
      body: 'Hej {firstName}! Välkommen till årsmötet den 20 juni kl 18.00 i Folkets hus. Anmäl dig senast 15 juni. /Styrelsen',
    })) as { id: number };

    const draft = { channel: 'sms', audience: { kind: 'all' }, plannedOn: '2025-06-15', id: send.id };
    const selection: number[] = [];
    let summary: { messages: { sms: number }; leftOut: { total: number } } | undefined;
    for (let round = 0; round < 5; round++) {
      const r = await time(() => call('sendOuts.recipients', draft));
      selection.push(r.ms);
      summary = r.value;
    }
    const exportMs: number[] = [];
    let people = 0;
    for (let round = 0; round < 5; round++) {
      const r = await time(() => call('sendOuts.export', { id: send.id, kind: 'smsCsv', path: join(dir, `sms-${round}.csv`) }));
      exportMs.push(r.ms);
      people = (r.value as { messages: number }).messages;
    }
    const ref = await time(() =>
      ctx.db.column<string>(
        sql`SELECT json_array(id, member_number, first_name, last_name, mobile, email, consent_sms, consent_email, consent_post, street, household_id) FROM members`,
      ).length,
    );
    report({
      name: 'communication.recipients',
      members: N,
      messages: summary?.messages.sms,
      leftOut: summary?.leftOut.total,
      ms: percentile(selection, 50),
      limitMs: 1000,
      referenceMs: ref.ms,
      reference: 'bare SELECT of the same columns',
    });
    report({ name: 'communication.export.smsCsv', members: N, messages: people, ms: percentile(exportMs, 50), limitMs: 1000, referenceMs: ref.ms, reference: 'bare SELECT of the same columns' });
    const sent = await time(() => call('sendOuts.markSent', { id: send.id }));
    report({ name: 'communication.markSent', members: N, entries: (sent.value as { entries: number }).entries, ms: sent.ms });

    // --- the composer: one keystroke = count the whole message again -------------------------
    const longest = { firstName: 'Maximiliana', lastName: 'Lindqvist-Ödegård', fullName: 'Maximiliana Lindqvist-Ödegård', memberNumber: '100000' };
    const base = 'Hej {firstName}! Välkommen till årsmötet i Folkets hus – ta med €20 till fikat. ';
    const gsm = (base.replace('–', '-').repeat(20)).slice(0, 1000);
    const ucs2 = `${gsm.slice(0, 990)} Ça va? ç`.slice(0, 1000);
    for (const [label, text] of [['GSM-7', gsm], ['UCS-2', ucs2]] as const) {
      const times: number[] = [];
      for (let k = 0; k < 2000; k++) {
        const typed = text.slice(0, 999) + String.fromCharCode(97 + (k % 26)); // a new last character each time
        const t0 = performance.now();
        analyzeSmsTemplate(typed, longest);
        times.push(performance.now() - t0);
      }
      const refTimes: number[] = [];
      for (let k = 0; k < 2000; k++) {
        const t0 = performance.now();
        void text.length;
        refTimes.push(performance.now() - t0);
      }
      report({ name: `communication.smsCount.${label}`, chars: text.length, ms: percentile(times, 50), p99Ms: percentile(times, 99), limitMs: 1, referenceMs: percentile(refTimes, 50), reference: 'string length' });
    }
  } finally {
    await core.shutdown().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
