import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SurveyEntity } from '../../shared/contract';
import { Db } from '../db/database';
import { migrate, MIGRATIONS } from '../db/migrations';
import { sql } from '../db/sql';
import { fieldCodes, fixedNow, registerWith, testCore, type TestCore } from '../test-support';

const text = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
const pages = (path: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);

let t: TestCore;
let survey: SurveyEntity;

beforeEach(async () => {
  t = await testCore({ now: fixedNow });
  await registerWith(t);
  for (const [firstName, lastName] of [['Åsa', 'Sjöberg'], ['Bo', 'Berg']]) await t.call('members.create', { country: 'SE', firstName, lastName, joinedOn: '2020-01-01' });
  survey = await t.call('surveys.save', await t.call('surveys.template', {}));
});
afterEach(() => t.dispose());

describe('printed forms', () => {
  it('one form per member with name and number printed, every question and option, in the chosen language', async () => {
    const out = await t.call('surveys.formPdf', { surveyId: survey.id, path: join(t.dir, 'enkät'), language: 'sv' });
    expect(out).toEqual({ path: join(t.dir, 'enkät.pdf'), forms: 2 });
    const s = text(out.path);
    const members = (await t.call('members.list', {})).rows;
    for (const m of members) expect(s).toMatch(new RegExp(`Namn: ${m.firstName} ${m.lastName}\\s+Medlemsnummer: ${m.memberNumber}`));
    expect(s).toContain('1. Hur ofta vill du höra från föreningen? (obligatorisk)');
    expect(s).toContain('Bara viktiga nyheter');
    expect(s).toContain('Kryssa i ett eller flera alternativ');
    expect(s).toContain('1 = inte alls, 5 = mycket');
    // Each member's form starts on a page of its own, so the pile can be split and posted.
    const starts = s.split('\f').flatMap((p, i) => (p.includes('Namn:') ? [i] : []));
    expect(starts).toHaveLength(2);
    expect(starts[0]).toBe(0);
    expect(pages(out.path)).toBeGreaterThanOrEqual(2);
  });

  it('blank copies in Norwegian, and a segment that matches nobody is refused', async () => {
    const out = await t.call('surveys.formPdf', { surveyId: survey.id, path: join(t.dir, 'blank.pdf'), language: 'nb', blank: 3 });
    expect(out.forms).toBe(3);
    const s = text(out.path);
    expect(s).toContain('Hva ønsker du fra oss?');
    expect(s).toMatch(/Navn:\s+Medlemsnummer:/);
    expect(s).not.toContain('Sjöberg');
    const none = await t.result('surveys.formPdf', { surveyId: survey.id, path: join(t.dir, 'x.pdf'), segment: { definition: { kind: 'has', what: 'email', value: true } } });
    expect(fieldCodes(none)).toEqual({ segment: 'segment-matches-nobody' });
  });
});

describe('the report', () => {
  it('prints response rate, a chart per question with counts, and the free-text answers', async () => {
    const members = (await t.call('members.list', {})).rows;
    const f = survey.questions[0].id;
    const c = survey.questions[1].id;
    const long = survey.questions.find((x) => x.kind === 'long')!.id;
    await t.call('surveys.respond', { surveyId: survey.id, memberId: members[0].id, source: 'paper', answeredOn: '2025-06-01', answers: { [f]: 'monthly', [c]: ['sms'], [long]: 'Mer kaffe på mötena' } });
    const out = await t.call('surveys.reportPdf', { surveyId: survey.id, path: join(t.dir, 'rapport'), language: 'sv' });
    const s = text(out.path);
    expect(s).toContain('Enkätresultat');
    expect(s).toMatch(/Tillfrågade\s+Svarat\s+Svarsfrekvens\s+Svar/);
    expect(s).toMatch(/2\s+1\s+50\s?%\s+1/);
    expect(s).toMatch(/En gång i månaden\s+1\s+100\s?%/);
    expect(s).toContain('Mer kaffe på mötena');
  });
});

describe('migration 009 (surveys)', () => {
  it('keeps every member_history row and accepts the survey sources', async () => {
    const db = await Db.create();
    migrate(db, MIGRATIONS.filter((m) => m.version < 9));
    db.run(sql`INSERT INTO members (member_number, first_name, last_name, country, status, created_at, updated_at, search_text, sort_last, sort_first)
               VALUES (1, 'Åsa', 'Ødegård', 'SE', 'active', '2024-01-01T00:00:00Z', 'x', '', '', '')`);
    db.run(sql`INSERT INTO member_history (member_id, at, field, old_value, new_value, source) VALUES (1, '2024-02-01T00:00:00Z', 'email', NULL, 'a@b.se', 'import')`);
    expect(() => db.run(sql`INSERT INTO member_history (member_id, at, field, source) VALUES (1, 'x', 'y', 'survey-phone')`)).toThrow(/CHECK/);
    const before = db.all(sql`SELECT * FROM member_history ORDER BY id`);
    migrate(db);
    expect(db.all(sql`SELECT * FROM member_history ORDER BY id`)).toEqual(before);
    for (const source of ['survey-phone', 'survey-paper', 'survey-form']) db.run(sql`INSERT INTO member_history (member_id, at, field, source) VALUES (1, 'x', 'preferredChannels', ${source})`);
    expect(() => db.run(sql`INSERT INTO member_history (member_id, at, field, source) VALUES (1, 'x', 'y', 'survey')`)).toThrow(/CHECK/);
    expect(() => db.run(sql`INSERT INTO member_preferences (member_id, frequency, updated_at) VALUES (1, 'daily', 'x')`)).toThrow(/CHECK/);
  });
});
