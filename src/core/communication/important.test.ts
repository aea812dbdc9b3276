import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PreferredFrequency, SendOutInput } from '../../shared/contract';
import { fixedNow, registerWith, testCore, type TestCore } from '../test-support';

let t: TestCore;
beforeEach(async () => {
  t = await testCore({ now: fixedNow }); // 2025-06-15
  await registerWith(t);
});
afterEach(() => t.dispose());

async function member(firstName: string, mobile: string) {
  return t.call('members.create', { firstName, lastName: 'Ödegård', country: 'SE', joinedOn: '2020-01-01', membershipTypeId: 1, consentSms: true, mobile });
}

/** Each member's "how often" answered in a survey of that one question, and applied after review. */
async function prefer(answers: [memberId: number, frequency: PreferredFrequency][]) {
  const template = await t.call('surveys.template', {});
  const survey = await t.call('surveys.save', { ...template, questions: template.questions.filter((q) => q.kind === 'frequency') });
  const question = survey.questions[0].id;
  for (const [memberId, frequency] of answers) {
    await t.call('surveys.respond', { surveyId: survey.id, memberId, source: 'paper', answeredOn: '2025-06-01', answers: { [question]: frequency } });
  }
  const review = await t.call('surveys.preferenceReview', { surveyId: survey.id });
  await t.call('surveys.applyPreferences', { surveyId: survey.id, token: review.token });
}

/** Åsa wants only important news, Bo news weekly, Cia said nothing. */
async function setup() {
  const asa = await member('Åsa', '070-111 11 11');
  const bo = await member('Bo', '070-222 22 22');
  const cia = await member('Cia', '070-333 33 33');
  await prefer([[asa.id, 'important'], [bo.id, 'weekly']]);
  return { asa, bo, cia };
}

const sms = (p: Partial<SendOutInput> = {}): SendOutInput => ({
  title: 'Årsmöte',
  channel: 'sms',
  status: 'ready',
  plannedOn: '2025-06-15',
  audience: { kind: 'all' },
  body: 'Välkommen till årsmötet!',
  ...p,
});

const draft = { channel: 'sms' as const, audience: { kind: 'all' as const }, plannedOn: '2025-06-15' };
const reasons = (r: { leftOut: { rows: { firstName: string; reason: string }[] } }) => r.leftOut.rows.map((x) => [x.firstName, x.reason]);

describe('send-outs marked important', () => {
  it('reach a member who wants only important news; an ordinary one leaves her out, with its own reason', async () => {
    await setup();
    const ordinary = await t.call('sendOuts.recipients', draft);
    expect(ordinary.messages.sms).toBe(2);
    expect(reasons(ordinary)).toEqual([['Åsa', 'prefers-important-only']]);
    expect(ordinary.leftOut.counts).toEqual({ 'prefers-important-only': 1 });

    const important = await t.call('sendOuts.recipients', { ...draft, important: true });
    expect(important.messages.sms).toBe(3);
    expect(important.leftOut.total).toBe(0);
  });

  it('store the mark; changing it on an exported send-out makes its files stale, and the export follows it', async () => {
    const { asa } = await setup();
    const s = await t.call('sendOuts.save', sms());
    expect(s.important).toBe(false);
    await t.call('sendOuts.export', { id: s.id, kind: 'smsNumbers', path: join(t.dir, 'nummer') });
    expect(await readFile(join(t.dir, 'nummer.txt'), 'utf8')).toBe('+46702222222\r\n+46703333333\r\n');

    const marked = await t.call('sendOuts.save', { ...sms({ important: true }), id: s.id });
    expect(marked).toMatchObject({ important: true, status: 'ready', exportedRoutes: [] });
    expect((await t.call('sendOuts.get', { id: s.id })).important).toBe(true);
    expect((await t.call('sendOuts.list', {}))[0].important).toBe(true);
    await t.call('sendOuts.export', { id: s.id, kind: 'smsNumbers', path: join(t.dir, 'nummer') });
    expect(await readFile(join(t.dir, 'nummer.txt'), 'utf8')).toBe('+46701111111\r\n+46702222222\r\n+46703333333\r\n');
    expect((await t.call('sendOuts.markSent', { id: s.id })).entries).toBe(3);
    expect(await t.call('contactLog.list', { memberId: asa.id })).toMatchObject([{ kind: 'sms', notes: 'Årsmöte' }]);
  });

  it('do not pass a weekly pace or the frequency limit: those members asked for fewer messages, important or not', async () => {
    await setup();
    const s = await t.call('sendOuts.save', sms({ important: true }));
    await t.call('sendOuts.export', { id: s.id, kind: 'smsNumbers', path: join(t.dir, 'nummer') });
    await t.call('sendOuts.markSent', { id: s.id });

    // Three days later: Bo (weekly) is left out of another important send-out; Åsa and Cia get it.
    const soon = await t.call('sendOuts.recipients', { ...draft, plannedOn: '2025-06-18', important: true });
    expect(reasons(soon)).toEqual([['Bo', 'prefers-less-often']]);
    // A week after the last one, Bo gets it again.
    expect((await t.call('sendOuts.recipients', { ...draft, plannedOn: '2025-06-22', important: true })).messages.sms).toBe(3);
    // The register's limit (here one in 30 days) holds for an important send-out too.
    const limited = await t.call('sendOuts.recipients', { ...draft, plannedOn: '2025-06-22', important: true, frequencyLimit: 1 });
    // (By name in Swedish order: Å comes last.)
    expect(reasons(limited)).toEqual([['Bo', 'frequency-limit'], ['Cia', 'frequency-limit'], ['Åsa', 'frequency-limit']]);
  });
});
