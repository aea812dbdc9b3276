import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SendOutInput } from '../../shared/contract';
import { sql } from '../db/sql';
import { fieldCodes, fixedNow, registerWith, testCore, type TestCore } from '../test-support';

let t: TestCore;
beforeEach(async () => {
  t = await testCore({ now: fixedNow }); // 2025-06-15
  await registerWith(t);
});
afterEach(() => t.dispose());

async function member(firstName: string, p: Record<string, unknown> = {}) {
  return t.call('members.create', {
    firstName, lastName: 'Ödegård', country: 'SE', joinedOn: '2020-01-01', membershipTypeId: 1,
    consentSms: true, consentEmail: true, street: 'Storgatan 1', postcode: '11418', city: 'Stockholm', ...p,
  });
}

/** A board of three (one shares Åsa's phone), and two ordinary members. */
async function setup() {
  const board = await t.call('groups.create', { name: 'Styrelsen', kind: 'board' });
  const asa = await member('Åsa', { mobile: '070-111 22 33', email: 'asa@example.org' });
  const bo = await member('Bo', { mobile: '070-111 22 33' });
  const cia = await member('Cia', { mobile: '070-444 55 66', consentSms: false });
  const dan = await member('Dan', { mobile: '070-777 88 99' });
  for (const [m, role] of [[asa, 'chair'], [bo, 'treasurer'], [cia, 'secretary']] as const) {
    await t.call('groups.addRole', { memberId: m.id, groupId: board.id, role, from: '2024-01-01' });
  }
  return { board, asa, bo, cia, dan };
}

const sms = (groupId: number, p: Partial<SendOutInput> = {}): SendOutInput => ({
  title: 'Styrelsemöte',
  channel: 'sms',
  status: 'ready',
  plannedOn: '2025-06-15',
  audience: { kind: 'group', groupId },
  body: 'Hej {firstName}! Styrelsemöte tisdag 18.00.',
  ...p,
});

describe('the plan', () => {
  it('saves, lists by date with undated ideas last, and names the audience', async () => {
    const { board } = await setup();
    await t.call('sendOuts.save', { title: 'Idé', channel: 'newsletter', audience: { kind: 'all' } });
    const a = await t.call('sendOuts.save', sms(board.id, { plannedOn: '2025-07-01' }));
    await t.call('sendOuts.save', { ...sms(board.id), title: 'Tidigare', plannedOn: '2025-06-20' });
    const list = await t.call('sendOuts.list', {});
    expect(list.map((s) => s.title)).toEqual(['Tidigare', 'Styrelsemöte', 'Idé']);
    expect(a).toMatchObject({ status: 'ready', audienceName: 'Styrelsen', exportedRoutes: [] });
    expect((await t.call('sendOuts.list', { from: '2025-06-25', to: '2025-07-31' })).map((s) => s.id)).toEqual([a.id]);
  });

  it('refuses what cannot go out, each with its own code', async () => {
    const { board } = await setup();
    expect(fieldCodes(await t.result('sendOuts.save', sms(board.id, { plannedOn: null, status: 'planned' })))).toEqual({ plannedOn: 'date-required' });
    expect(fieldCodes(await t.result('sendOuts.save', sms(board.id, { body: '  ' })))).toEqual({ body: 'message-empty' });
    expect(fieldCodes(await t.result('sendOuts.save', sms(board.id, { body: 'Hej {förnamn}' })))).toEqual({ body: 'merge-field-unclosed' });
    expect(fieldCodes(await t.result('sendOuts.save', sms(board.id, { body: 'Hej {fornamn}' })))).toEqual({ body: 'merge-field-unknown' });
    expect(fieldCodes(await t.result('sendOuts.save', sms(board.id, { body: 'x'.repeat(153 * 10 + 1) })))).toEqual({ body: 'sms-too-long' });
    expect(fieldCodes(await t.result('sendOuts.save', { title: 'N', channel: 'newsletter', audience: { kind: 'all' }, body: '[klicka](javascript:alert(1))' }))).toEqual({ body: 'link-unsafe' });
    expect(fieldCodes(await t.result('sendOuts.save', sms(board.id, { audience: { kind: 'segment', segmentId: 99 } })))).toEqual({ audience: 'segment-not-found' });
    // An idea may be empty and undated.
    expect((await t.call('sendOuts.save', sms(board.id, { status: 'idea', plannedOn: null, body: '' }))).status).toBe('idea');
  });

  it('counts an SMS at the longest name: 10 segments pass, one more character in a name does not', async () => {
    const { board, asa } = await setup();
    // The board's longest first name is "Åsa och Bo" (one phone; Åsa was registered first): 10 characters.
    const filler = 'x'.repeat(153 * 10 - 10);
    expect((await t.call('sendOuts.save', sms(board.id, { body: `{firstName}${filler}` }))).status).toBe('ready');
    await t.call('members.update', { id: asa.id, input: { ...(await t.call('members.get', { id: asa.id })), firstName: 'Åsaa', identityNumber: null } });
    expect(fieldCodes(await t.result('sendOuts.save', sms(board.id, { body: `{firstName}${filler}` })))).toEqual({ body: 'sms-too-long' });
  });
});

describe('recipients', () => {
  it('the board by SMS: consent, one SMS to a shared phone, the left-out with reasons', async () => {
    const { board, asa, bo, cia } = await setup();
    const r = await t.call('sendOuts.recipients', { channel: 'sms', audience: { kind: 'group', groupId: board.id }, plannedOn: '2025-06-15' });
    expect(r).toMatchObject({ audience: 3, messages: { sms: 1, email: 0, post: 0 }, people: 2, frequencyLimit: 2, window: { from: '2025-05-17', to: '2025-06-15' } });
    expect(r.leftOut.rows.map((x) => [x.memberId, x.reason])).toEqual([[cia.id, 'no-consent']]);
    // Åsa was registered first: she is the addressee of the shared phone.
    expect(r.combined.rows).toMatchObject([{ memberId: bo.id, with: { memberId: asa.id } }]);
    expect(r.mergeValues.firstName).toEqual({ longest: 'Åsa och Bo', ucs2: 0 });
    // Paper for the one without consent.
    const paper = await t.call('sendOuts.recipients', { channel: 'sms', audience: { kind: 'group', groupId: board.id }, paperForOthers: true });
    expect(paper.messages).toEqual({ sms: 1, email: 0, post: 1 });
  });

  it('respects what members said in the survey: channels they named, and how often they want to hear from us', async () => {
    const { board, dan } = await setup();
    await t.call('groups.addRole', { memberId: dan.id, groupId: board.id, role: 'member', from: '2024-01-01' });
    // Dan wants letters only; written as the survey's "apply preferences" writes it.
    t.core.context().db.run(sql`INSERT INTO member_preferences (member_id, channels, frequency, consent_on, consent_source, updated_at)
      VALUES (${dan.id}, 'letter', NULL, '2025-05-01', 'phone', '2025-05-01T10:00:00Z')`);
    const r = await t.call('sendOuts.recipients', { channel: 'sms', audience: { kind: 'group', groupId: board.id }, plannedOn: '2025-06-15' });
    expect(r.leftOut.rows.find((x) => x.memberId === dan.id)?.reason).toBe('prefers-other-channel');
    const paper = await t.call('sendOuts.recipients', { channel: 'sms', audience: { kind: 'group', groupId: board.id }, plannedOn: '2025-06-15', paperForOthers: true });
    expect(paper.leftOut.rows.find((x) => x.memberId === dan.id)).toBeUndefined();
    expect(paper.messages.post).toBe(2); // Cia (no SMS consent) and Dan (prefers letters)
  });

  it('gives the composer each merge field at its longest, and how many names need UCS-2', async () => {
    await setup();
    await member('François', { mobile: '070-999 88 77', lastName: 'Çelik' });
    const r = await t.call('sendOuts.recipients', { channel: 'sms', audience: { kind: 'all' } });
    expect(r.mergeValues).toEqual({
      firstName: { longest: 'Åsa och Bo', ucs2: 1 },
      lastName: { longest: 'Ödegård', ucs2: 0 }, // Çelik is GSM-7 (Ç is in the table)
      fullName: { longest: 'Åsa och Bo Ödegård', ucs2: 1 },
      memberNumber: { longest: '1', ucs2: 0 },
    });
  });

  it('roles anywhere, all members, and a saved segment', async () => {
    const { dan } = await setup();
    expect((await t.call('sendOuts.recipients', { channel: 'letter', audience: { kind: 'all' } })).audience).toBe(4);
    expect((await t.call('sendOuts.recipients', { channel: 'letter', audience: { kind: 'roles', roles: ['treasurer'] } })).audience).toBe(1);
    const saved = await t.call('segments.save', { name: 'Utan SMS-samtycke', definition: { kind: 'consent', channel: 'sms', value: false } });
    const r = await t.call('sendOuts.recipients', { channel: 'letter', audience: { kind: 'segment', segmentId: saved.segment.id } });
    expect(r.audience).toBe(1); // Cia
    expect(r.leftOut.rows).toEqual([]);
    expect(dan.consentSms).toBe(true);
  });
});

async function exported(path: string) {
  return readFile(path, 'utf8');
}

describe('export, mark sent, and the frequency limit', () => {
  it('writes the gateway CSV, logs every recipient once sent, and the limit leaves them out next time', async () => {
    const { board, asa, bo, cia } = await setup();
    const s = await t.call('sendOuts.save', sms(board.id, { body: 'Hej {firstName}! Möte kl 18 – välkommen.' }));
    const out = await t.call('sendOuts.export', { id: s.id, kind: 'smsCsv', path: join(t.dir, 'sms') });
    expect(out.paths).toEqual([join(t.dir, 'sms.csv')]);
    expect(out).toMatchObject({ people: 2, messages: 1, sms: { segments: 1, maxSegments: 1, ucs2Messages: 1 }, send: { status: 'exported', exportedRoutes: ['sms'] } });
    const csv = await exported(out.paths[0]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1).trim(), { delimiter: ';' }).data;
    expect(rows).toEqual([
      ['Nummer', 'Namn', 'Meddelande'],
      ['+46701112233', 'Åsa och Bo Ödegård', 'Hej Åsa och Bo! Möte kl 18 – välkommen.'],
    ]);
    expect(csv).toContain('\r\n+46701112233;'); // the number exactly E.164, unquoted, no apostrophe

    const sent = await t.call('sendOuts.markSent', { id: s.id });
    expect(sent).toMatchObject({ entries: 2, send: { status: 'sent', sentOn: '2025-06-15' } });
    const log = await t.call('contactLog.list', { memberId: bo.id });
    expect(log).toMatchObject([{ kind: 'sms', on: '2025-06-15', notes: 'Styrelsemöte' }]);
    expect(await t.call('contactLog.list', { memberId: cia.id })).toEqual([]);
    // A mass message is not a personal contact: the journey's last contact stays empty.
    expect((await t.call('members.get', { id: asa.id })).lastContactOn).toBeNull();

    // The next send-out with a limit of 1 leaves Åsa and Bo out; the default 2 does not.
    const next = { channel: 'sms' as const, audience: { kind: 'group' as const, groupId: board.id }, plannedOn: '2025-06-20' };
    expect((await t.call('sendOuts.recipients', next)).messages.sms).toBe(1);
    const limited = await t.call('sendOuts.recipients', { ...next, frequencyLimit: 1 });
    expect(limited.messages.sms).toBe(0);
    expect(limited.leftOut.rows.map((r) => [r.firstName, r.reason, r.messages])).toEqual([
      ['Bo', 'frequency-limit', 1],
      ['Cia', 'no-consent', undefined],
      ['Åsa', 'frequency-limit', 1],
    ]);
    // 30 days: on 2025-07-14 the message of 2025-06-15 still counts, on 2025-07-15 it no longer does.
    expect((await t.call('sendOuts.recipients', { ...next, frequencyLimit: 1, plannedOn: '2025-07-14' })).messages.sms).toBe(0);
    expect((await t.call('sendOuts.recipients', { ...next, frequencyLimit: 1, plannedOn: '2025-07-15' })).messages.sms).toBe(1);
    // Its own entries never count against itself.
    expect((await t.call('sendOuts.recipients', { ...next, id: s.id, frequencyLimit: 1 })).messages.sms).toBe(1);

    // A sent send-out is frozen; undo takes back exactly its entries.
    expect(fieldCodes(await t.result('sendOuts.save', sms(board.id, { id: s.id } as never)))).toBe('conflict:send-out-sent');
    expect(fieldCodes(await t.result('sendOuts.delete', { id: s.id }))).toBe('conflict:send-out-sent');
    expect(await t.call('sendOuts.undoSent', { id: s.id })).toMatchObject({ removed: 2, send: { status: 'exported' } });
    expect(await t.call('contactLog.list', { memberId: bo.id })).toEqual([]);

    const files = await t.call('sendOuts.get', { id: s.id });
    expect(files.files).toMatchObject([{ kind: 'smsCsv', fileName: 'sms.csv', people: 2, messages: 1 }]);
    const exportLog = await t.call('exports.log', {});
    expect(exportLog.entries).toMatchObject([{ kind: 'sendOut', format: 'csv', scope: 'segment', segmentName: 'Styrelsen', people: 2, fileName: 'sms.csv' }]);
  });

  it('freezes the recipients at export: a member added later gets no entry', async () => {
    const { board, dan } = await setup();
    const s = await t.call('sendOuts.save', sms(board.id));
    await t.call('sendOuts.export', { id: s.id, kind: 'smsNumbers', path: join(t.dir, 'nummer.txt') }).catch((e) => e);
    const plain = await t.call('sendOuts.save', { ...sms(board.id), id: s.id, body: 'Styrelsemöte tisdag.' });
    expect(plain.status).toBe('ready');
    await t.call('sendOuts.export', { id: s.id, kind: 'smsNumbers', path: join(t.dir, 'nummer') });
    expect(await exported(join(t.dir, 'nummer.txt'))).toBe('+46701112233\r\n');
    await t.call('groups.addRole', { memberId: dan.id, groupId: board.id, role: 'deputy', from: '2025-01-01' });
    expect((await t.call('sendOuts.markSent', { id: s.id })).entries).toBe(2);
    expect(await t.call('contactLog.list', { memberId: dan.id })).toEqual([]);
  });

  it('refuses bad exports before writing anything', async () => {
    const { board } = await setup();
    const s = await t.call('sendOuts.save', sms(board.id));
    expect(fieldCodes(await t.result('sendOuts.export', { id: s.id, kind: 'smsNumbers', path: join(t.dir, 'n.txt') }))).toEqual({ body: 'merge-fields-need-csv' });
    expect(fieldCodes(await t.result('sendOuts.export', { id: s.id, kind: 'emailCsv', path: join(t.dir, 'e.csv') }))).toEqual({ kind: 'export-kind-not-for-channel' });
    expect(fieldCodes(await t.result('sendOuts.export', { id: s.id, kind: 'letters', path: join(t.dir, 'l.pdf') }))).toEqual({ kind: 'export-kind-not-for-channel' });
    expect(fieldCodes(await t.result('sendOuts.export', { id: s.id, kind: 'smsCsv', path: 'relative.csv' }))).toEqual({ path: 'path-not-absolute' });
    const formula = await t.call('sendOuts.save', sms(board.id, { body: '=HYPERLINK("x")' }));
    expect(fieldCodes(await t.result('sendOuts.export', { id: formula.id, kind: 'smsCsv', path: join(t.dir, 'f.csv') }))).toEqual({ body: 'message-formula-start' });
    const nobody = await t.call('sendOuts.save', sms(board.id, { audience: { kind: 'roles', roles: ['local-leader'] } }));
    expect(fieldCodes(await t.result('sendOuts.export', { id: nobody.id, kind: 'smsCsv', path: join(t.dir, 'x.csv') }))).toEqual({ recipients: 'no-recipients' });
    expect(fieldCodes(await t.result('sendOuts.markSent', { id: s.id }))).toEqual({ id: 'send-out-not-exported' });
    expect(fieldCodes(await t.result('sendOuts.export', { id: s.id, kind: 'smsCsv', path: join(t.dir, 'missing-folder', 'x.csv') }))).toBe('io');
    expect((await readdir(t.dir)).filter((f) => !f.endsWith('.kansli') && f !== 'config' && !f.includes('.kansli'))).toEqual([]);
    expect((await t.call('sendOuts.get', { id: s.id })).status).toBe('ready');
  });

  it('refuses an SMS whose merged text goes over 10 segments for one recipient', async () => {
    const { board, asa } = await setup();
    const s = await t.call('sendOuts.save', sms(board.id, { body: `{fullName}${'x'.repeat(1500)}` }));
    await t.call('members.update', { id: asa.id, input: { ...(await t.call('members.get', { id: asa.id })), lastName: 'Ödegård-Lindqvist', identityNumber: null } });
    const r = await t.result('sendOuts.export', { id: s.id, kind: 'smsCsv', path: join(t.dir, 'long.csv') });
    expect(fieldCodes(r)).toEqual({ body: 'sms-too-long' });
  });
});

describe('e-mail, letters and newsletters', () => {
  it('e-mail CSV with the merge fields used, and BCC lists in chunks', async () => {
    await setup();
    const e = await t.call('sendOuts.save', { title: 'Nyheter', channel: 'email', status: 'ready', plannedOn: '2025-06-15', audience: { kind: 'all' }, body: 'Hej {firstName}, ditt nr är {memberNumber}.' });
    const out = await t.call('sendOuts.export', { id: e.id, kind: 'emailCsv', path: join(t.dir, 'epost.csv'), language: 'en' });
    const rows = Papa.parse<string[]>((await exported(out.paths[0])).slice(1).trim(), { delimiter: ',' }).data;
    expect(rows).toEqual([['E-mail', 'First name', 'Last name', 'Member no.'], ['asa@example.org', 'Åsa', 'Ödegård', '1']]);
    const chunks = await t.call('sendOuts.bccChunks', { id: e.id, chunkSize: 1 });
    expect(chunks).toEqual({ chunks: [['asa@example.org']], people: 1 });
    // Shown to copy counts as exported: "sent" can log it, and the export log has it.
    expect((await t.call('sendOuts.get', { id: e.id })).files.map((f) => [f.kind, f.fileName])).toEqual([['bcc', ''], ['emailCsv', 'epost.csv']]);
    expect((await t.call('sendOuts.markSent', { id: e.id })).entries).toBe(1);
    expect((await t.call('exports.log', {})).entries.map((x) => [x.format, x.fileName, x.scope])).toEqual([['txt', '', 'everyone'], ['csv', 'epost.csv', 'everyone']]);
  });

  it('letters for those the channel cannot reach, in one PDF with their labels', async () => {
    const { board } = await setup();
    const s = await t.call('sendOuts.save', sms(board.id, { paperForOthers: true }));
    const out = await t.call('sendOuts.export', { id: s.id, kind: 'letters', path: join(t.dir, 'brev.pdf') });
    expect(out.paths).toEqual([join(t.dir, 'brev.pdf'), join(t.dir, 'brev – Etiketter.pdf')]);
    expect(out).toMatchObject({ people: 1, messages: 1, send: { exportedRoutes: ['post'] } });
    const pdf = await readFile(out.paths[0]);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await readFile(out.paths[1])).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('newsletter HTML is built from the text, never passes markup through', async () => {
    await setup();
    const n = await t.call('sendOuts.save', {
      title: 'Sommarbrev <3',
      channel: 'newsletter',
      status: 'ready',
      plannedOn: '2025-06-15',
      audience: { kind: 'all' },
      body: '# Sommar\n\nHej **alla** <script>alert(1)</script>\n\n- Fika\n- [Program](https://example.org/a?b=1&c="2")',
    });
    const out = await t.call('sendOuts.export', { id: n.id, kind: 'newsletterHtml', path: join(t.dir, 'brev.html') });
    const html = await exported(out.paths[0]);
    expect(html).toContain('<title>Sommarbrev &lt;3</title>');
    expect(html).toContain('Hej <strong>alla</strong> &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<li><a href="https://example.org/a?b=1&amp;c=%222%22" style="color:#1c5fa8">Program</a></li>');
    expect(html).not.toMatch(/<script/i);
    const pdf = await t.call('sendOuts.export', { id: n.id, kind: 'newsletterPdf', path: join(t.dir, 'brev-utskrift') });
    expect(pdf.paths).toEqual([join(t.dir, 'brev-utskrift.pdf')]);
  });
});

describe('opt-outs', () => {
  it('from the member page, per channel', async () => {
    const { board, asa, bo } = await setup();
    expect(await t.call('optOuts.set', { memberId: bo.id, channel: 'sms', optedOut: true })).toMatchObject([{ channel: 'sms', on: '2025-06-15', source: 'member-page' }]);
    const r = await t.call('sendOuts.recipients', { channel: 'sms', audience: { kind: 'group', groupId: board.id } });
    expect(r.leftOut.rows.map((x) => [x.firstName, x.reason])).toEqual([['Bo', 'opted-out'], ['Cia', 'no-consent']]);
    expect(r.messages.sms).toBe(1); // Åsa's phone still gets one
    expect(await t.call('optOuts.set', { memberId: bo.id, channel: 'sms', optedOut: false })).toEqual([]);
    expect(await t.call('optOuts.member', { memberId: asa.id })).toEqual([]);
  });

  it('still hold after the member is merged with a duplicate, and can be taken back there', async () => {
    const { board, bo } = await setup();
    const twin = await member('Bosse', { mobile: '070-555 66 77' });
    await t.call('optOuts.set', { memberId: twin.id, channel: 'sms', optedOut: true });
    await t.call('duplicates.merge', { keepId: bo.id, otherId: twin.id, choose: {} });
    expect((await t.call('optOuts.member', { memberId: bo.id })).map((o) => [o.memberId, o.channel])).toEqual([[bo.id, 'sms']]);
    const r = await t.call('sendOuts.recipients', { channel: 'sms', audience: { kind: 'group', groupId: board.id } });
    expect(r.leftOut.rows.map((x) => [x.firstName, x.reason])).toEqual([['Bo', 'opted-out'], ['Cia', 'no-consent']]);
    expect(await t.call('optOuts.set', { memberId: bo.id, channel: 'sms', optedOut: false })).toEqual([]);
    expect((await t.call('sendOuts.recipients', { channel: 'sms', audience: { kind: 'group', groupId: board.id } })).leftOut.total).toBe(1);
  });

  it('from a pasted list: numbers and addresses found, unknown and unreadable lines reported, nothing applied half', async () => {
    const { asa, bo, dan } = await setup();
    const text = '+46701112233;STOP\n0707778899 stop\nASA@example.org\n+46709999999\nstopp\n\n070-777 88 99';
    const preview = await t.call('optOuts.pasteList', { text });
    expect(preview.entries.map((e) => [e.channel, e.value, e.members.map((m) => m.firstName)])).toEqual([
      ['sms', '+46701112233', ['Bo', 'Åsa']],
      ['sms', '+46707778899', ['Dan']],
      ['email', 'ASA@example.org', ['Åsa']],
    ]);
    expect(preview).toMatchObject({ unknown: ['+46709999999'], invalid: ['stopp'], recorded: 0 });
    expect(fieldCodes(await t.result('optOuts.pasteList', { text, apply: true }))).toEqual({ text: 'opt-out-list-unknown' });
    expect(await t.call('optOuts.member', { memberId: dan.id })).toEqual([]);
    const applied = await t.call('optOuts.pasteList', { text, apply: true, skipUnknown: true });
    expect(applied.recorded).toBe(4);
    expect((await t.call('optOuts.member', { memberId: asa.id })).map((o) => [o.channel, o.source])).toEqual([['email', 'pasted-list'], ['sms', 'pasted-list']]);
    expect((await t.call('optOuts.member', { memberId: bo.id })).map((o) => o.channel)).toEqual(['sms']);
    expect((await t.call('optOuts.pasteList', { text: '+46701112233', apply: true })).recorded).toBe(0);
    expect(fieldCodes(await t.result('optOuts.pasteList', { text: ' \n ' }))).toEqual({ text: 'opt-out-list-empty' });
  });
});

describe('settings', () => {
  it('defaults, saved values, and the price in the SMS export', async () => {
    expect(await t.call('sendOuts.settings', {})).toEqual({ smsPricePerSegment: 0, frequencyLimit: 2, bccChunkSize: 50 });
    expect(await t.call('sendOuts.saveSettings', { smsPricePerSegment: 45, frequencyLimit: 1, bccChunkSize: 20 })).toEqual({ smsPricePerSegment: 45, frequencyLimit: 1, bccChunkSize: 20 });
    const { board } = await setup();
    const s = await t.call('sendOuts.save', sms(board.id, { body: 'x'.repeat(200) }));
    const out = await t.call('sendOuts.export', { id: s.id, kind: 'smsCsv', path: join(t.dir, 'p.csv') });
    expect(out.sms).toEqual({ segments: 2, maxSegments: 2, ucs2Messages: 0, cost: 90 });
    expect((await t.call('sendOuts.recipients', { channel: 'sms', audience: { kind: 'all' } })).frequencyDefault).toBe(1);
  });
});
