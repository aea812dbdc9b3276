import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportLogEntry } from '../../shared/contract/exports';
import { ADDRESS, duesTest, SE_PAYMENT, type DuesTest } from '../dues/test-fixtures';
import { adviceFile, ddTest, OUR_BG, SE_SETTINGS, type DdTest } from '../payments/direct-debit/test-files';
import { bookedYear } from '../payments/reports/fixtures';
import { fieldCodes, fixedNow, registerWith, testCore, until, type TestCore } from '../test-support';

/**
 * Every file Kansli writes with members' data outside the Exports section lands in the export
 * log — once written, never when the write failed — with what it holds and for how many people.
 */

let dispose: (() => Promise<void>) | undefined;
afterEach(async () => {
  await dispose?.();
  dispose = undefined;
});

const logOf = async (t: TestCore): Promise<ExportLogEntry[]> => (await t.call('exports.log', {})).entries;
/** The entry as the tests compare it: no id, no time. */
const gist = ({ id: _id, at: _at, ...e }: ExportLogEntry) => e;
/** A folder that does not exist: writing there fails. */
const unwritable = (t: TestCore, name: string) => join(t.dir, 'finns-inte', name);

describe('surveys', () => {
  it('logs the results CSV, the report and forms per member with who and how many; blank forms and a failed write log nothing', async () => {
    const t = await testCore({ now: fixedNow });
    dispose = () => t.dispose();
    await registerWith(t);
    const ids: number[] = [];
    for (const [firstName, lastName, city] of [['Åsa', 'Sjöberg', 'Umeå'], ['Bo', 'Berg', 'Umeå'], ['Cia', 'Ek', 'Luleå']]) {
      ids.push((await t.call('members.create', { country: 'SE', firstName, lastName, city, joinedOn: '2020-01-01' })).id);
    }
    const umea = (await t.call('segments.save', { name: 'Umeå', definition: { kind: 'city', values: ['Umeå'] } })).segment;
    const survey = await t.call('surveys.save', { ...(await t.call('surveys.template', {})), audienceSegmentId: umea.id });
    const [f, c] = survey.questions;
    const long = survey.questions.find((q) => q.kind === 'long')!;
    const answer = (memberId: number, answeredOn: string, extra: Record<string, string> = {}) =>
      t.call('surveys.respond', { surveyId: survey.id, memberId, source: 'paper', answeredOn, answers: { [f.id]: 'monthly', [c.id]: ['sms'], ...extra } });
    await answer(ids[0], '2025-05-01');
    await answer(ids[0], '2025-06-01', { [long.id]: 'Mer kaffe' }); // replaces her first: still one person
    await answer(ids[2], '2025-06-02');

    // The CSV holds every response (no filter: everyone), the same member once.
    const csv = await t.call('surveys.exportCsv', { surveyId: survey.id, path: join(t.dir, 'svar') });
    expect(csv.rows).toBe(3);
    // With a saved segment: only Umeå's responses, and the segment named.
    await t.call('surveys.exportCsv', { surveyId: survey.id, path: join(t.dir, 'svar-umea.csv'), segment: { id: umea.id } });
    // The report's charts count every current response (Cia's from outside the audience too); it quotes Åsa's free text with her name.
    await t.call('surveys.reportPdf', { surveyId: survey.id, path: join(t.dir, 'rapport') });
    // Forms for the audience print name and number.
    const forms = await t.call('surveys.formPdf', { surveyId: survey.id, path: join(t.dir, 'formulär') });
    expect(forms.forms).toBe(2);

    // Blank forms name nobody; a folder that does not exist fails the write: neither is logged.
    await t.call('surveys.formPdf', { surveyId: survey.id, path: join(t.dir, 'blanka'), blank: 5 });
    expect(fieldCodes(await t.result('surveys.exportCsv', { surveyId: survey.id, path: unwritable(t, 'svar.csv') }))).toEqual({ path: 'file-unwritable' });
    expect(fieldCodes(await t.result('surveys.reportPdf', { surveyId: survey.id, path: unwritable(t, 'r.pdf') }))).toEqual({ path: 'file-unwritable' });

    const everyone = { scope: 'everyone', segmentId: null, segmentName: null };
    const inUmea = { scope: 'segment', segmentId: umea.id, segmentName: 'Umeå' };
    expect((await logOf(t)).map(gist)).toEqual([
      { kind: 'surveyForms', format: 'pdf', ...inUmea, people: 2, columns: ['memberNumber', 'name'], fileName: 'formulär.pdf' },
      { kind: 'surveyReport', format: 'pdf', ...everyone, people: 2, columns: ['answers', 'freeText', 'name', 'memberNumber'], fileName: 'rapport.pdf' },
      { kind: 'surveyResults', format: 'csv', ...inUmea, people: 1, columns: ['memberNumber', 'name', 'answers'], fileName: 'svar-umea.csv' },
      { kind: 'surveyResults', format: 'csv', ...everyone, people: 2, columns: ['memberNumber', 'name', 'answers'], fileName: 'svar.csv' },
    ]);
  });
});

/** A year invoiced in February: Åsa and Nils have postal addresses, Kalle only an e-mail. */
async function invoicedYear(d: DuesTest) {
  await d.call('dues.saveSettings', { ...SE_PAYMENT, associationName: 'Föreningen Ödegård', addressLines: ['Box 12', '114 18 Stockholm'], letterText: 'Hej {firstName}!' });
  await d.member({ firstName: 'Åsa', lastName: 'Öberg', ...ADDRESS.SE, email: 'asa@example.se' });
  await d.member({ firstName: 'Kalle', lastName: 'Lund', email: 'kalle@example.se' });
  await d.member({ firstName: 'Nils', lastName: 'Norrman', ...ADDRESS.SE });
  await d.call('dues.saveFees', { year: 2026, fees: [{ membershipTypeId: 1, amount: 30000, dueOn: '2026-03-31' }] });
  return d.call('dues.run', { year: 2026, invoiceDate: '2026-02-01' });
}

describe('dues letters', () => {
  // Through the real job runner (worker threads render the PDFs): what the log says is what was put in place.
  it('logs a combined PDF with the members printed, a folder of separate PDFs with index.csv’s e-mails; a refused or cancelled run logs nothing', async () => {
    const d = await duesTest();
    dispose = () => d.t.dispose();
    const run = await invoicedYear(d);
    const source = { kind: 'run' as const, runId: run.id };
    const letters = (mode: 'combined' | 'separate', path: string, jobId: string) => d.t.result('dues.letters', { source, mode, path, jobId });

    const combined = await letters('combined', join(d.t.dir, 'Fakturor 2026'), 'j1');
    expect(combined.ok && combined.value).toMatchObject({ letters: 2, notPrintable: [{ name: 'Kalle Lund' }] });
    const folder = join(d.t.dir, 'Fakturor för e-post');
    expect((await letters('separate', folder, 'j2')).ok).toBe(true);
    expect(await readdir(folder)).toHaveLength(4);

    // Into the same folder again: refused before anything is written (file-exists), nothing logged.
    expect(fieldCodes(await letters('separate', folder, 'j3'))).toBe('file-exists');
    // Cancelled while the workers start: the job removes what it began, and nothing is logged.
    const cancelled = letters('separate', join(d.t.dir, 'Avbruten'), 'j4');
    await until(() => d.t.events.some((e) => e.event === 'job.progress' && (e.payload as { jobId: string }).jobId === 'j4'));
    expect(await d.t.call('jobs.cancel', { jobId: 'j4' })).toEqual({ cancelled: true });
    expect(fieldCodes(await cancelled)).toBe('cancelled');
    expect(await readdir(d.t.dir)).not.toContain('Avbruten');

    const columns = ['memberNumber', 'name', 'address', 'invoiceNumber', 'amount', 'reference'];
    expect((await logOf(d.t)).map(gist)).toEqual([
      { kind: 'duesLetters', format: 'pdf', scope: 'everyone', segmentId: null, segmentName: null, people: 3, columns: [...columns.slice(0, 3), 'email', ...columns.slice(3)], fileName: 'Fakturor för e-post/' },
      { kind: 'duesLetters', format: 'pdf', scope: 'everyone', segmentId: null, segmentName: null, people: 2, columns, fileName: 'Fakturor 2026.pdf' },
    ]);
  });

  it('logs the strike-off list for the board; a failed write logs nothing', async () => {
    const d = await duesTest();
    dispose = () => d.t.dispose();
    await invoicedYear(d);
    for (const r of await d.call('dues.rounds', { year: 2026 })) await d.call('dues.runReminder', { roundId: r.id });
    expect((await d.result('dues.strikeOffPdf', { year: 2026, path: unwritable(d.t, 'x') })).ok).toBe(false);
    const pdf = await d.call('dues.strikeOffPdf', { year: 2026, path: join(d.t.dir, 'Förslag till avförande 2026') });
    expect(pdf.people).toBe(3);
    expect(execFileSync('pdftotext', [pdf.path, '-'], { encoding: 'utf8' })).toContain('Lund, Kalle');
    expect((await logOf(d.t)).map(gist)).toEqual([
      { kind: 'strikeOffList', format: 'pdf', scope: 'everyone', segmentId: null, segmentName: null, people: 3, columns: ['memberNumber', 'name', 'invoiceNumber', 'amount'], fileName: 'Förslag till avförande 2026.pdf' },
    ]);
  });
});

describe('direct debit', () => {
  let d: DdTest;

  it('logs the Autogiro mandate file with account and identity numbers when it carries them, and the payment orders; a failed write logs nothing and sends nothing', async () => {
    d = await ddTest('SE', '2027-01-10');
    dispose = () => d.t.dispose();
    await d.call('dues.saveSettings', SE_SETTINGS);
    await d.call('directDebit.saveSettings', { bgcCustomerNumber: '123456' });
    await d.call('dues.saveFees', { year: 2027, fees: [{ membershipTypeId: 1, amount: 30000, dueOn: '2027-03-31' }] });
    const anna = await d.member({ firstName: 'Anna', lastName: 'Åberg' });
    const bo = await d.member({ firstName: 'Bo', lastName: 'Berg' });
    await d.call('directDebit.requestMandate', { memberId: anna.id, clearing: '8327-9', account: '12 345 678-9', idNumber: '19880320-0016' });
    await d.call('directDebit.requestMandate', { memberId: bo.id }); // digital: no account or number in the file

    expect((await d.result('directDebit.mandateFile', { path: unwritable(d.t, 'm.txt') })).ok).toBe(false);
    expect((await d.call('directDebit.mandates', {})).mandates.map((m) => m.pending)).toEqual(['new', 'new']); // still to send
    await d.call('directDebit.mandateFile', { path: join(d.t.dir, 'medgivanden') });
    await d.call('directDebit.importMandateAdvice', {
      path: await d.file('medavi.txt', adviceFile(OUR_BG, '2027-01-10', [anna, bo].map((m) => ({ payer: m.memberNumber, info: '04', status: '32' })))),
    });
    await d.call('directDebit.exportOrders', { year: 2027, debitOn: '2027-01-28', path: join(d.t.dir, 'betalningar.txt') });

    const none = { scope: 'everyone', segmentId: null, segmentName: null };
    expect((await logOf(d.t)).map(gist)).toEqual([
      { kind: 'directDebitFile', format: 'txt', ...none, people: 2, columns: ['memberNumber', 'amount', 'reference'], fileName: 'betalningar.txt' },
      { kind: 'directDebitFile', format: 'txt', ...none, people: 2, columns: ['memberNumber', 'account', 'identityNumber'], fileName: 'medgivanden.txt' },
    ]);
  });

  it('logs AvtaleGiro claims with the payers’ names and KIDs; a failed write logs nothing and leaves the orders unsent', async () => {
    d = await ddTest('NO', '2027-01-10');
    dispose = () => d.t.dispose();
    await d.call('dues.saveSettings', { associationName: 'Foreningen Fjellbu', bankAccount: '99991042764', referenceKind: 'kid', kidMode: 'MOD10' });
    await d.call('directDebit.saveSettings', { netsDataSender: '12345678', avtaleGiroAgreementId: '123456789' });
    await d.call('dues.saveFees', { year: 2027, fees: [{ membershipTypeId: 1, amount: 35000, dueOn: '2027-03-31' }] });
    for (const [firstName, lastName] of [['Kari', 'Øvrebø'], ['Ola', 'Nordmann']]) {
      await d.call('dues.setDirectDebit', { memberId: (await d.member({ firstName, lastName })).id, kind: 'avtalegiro' });
    }
    await d.member({ firstName: 'Per', lastName: 'Hansen' }); // pays by invoice: not in the file

    expect((await d.result('directDebit.exportOrders', { year: 2027, debitOn: '2027-02-20', path: unwritable(d.t, 'krav') })).ok).toBe(false);
    expect((await d.call('directDebit.orders', { year: 2027 })).map((o) => o.status)).toEqual(['notSent', 'notSent']);
    await d.call('directDebit.exportOrders', { year: 2027, debitOn: '2027-02-20', path: join(d.t.dir, 'krav') });
    expect((await logOf(d.t)).map(gist)).toEqual([
      { kind: 'directDebitFile', format: 'txt', scope: 'everyone', segmentId: null, segmentName: null, people: 2, columns: ['name', 'invoiceNumber', 'amount', 'reference'], fileName: 'krav.txt' },
    ]);
  });
});

describe('treasurer’s reports and the books', () => {
  it('logs the receivables and credit reports (members named), not the payments per day (nobody named); a failed write logs nothing', async () => {
    const d = await duesTest('SE', '2026-11-15');
    dispose = () => d.t.dispose();
    await bookedYear(d);
    await d.call('reports.export', { choice: { report: 'receivables', year: 2026 }, format: 'csv', path: join(d.t.dir, 'Reskontra 2026') });
    await d.call('reports.export', { choice: { report: 'payments', from: '2026-01-01', to: '2026-12-31' }, format: 'pdf', path: join(d.t.dir, 'inbetalningar.pdf') });
    await d.call('reports.export', { choice: { report: 'credits' }, format: 'pdf', path: join(d.t.dir, 'tillgodo.pdf') });
    expect((await d.result('reports.export', { choice: { report: 'credits' }, format: 'csv', path: unwritable(d.t, 't.csv') })).ok).toBe(false);
    const credits = await d.call('reports.credits', {});
    const none = { scope: 'everyone', segmentId: null, segmentName: null };
    expect((await logOf(d.t)).map(gist)).toEqual([
      { kind: 'paymentReport', format: 'pdf', ...none, people: credits.rows.length, columns: ['memberNumber', 'name', 'amount'], fileName: 'tillgodo.pdf' },
      // Seven invoices of seven members (Gun paid in cash without one).
      { kind: 'paymentReport', format: 'csv', ...none, people: 7, columns: ['memberNumber', 'name', 'invoiceNumber', 'amount', 'directDebit'], fileName: 'Reskontra 2026.csv' },
    ]);
    expect(credits.rows.length).toBeGreaterThan(0);
  });

  it('logs the SIE file with the members its verification texts name (all of them, or none when a day groups them); a failed write logs nothing', async () => {
    const d = await duesTest('SE', '2026-11-15');
    dispose = () => d.t.dispose();
    await bookedYear(d);
    expect((await d.result('bookkeeping.sieExport', { from: '2026-01-01', to: '2026-12-31', path: unwritable(d.t, 'x.si') })).ok).toBe(false);
    const each = await d.call('bookkeeping.sieExport', { from: '2026-01-01', to: '2026-12-31', path: join(d.t.dir, 'Föreningen 2026') });
    // The file names members: e.g. Åsa's invoice.
    expect(iconv.decode(await readFile(each.path), 'cp437')).toMatch(/"Faktura \d+ Åsa Ödegård"/);
    // Grouped per day, only the days with a single entry keep a name: the invoice run of 1 February names nobody.
    await d.call('bookkeeping.saveSettings', { ...(await d.call('bookkeeping.settings', {})), grouping: 'day' });
    await d.call('bookkeeping.sieExport', { from: '2026-02-01', to: '2026-02-01', path: join(d.t.dir, 'fakturadagen.si') });

    const none = { scope: 'everyone', segmentId: null, segmentName: null };
    expect((await logOf(d.t)).map(gist)).toEqual([
      { kind: 'bookkeeping', format: 'sie', ...none, people: 0, columns: ['amount'], fileName: 'fakturadagen.si' },
      { kind: 'bookkeeping', format: 'sie', ...none, people: 8, columns: ['name', 'invoiceNumber', 'amount'], fileName: 'Föreningen 2026.si' },
    ]);
  });
});
