/**
 * The survey issue's figure, through the contract: results (response rates overall and per saved
 * segment, a tally per question, the newest free-text answers) for a survey with 20 questions and
 * 20,000 responses (limit 300 ms), also filtered by a segment. Beside it, a reference: the bare
 * SELECT of the 20,000 answer rows. `node --import tsx bench/surveys.ts` (BENCH_RESPONSES to scale).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Answers, QuestionInput, SurveyEntity } from '../src/shared/contract';
import { sql } from '../src/core/db/sql';
import { BENCH_NOW, benchRegister, seedMembers } from './setup';
import { percentile, report, time } from './stats';

const N = Number(process.env.BENCH_RESPONSES ?? 20_000);
const KINDS: QuestionInput['kind'][] = ['frequency', 'channels', 'multiple', 'single', 'scale', 'short', 'long'];

function questions(): QuestionInput[] {
  return Array.from({ length: 20 }, (_, i) => {
    // One of each special kind, the rest a mix of the others.
    const kind = i < 2 ? KINDS[i] : KINDS[2 + (i % 5)];
    const options = kind === 'single' || kind === 'multiple' ? Array.from({ length: 5 }, (_, j) => ({ text: { sv: `Alternativ ${i}.${j}` } })) : [];
    return { kind, text: { sv: `Fråga ${i + 1}` }, required: false, options, interests: i === 5 };
  });
}

/** A plausible answer per question: choices spread over the options, a few questions skipped, some texts. */
function answersFor(survey: SurveyEntity, i: number): Answers {
  const a: Answers = {};
  survey.questions.forEach((q, k) => {
    if ((i + k) % 11 === 0) return;
    const keys = q.options.map((o) => o.key);
    switch (q.kind) {
      case 'single':
      case 'frequency':
        a[q.id] = keys[(i + k) % keys.length];
        break;
      case 'multiple':
      case 'channels':
        a[q.id] = keys.filter((_, j) => (i + j + k) % 3 === 0);
        break;
      case 'scale':
        a[q.id] = 1 + ((i * 7 + k) % 5);
        break;
      default:
        if ((i + k) % 4 === 0) a[q.id] = `Svar ${i} på fråga ${k + 1}: fler möten på kvällstid, gärna med fika.`;
    }
  });
  return a;
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'kansli-bench-'));
  try {
    const r = await benchRegister(dir, { fileName: 'Enkät.kansli', associationName: 'Föreningen Bänk', now: BENCH_NOW });
    // A few more members than responses: the rate is not 100 %.
    seedMembers(r.ctx, Math.round(N * 1.25));
    const survey = (await r.call('surveys.save', { title: { sv: 'Vad vill du ha från oss?' }, questions: questions() })) as SurveyEntity;
    for (const [name, definition] of [
      ['Med e-post', { kind: 'has', what: 'email', value: true }],
      ['Sms-samtycke', { kind: 'consent', channel: 'sms', value: true }],
      ['Umeå', { kind: 'city', values: ['Umeå'] }],
    ] as const) {
      await r.call('segments.save', { name, definition });
    }
    const ids = r.ctx.db.column(sql`SELECT id FROM members ORDER BY id LIMIT ${N}`);
    // Seeded as the import writes them (one row per response), in one transaction.
    r.ctx.write(() => {
      ids.forEach((memberId, i) => {
        r.ctx.db.run(sql`INSERT INTO survey_responses (survey_id, member_id, source, answered_on, answers, created_at)
          VALUES (${survey.id}, ${memberId}, ${(['paper', 'phone', 'form'] as const)[i % 3]}, ${`2025-0${1 + (i % 5)}-1${i % 9}`},
                  ${JSON.stringify(answersFor(survey, i))}, '2025-06-01T10:00:00Z')`);
      });
    });

    const results = await r.call('surveys.results', { surveyId: survey.id }) as { responses: number; audience: number; responded: number };
    if (results.responses !== N) throw new Error(`expected ${N} responses, got ${results.responses}`);
    // Wall time, and the CPU time beside it: on a shared, loaded machine the wall time is mostly waiting.
    const all: number[] = [];
    const filtered: number[] = [];
    const cpuAll: number[] = [];
    const cpuFiltered: number[] = [];
    const timed = async (into: number[], cpuInto: number[], args: unknown) => {
      const cpu = process.cpuUsage();
      into.push((await time(() => r.call('surveys.results', args))).ms);
      const used = process.cpuUsage(cpu);
      cpuInto.push((used.user + used.system) / 1000);
    };
    for (let round = 0; round < 7; round++) {
      await timed(all, cpuAll, { surveyId: survey.id });
      await timed(filtered, cpuFiltered, { surveyId: survey.id, segment: { definition: { kind: 'has', what: 'email', value: true } } });
    }
    const ref = await time(() => r.ctx.db.column<string>(sql`SELECT answers FROM survey_responses WHERE survey_id = ${survey.id} AND replaced_by IS NULL`).length);
    const extra = { questions: 20, responses: N, members: results.audience, segments: 3 };
    report({ name: 'surveys.results', ...extra, cpuMs: Math.round(percentile(cpuAll, 50)), ms: percentile(all, 50), limitMs: 300, referenceMs: ref.ms, reference: 'bare SELECT of the answers' });
    report({ name: 'surveys.results.segment', ...extra, cpuMs: Math.round(percentile(cpuFiltered, 50)), ms: percentile(filtered, 50), limitMs: 300, referenceMs: ref.ms, reference: 'bare SELECT of the answers' });
    await r.core.shutdown().catch(() => undefined);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
