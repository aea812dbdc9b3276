import iconv from 'iconv-lite';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KansliError } from '../../../shared/result';
import { parseMandateAdvice } from './autogiro-advice';
import { parsePaymentReport } from './autogiro-report';
import { adviceFile, ddTest, OUR_BG, reportFile, SE_SETTINGS, type DdTest } from './test-files';

const latin1 = (s: string) => iconv.encode(s, 'latin1');
const REF = '10003';

/** The refusal's code and line, as the window shows them. */
function refusal(fn: () => unknown): { code: string; line: string } | 'accepted' {
  try {
    fn();
    return 'accepted';
  } catch (e) {
    if (!(e instanceof KansliError)) throw e;
    return { code: e.details!.fields![0].code, line: e.details!.line as string };
  }
}

const report = (s: string) => () => parsePaymentReport(latin1(s), OUR_BG);
const good = reportFile(OUR_BG, '2027-02-26', [
  { payer: 101, amount: 30000, reference: REF },
  { payer: 102, amount: 25000, reference: '10011', status: '1' },
]);
const swap = (s: string, line: number, f: (l: string) => string) =>
  s
    .split('\r\n')
    .map((l, i) => (i === line - 1 ? f(l) : l))
    .join('\r\n');

describe('Autogiro payment specification: bad input stops at its line', () => {
  it('accepts the good file and reads its debits', () => {
    expect(parsePaymentReport(latin1(good), OUR_BG).debits.map((x) => [x.payerNumber, x.amount, x.status, x.reference])).toEqual([
      ['101', 30000, '0', REF],
      ['102', 25000, '1', '10011'],
    ]);
  });

  it('refuses each broken file with the code and line', () => {
    const lines = good.split('\r\n');
    expect(refusal(report(''))).toEqual({ code: 'file-empty', line: '1' });
    expect(refusal(report(lines.slice(0, -1).join('\r\n')))).toEqual({ code: 'file-truncated', line: '5' });
    expect(refusal(report(swap(good, 3, (l) => l.padEnd(81, 'x'))))).toEqual({ code: 'file-record-length', line: '3' });
    expect(refusal(report(good.replace(new RegExp(OUR_BG, 'g'), '0009912346')))).toEqual({ code: 'file-other-payee', line: '1' });
    expect(refusal(report(swap(good, 3, (l) => l.replace(OUR_BG, '0009912346'))))).toEqual({ code: 'file-other-payee', line: '3' });
    expect(refusal(report(reportFile(OUR_BG, '2027-02-26', [{ payer: 101, amount: 30000, reference: REF }], { sectionAmount: 29999 })))).toEqual({ code: 'file-sum-mismatch', line: '2' });
    expect(refusal(report(reportFile(OUR_BG, '2027-02-26', [{ payer: 101, amount: 30000, reference: REF }], { sectionCount: 2 })))).toEqual({ code: 'file-count-mismatch', line: '2' });
    expect(refusal(report(swap(good, 5, (l) => l.replace(/000000000001(000000)/, '000000000002$1'))))).toEqual({ code: 'file-count-mismatch', line: '5' });
    expect(refusal(report(swap(good, 4, (l) => 'XY' + l.slice(2))))).toEqual({ code: 'file-record-unknown', line: '4' });
    expect(refusal(report(swap(good, 3, (l) => l.slice(0, 31) + '00000003000O' + l.slice(43))))).toEqual({ code: 'file-field', line: '3' });
    expect(refusal(report(swap(good, 1, (l) => l.replace('BET. SPEC & STOPP TK', 'AG-MEDAVI           '))))).toEqual({ code: 'file-layout', line: '1' });
    // A debit before its section's opening record.
    expect(refusal(report([lines[0], lines[2], lines[1], ...lines.slice(3)].join('\r\n')))).toEqual({ code: 'file-layout', line: '2' });
  });

  it('refuses a file in another encoding: UTF-8, UTF-16, binary', () => {
    const withAccent = swap(good, 3, (l) => l.slice(0, 53) + 'ÅRSAVGIFT'.padEnd(16) + l.slice(69));
    expect(refusal(() => parsePaymentReport(latin1(withAccent), OUR_BG))).toBe('accepted'); // Latin-1 "Å" is fine
    expect(refusal(() => parsePaymentReport(Buffer.from(withAccent, 'utf8'), OUR_BG))).toEqual({ code: 'file-encoding', line: '3' });
    expect(refusal(() => parsePaymentReport(Buffer.from('\ufeff' + good, 'utf16le'), OUR_BG))).toEqual({ code: 'file-encoding', line: '1' });
    expect(refusal(() => parsePaymentReport(Buffer.concat([latin1(good.slice(0, 100)), Buffer.from([0, 1, 2])]), OUR_BG))).toEqual({ code: 'file-encoding', line: '2' });
  });
});

describe('Autogiro mandate advice: bad input', () => {
  const advice = adviceFile(OUR_BG, '2027-01-14', [{ payer: 101, info: '04', status: '32' }]);
  const parse = (s: string) => () => parseMandateAdvice(latin1(s), OUR_BG);
  it('checks the closing count, the payee, the records and the layout', () => {
    expect(parseMandateAdvice(latin1(advice), OUR_BG).records).toMatchObject([{ payerNumber: '101', info: '04', status: '32', date: '2027-01-14' }]);
    expect(refusal(parse(adviceFile(OUR_BG, '2027-01-14', [{ payer: 101, info: '04', status: '32' }], 2)))).toEqual({ code: 'file-count-mismatch', line: '3' });
    expect(refusal(parse(advice.split('\r\n').slice(0, 2).join('\r\n')))).toEqual({ code: 'file-truncated', line: '3' });
    expect(refusal(parse(adviceFile('0009912346', '2027-01-14', [{ payer: 101, info: '04', status: '32' }])))).toEqual({ code: 'file-other-payee', line: '1' });
    expect(refusal(parse(swap(advice, 2, (l) => l.replace('20270114', '20271314'))))).toEqual({ code: 'file-field', line: '2' });
    expect(refusal(parse(swap(advice, 2, (l) => '74' + l.slice(2))))).toEqual({ code: 'file-record-unknown', line: '2' });
    expect(refusal(parse(reportFile(OUR_BG, '2027-02-26', [])))).toEqual({ code: 'file-layout', line: '1' });
    expect(refusal(parse(advice + '\r\n' + advice.split('\r\n')[1]))).toEqual({ code: 'file-layout', line: '4' });
  });
});

describe('a refused file books nothing', () => {
  let d: DdTest;
  afterEach(() => d?.t.dispose());
  it('leaves payments, orders and the file log as they were', async () => {
    d = await ddTest('SE', '2027-01-10');
    await d.call('dues.saveSettings', SE_SETTINGS);
    await d.call('directDebit.saveSettings', { bgcCustomerNumber: '123456' });
    await d.call('dues.saveFees', { year: 2027, fees: [{ membershipTypeId: 1, amount: 30000, dueOn: '2027-03-31' }] });
    const m = await d.member({ firstName: 'Åke', lastName: 'Lund' });
    await d.call('directDebit.requestMandate', { memberId: m.id });
    await d.call('directDebit.mandateFile', { path: join(d.t.dir, 'm.txt') });
    await d.call('directDebit.importMandateAdvice', { path: await d.file('a.txt', adviceFile(OUR_BG, '2027-01-10', [{ payer: m.memberNumber, info: '04', status: '32' }])) });
    await d.call('directDebit.exportOrders', { year: 2027, debitOn: '2027-01-28', path: join(d.t.dir, 'p.txt') });
    const [order] = await d.call('directDebit.orders', {});
    const reference = (await d.call('dues.invoice', { id: order.invoiceId })).reference;
    d.setToday('2027-02-01');
    // The first debit is fine, the second record's section sum is wrong: nothing at all is booked.
    const bad = reportFile(OUR_BG, '2027-01-28', [{ payer: m.memberNumber, amount: 30000, reference }], { sectionAmount: 30001 });
    const r = await d.result('directDebit.importReport', { path: await d.file('bad.txt', bad) });
    expect(r.ok ? 'ok' : [r.error.details?.fields?.[0].code, r.error.details?.line]).toEqual(['file-sum-mismatch', '2']);
    expect((await d.call('dues.invoice', { id: order.invoiceId })).payments).toEqual([]);
    expect((await d.call('directDebit.orders', {}))[0].status).toBe('sent');
    expect((await d.call('directDebit.files', {})).map((f) => f.kind)).not.toContain('ag-report');
  });
});
