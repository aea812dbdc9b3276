import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SurveyEntity } from '../../shared/contract';
import { sql } from '../db/sql';
import { fieldCodes, fixedNow, registerWith, testCore, type TestCore } from '../test-support';
import { preferredRouteSql, prefersRoute } from './preferences';

let t: TestCore;
let survey: SurveyEntity;
const ids: Record<string, number> = {};

async function member(key: string, o: { firstName: string; lastName: string; email?: string; mobile?: string; consentSms?: boolean }) {
  const m = await t.call('members.create', { country: 'SE', joinedOn: '2020-01-01', membershipTypeId: 1, ...o });
  ids[key] = m.id;
  return m;
}

const q = (kind: string) => survey.questions.find((x) => x.kind === kind)!;
const interests = () => survey.questions.find((x) => x.interests)!;

beforeEach(async () => {
  t = await testCore({ now: fixedNow });
  await registerWith(t);
  await member('anna', { firstName: 'Anna', lastName: 'Andersson', email: 'anna@example.se', mobile: '070-111 11 11' });
  await member('bo', { firstName: 'Bo', lastName: 'Berg', email: 'bo@example.se' });
  await member('cecilia', { firstName: 'Cecilia', lastName: 'Ek', mobile: '070-333 33 33', consentSms: true });
  const template = await t.call('surveys.template', {});
  survey = await t.call('surveys.save', template);
});
afterEach(() => t.dispose());

describe('the survey builder', () => {
  it('saves the template with its questions in order, ids given and options keyed', async () => {
    expect(survey.questions.map((x) => x.kind)).toEqual(['frequency', 'channels', 'multiple', 'multiple', 'single', 'scale', 'long']);
    expect(q('channels').options.map((o) => o.key)).toEqual(['sms', 'email', 'letter', 'phone']);
    expect((await t.call('surveys.list', {}))[0]).toMatchObject({ id: survey.id, questions: 7, responses: 0, unmatched: 0 });
  });

  it('reorders, edits and refuses what the issue calls bad input', async () => {
    const [first, second, ...rest] = survey.questions;
    const moved = await t.call('surveys.save', { ...survey, questions: [second, { ...first, required: false, text: { ...first.text, en: 'How often?' } }, ...rest] });
    expect(moved.questions.slice(0, 2).map((x) => [x.id, x.kind, x.required])).toEqual([[second.id, 'channels', true], [first.id, 'frequency', false]]);
    expect(fieldCodes(await t.result('surveys.save', { ...survey, questions: [] }))).toEqual({ questions: 'survey-no-questions' });
    expect(fieldCodes(await t.result('surveys.save', { title: { sv: 'X' }, questions: [{ kind: 'single', text: { sv: 'Vad?' }, options: [] }] }))).toEqual({
      'questions.0.options': 'question-no-options',
    });
  });

  it('once answered, keeps the answers: an answered question cannot be removed, a survey with responses not deleted', async () => {
    await t.call('surveys.respond', { surveyId: survey.id, memberId: ids.anna, source: 'paper', answeredOn: '2025-06-01', answers: { [q('frequency').id]: 'monthly', [q('channels').id]: ['sms'] } });
    const without = survey.questions.filter((x) => x.kind !== 'frequency');
    expect(fieldCodes(await t.result('surveys.save', { ...survey, questions: without }))).toEqual({ questions: 'question-has-answers' });
    const r = await t.result('surveys.delete', { id: survey.id });
    expect(r.ok ? 'ok' : r.error.details?.reason).toBe('survey-has-responses');
    // An unanswered question may go.
    const noScale = survey.questions.filter((x) => x.kind !== 'scale');
    expect((await t.call('surveys.save', { ...survey, questions: noScale })).questions).toHaveLength(6);
  });
});

describe('collecting answers', () => {
  it('paper entry: finds the member by number, refuses bad answers with their codes, newer wins and the older is kept', async () => {
    const found = await t.call('surveys.findMember', { surveyId: survey.id, memberNumber: (await t.call('members.get', { id: ids.bo })).memberNumber });
    expect(found).toMatchObject({ memberId: ids.bo, firstName: 'Bo', current: null });
    expect(fieldCodes(await t.result('surveys.findMember', { surveyId: survey.id, memberNumber: 99999 }))).toEqual({ memberNumber: 'member-not-found' });

    const bad = await t.result('surveys.respond', { surveyId: survey.id, memberId: ids.bo, source: 'paper', answeredOn: '2025-06-01', answers: { [q('channels').id]: ['fax'], [q('scale').id]: 9 } });
    expect(fieldCodes(bad)).toEqual({ [`answers.${q('frequency').id}`]: 'answer-required', [`answers.${q('channels').id}`]: 'answer-not-an-option', [`answers.${q('scale').id}`]: 'answer-out-of-scale' });
    expect(fieldCodes(await t.result('surveys.respond', { surveyId: survey.id, memberId: ids.bo, source: 'paper', answeredOn: '2025-07-01', answers: {} }))).toMatchObject({ answeredOn: 'date-in-future' });

    const base = { [q('frequency').id]: 'monthly', [q('channels').id]: ['email'] };
    const first = await t.call('surveys.respond', { surveyId: survey.id, memberId: ids.bo, source: 'paper', answeredOn: '2025-05-01', answers: base });
    expect(first).toMatchObject({ replaced: null, olderThanCurrent: false });
    const second = await t.call('surveys.respond', { surveyId: survey.id, memberId: ids.bo, source: 'phone', answeredOn: '2025-06-10', answers: { ...base, [q('frequency').id]: 'weekly' } });
    expect(second).toMatchObject({ replaced: first.response.id, olderThanCurrent: false });
    // A paper form dated before the phone answer comes in late: kept, but the phone answer stays current.
    const late = await t.call('surveys.respond', { surveyId: survey.id, memberId: ids.bo, source: 'paper', answeredOn: '2025-04-01', answers: base });
    expect(late).toMatchObject({ replaced: null, olderThanCurrent: true });
    expect(late.response.replacedBy).toBe(second.response.id);

    const all = await t.call('surveys.responses', { surveyId: survey.id, memberId: ids.bo });
    expect(all.rows.map((r) => [r.source, r.answeredOn, r.replacedBy === null])).toEqual([
      ['phone', '2025-06-10', true],
      ['paper', '2025-05-01', false],
      ['paper', '2025-04-01', false],
    ]);
    expect((await t.call('surveys.results', { surveyId: survey.id })).replaced).toBe(2);
    // Removing the current one brings back the newest remaining.
    await t.call('surveys.removeResponse', { id: second.response.id });
    expect((await t.call('surveys.findMember', { surveyId: survey.id, memberNumber: found.memberNumber })).current?.id).toBe(first.response.id);
  });

  it('phone mode: the call list, each call’s outcome in the contact log, answers as a phone response', async () => {
    const list = await t.call('surveys.callList', { surveyId: survey.id });
    expect(list.map((r) => r.firstName)).toEqual(['Anna', 'Bo', 'Cecilia']);
    const noAnswer = await t.call('surveys.recordCall', { surveyId: survey.id, memberId: ids.bo, on: '2025-06-14', outcome: 'no-answer' });
    expect(noAnswer.response).toBeNull();
    expect(fieldCodes(await t.result('surveys.recordCall', { surveyId: survey.id, memberId: ids.bo, on: '2025-06-14', outcome: 'declined', answers: { [q('frequency').id]: 'weekly' } }))).toEqual({
      answers: 'answers-need-reached',
    });
    // Reached, but the required questions left unanswered: refused, and no call logged either.
    expect(fieldCodes(await t.result('surveys.recordCall', { surveyId: survey.id, memberId: ids.anna, on: '2025-06-15', outcome: 'reached', answers: {} }))).toEqual({
      [`answers.${q('frequency').id}`]: 'answer-required',
      [`answers.${q('channels').id}`]: 'answer-required',
    });
    const reached = await t.call('surveys.recordCall', {
      surveyId: survey.id,
      memberId: ids.anna,
      on: '2025-06-15',
      outcome: 'reached',
      madeBy: 'Eva',
      answers: { [q('frequency').id]: 'important', [q('channels').id]: ['sms', 'phone'] },
    });
    expect(reached.response?.response).toMatchObject({ source: 'phone', answeredOn: '2025-06-15', memberId: ids.anna });
    const log = await t.call('contactLog.list', { memberId: ids.anna });
    expect(log[0]).toMatchObject({ kind: 'call', outcome: 'reached', madeBy: 'Eva', on: '2025-06-15' });
    expect(log[0].notes).toContain('Vad vill du ha från oss?');
    const after = await t.call('surveys.callList', { surveyId: survey.id });
    expect(after.map((r) => [r.firstName, r.answered, r.lastOutcome, r.calls])).toEqual([
      ['Anna', true, 'reached', 1],
      ['Bo', false, 'no-answer', 1],
      ['Cecilia', false, null, 0],
    ]);
  });

  it('CSV import: maps columns, matches by number, e-mail or mobile, keeps unmatched rows and out-of-option answers', async () => {
    const anna = await t.call('members.get', { id: ids.anna });
    const path = join(t.dir, 'formular.csv');
    await writeFile(
      path,
      [
        'Tidstämpel;Medlemsnummer;E-postadress;Mobil;Namn;Hur ofta vill du höra från föreningen?;Hur vill du helst att vi hör av oss?;Hur nöjd är du med föreningen i dag?;Något annat du vill säga till oss?',
        `2025/06/01 10:00:00;${anna.memberNumber};;;Anna A;En gång i månaden;E-post, Sms;4;Fler kvällsmöten`,
        // A date that is not one: the row goes in, dated today, the cell kept as a problem.
        'i går;;bo@example.se;;Bo;Varje vecka;Brev, Fax;5;',
        '2025/06/03 12:00:00;;okand@example.se;;Doris Dahl;Bara viktiga nyheter;Telefon;3;Ring mig gärna',
        '',
      ].join('\r\n'),
    );
    const preview = await t.call('surveys.importPreview', { surveyId: survey.id, path });
    expect(preview.headerRow).toBe(1);
    expect(preview.mapping).toEqual(['answeredOn', 'memberNumber', 'email', 'mobile', 'name', `q:${q('frequency').id}`, `q:${q('channels').id}`, `q:${q('scale').id}`, `q:${q('long').id}`]);
    expect(preview.check).toMatchObject({ rows: 3, matched: 2, unmatched: 1, problemCount: 2 });
    expect(preview.check.problems).toEqual([
      { row: 3, questionId: null, code: 'answered-on-invalid', value: 'i går' },
      { row: 3, questionId: q('channels').id, code: 'answer-not-an-option', value: 'Fax' },
    ]);

    const done = await t.call('surveys.importRun', { surveyId: survey.id, path, headerRow: preview.headerRow, mapping: preview.mapping });
    expect(done).toMatchObject({ imported: 3, matched: 2, unmatched: 1 });
    const unmatched = await t.call('surveys.responses', { surveyId: survey.id, filter: 'unmatched' });
    expect(unmatched.rows).toHaveLength(1);
    expect(unmatched.rows[0].imported).toMatchObject({ row: 4, name: 'Doris Dahl', email: 'okand@example.se', reason: 'no-match' });
    const bo = (await t.call('surveys.responses', { surveyId: survey.id, memberId: ids.bo })).rows[0];
    expect(bo.answers[q('channels').id]).toEqual(['letter']);
    expect(bo.answeredOn).toBe('2025-06-15');
    expect(bo.problems).toEqual([
      { questionId: null, code: 'answered-on-invalid', value: 'i går' },
      { questionId: q('channels').id, code: 'answer-not-an-option', value: 'Fax' },
    ]);

    const matched = await t.call('surveys.matchResponse', { id: unmatched.rows[0].id, memberId: ids.cecilia });
    expect(matched.response).toMatchObject({ memberId: ids.cecilia, name: 'Cecilia Ek', source: 'form', answeredOn: '2025-06-03' });
    expect(fieldCodes(await t.result('surveys.matchResponse', { id: unmatched.rows[0].id, memberId: ids.bo }))).toEqual({ id: 'response-already-matched' });
    expect((await t.call('surveys.list', {}))[0]).toMatchObject({ responses: 3, unmatched: 0 });

    const again = await t.call('surveys.importPreview', { surveyId: survey.id, path, mapping: preview.mapping });
    expect(again.check.repeats).toBe(2);
    expect(fieldCodes(await t.result('surveys.importPreview', { surveyId: survey.id, path, mapping: ['name', `q:${q('scale').id}`] }))).toEqual({ mapping: 'import-no-identity-column' });
  });
});

describe('results, exports and preferences', () => {
  async function answerAll() {
    const f = q('frequency').id;
    const c = q('channels').id;
    const s = q('scale').id;
    const l = q('long').id;
    const i = interests();
    await t.call('surveys.respond', { surveyId: survey.id, memberId: ids.anna, source: 'paper', answeredOn: '2025-06-01', answers: { [f]: 'monthly', [c]: ['sms', 'email'], [s]: 4, [l]: 'Fler möten', [i.id]: [i.options[0].key] } });
    await t.call('surveys.respond', { surveyId: survey.id, memberId: ids.bo, source: 'phone', answeredOn: '2025-06-02', answers: { [f]: 'monthly', [c]: ['letter'], [s]: 2 } });
  }

  it('response rate overall and per segment, a tally per question, text answers, a segment filter', async () => {
    await answerAll();
    const seg = await t.call('segments.save', { name: 'Med e-post', definition: { kind: 'has', what: 'email', value: true } });
    const r = await t.call('surveys.results', { surveyId: survey.id });
    expect(r).toMatchObject({ audience: 3, responded: 2, responses: 2, unmatched: 0, replaced: 0 });
    expect(r.perSegment).toEqual([{ segmentId: seg.segment.id, name: 'Med e-post', members: 2, responded: 2 }]);
    const freq = r.questions.find((x) => x.questionId === q('frequency').id)!;
    expect(freq.counts).toEqual([{ key: 'weekly', count: 0 }, { key: 'monthly', count: 2 }, { key: 'quarterly', count: 0 }, { key: 'important', count: 0 }]);
    expect(r.questions.find((x) => x.questionId === q('scale').id)!.mean).toBe(3);
    const text = r.questions.find((x) => x.questionId === q('long').id)!;
    expect(text.texts).toEqual({ total: 1, first: [expect.objectContaining({ name: 'Anna Andersson', text: 'Fler möten' })] });
    const filtered = await t.call('surveys.results', { surveyId: survey.id, segment: { definition: { kind: 'has', what: 'mobile', value: true } } });
    expect(filtered).toMatchObject({ audience: 2, responded: 1, responses: 1 });
    expect((await t.call('surveys.textAnswers', { surveyId: survey.id, questionId: q('long').id })).rows.map((x) => x.text)).toEqual(['Fler möten']);
  });

  it('exports one CSV row per response, replaced ones marked', async () => {
    await answerAll();
    await t.call('surveys.respond', { surveyId: survey.id, memberId: ids.bo, source: 'paper', answeredOn: '2025-06-10', answers: { [q('frequency').id]: 'weekly', [q('channels').id]: ['letter'] } });
    const out = await t.call('surveys.exportCsv', { surveyId: survey.id, path: join(t.dir, 'svar'), language: 'sv' });
    expect(out).toMatchObject({ path: join(t.dir, 'svar.csv'), rows: 3 });
    const rows = Papa.parse<string[]>((await readFile(out.path, 'utf8')).slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(rows[0].slice(0, 6)).toEqual(['Medlemsnummer', 'Namn', 'Besvarad', 'Källa', 'Status', 'Hur ofta vill du höra från föreningen?']);
    expect(rows.slice(1).map((r) => [r[1], r[2], r[4], r[5], r[6]])).toEqual([
      ['Anna Andersson', '2025-06-01', 'Gällande', 'En gång i månaden', 'Sms; E-post'],
      ['Bo Berg', '2025-06-10', 'Gällande', 'Varje vecka', 'Brev'],
      ['Bo Berg', '2025-06-02', 'Ersatt av nyare svar', 'En gång i månaden', 'Brev'],
    ]);
  });

  it('applies preferences after review, with consent (date, source) and history; a send-out can ask for them', async () => {
    await answerAll();
    const review = await t.call('surveys.preferenceReview', { surveyId: survey.id });
    expect(review.members).toBe(2);
    expect(review.changes.map((c) => [c.name, c.field, c.oldValue, c.newValue])).toEqual([
      ['Anna Andersson', 'frequency', null, 'monthly'],
      ['Anna Andersson', 'channels', null, 'sms,email'],
      ['Anna Andersson', 'consentSms', '0', '1'],
      ['Anna Andersson', 'consentEmail', '0', '1'],
      ['Anna Andersson', 'interests', null, 'Möten och aktiviteter'],
      // Bo already consents to post: choosing letters changes only his preferences.
      ['Bo Berg', 'frequency', null, 'monthly'],
      ['Bo Berg', 'channels', null, 'letter'],
    ]);
    // A response that changes the list after the review: applying is refused, nothing written.
    await t.call('surveys.respond', { surveyId: survey.id, memberId: ids.cecilia, source: 'form', answeredOn: '2025-06-03', answers: { [q('frequency').id]: 'weekly', [q('channels').id]: ['phone'] } });
    const stale = await t.result('surveys.applyPreferences', { surveyId: survey.id, token: review.token });
    expect(stale.ok ? 'ok' : stale.error.details?.reason).toBe('changed-since-review');
    expect(await t.call('surveys.memberPreferences', { memberId: ids.anna })).toBeNull();

    const fresh = await t.call('surveys.preferenceReview', { surveyId: survey.id });
    expect(await t.call('surveys.applyPreferences', { surveyId: survey.id, token: fresh.token })).toEqual({ members: 3, changes: 9 });
    expect(await t.call('surveys.memberPreferences', { memberId: ids.anna })).toMatchObject({
      channels: ['sms', 'email'],
      frequency: 'monthly',
      interests: ['Möten och aktiviteter'],
      consentOn: '2025-06-01',
      consentSource: 'paper',
      surveyId: survey.id,
    });
    expect((await t.call('members.get', { id: ids.anna })).consentSms).toBe(true);
    const history = (await t.call('history.list', { memberId: ids.anna })).rows;
    expect(history.map((h) => [h.field, h.newValue, h.source]).sort()).toEqual([
      ['consentEmail', '1', 'survey-paper'],
      ['consentSms', '1', 'survey-paper'],
      ['created', null, 'edit'],
      ['interests', 'Möten och aktiviteter', 'survey-paper'],
      ['preferredChannels', 'Sms, E-post', 'survey-paper'],
      ['preferredFrequency', 'En gång i månaden', 'survey-paper'],
    ]);
    expect((await t.call('history.list', { memberId: ids.bo })).rows.filter((h) => h.field !== 'created').every((h) => h.source === 'survey-phone')).toBe(true);
    const again = await t.call('surveys.preferenceReview', { surveyId: survey.id });
    expect(again).toMatchObject({ changes: [], skipped: { alreadyApplied: 3 } });
    const nothing = await t.result('surveys.applyPreferences', { surveyId: survey.id, token: again.token });
    expect(nothing.ok ? 'ok' : nothing.error.details?.reason).toBe('nothing-to-apply');

    // For communication: Bo wants letters only, Anna SMS and e-mail, Cecilia phone calls; members without preferences are not held back.
    const dora = await member('dora', { firstName: 'Dora', lastName: 'Dahl' });
    const ctx = t.core.context();
    const bySms = ctx.db.column(sql`SELECT m.id FROM members m WHERE ${preferredRouteSql('sms')} ORDER BY m.id`);
    expect(bySms).toEqual([ids.anna, dora.id]);
    const byPost = ctx.db.column(sql`SELECT m.id FROM members m WHERE ${preferredRouteSql('post')} ORDER BY m.id`);
    expect(byPost).toEqual([ids.bo, dora.id]);
    expect(prefersRoute(await t.call('surveys.memberPreferences', { memberId: ids.bo }), 'email')).toBe(false);
    expect(prefersRoute(null, 'email')).toBe(true);
  });
});
