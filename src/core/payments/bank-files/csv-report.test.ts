import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../imports/parse';
import { parseBankAmount, parseCsvReport, suggestColumns } from './csv-report';
import { refusal } from './refusal';
import { SE_PAYEE } from './test-files';

const SWISH = `Swish-rapport;;;;
Bokföringsdag;Belopp;Avsändare;Meddelande;Transaktions-ID
2026-03-10;250,00;Åsa Ödegård;Medlemsavgift 1001;SW1
2026-03-10;1 250,50;Bo Berg;;SW2
2026-03-11;-100,00;Återbetalning;;SW3
;;;;
11.03.2026;250;Cecilia Ek;medlem 7;SW4
`;

describe('CSV reports through a column mapping', () => {
  const rows = parseCsvText(SWISH, ';');
  const columns = suggestColumns(rows[1]);

  it('suggests the columns from Swedish and Norwegian headers', () => {
    expect(columns).toEqual({ date: 0, amount: 1, name: 2, message: 3, transactionId: 4, reference: null });
    expect(suggestColumns(['Dato', 'Beløp', 'Navn', 'Melding', 'KID'])).toEqual({ date: 0, amount: 1, name: 2, message: 3, reference: 4, transactionId: null });
  });

  it('reads rows (Nordic dates and amounts), skips outgoing and empty rows', () => {
    const parsed = parseCsvReport(rows, 2, columns, 'swish', SE_PAYEE);
    expect(parsed).toMatchObject({ format: 'csv', control: null, skipped: 1 });
    expect(parsed.transactions.map((t) => [t.line, t.paidOn, t.amount, t.payerName, t.message, t.method, t.key])).toEqual([
      [3, '2026-03-10', 25000, 'Åsa Ödegård', 'Medlemsavgift 1001', 'swish', 'csv:id:SW1#1'],
      [4, '2026-03-10', 125050, 'Bo Berg', '', 'swish', 'csv:id:SW2#1'],
      [7, '2026-03-11', 25000, 'Cecilia Ek', 'medlem 7', 'swish', 'csv:id:SW4#1'],
    ]);
  });

  it('stops at the row with a date or amount that cannot be read, and needs date and amount mapped', () => {
    const bad = parseCsvText(SWISH.replace('1 250,50', '12,5,0'), ';');
    expect(refusal(() => parseCsvReport(bad, 2, columns, 'swish', SE_PAYEE))).toEqual({ code: 'file-field', line: '4' });
    const badDate = parseCsvText(SWISH.replace('2026-03-10;250,00', '31.02.2026;250,00'), ';');
    expect(refusal(() => parseCsvReport(badDate, 2, columns, 'swish', SE_PAYEE))).toEqual({ code: 'file-field', line: '3' });
    expect(refusal(() => parseCsvReport(rows, 2, { ...columns, amount: null }, 'swish', SE_PAYEE)).code).toBe('csv-column-missing');
  });

  it('without a transaction id, identical rows stay two payments yet are recognised again', () => {
    const twice = parseCsvText('Datum;Belopp;Namn\n2026-03-10;250;Bo\n2026-03-10;250;Bo\n', ';');
    const parsed = parseCsvReport(twice, 1, suggestColumns(twice[0]), 'bank', SE_PAYEE);
    expect(parsed.transactions.map((t) => t.key)).toEqual(['csv:2026-03-10:25000::Bo:#1', 'csv:2026-03-10:25000::Bo:#2']);
  });

  it('reads amounts as banks write them', () => {
    const cases: [string, number | null][] = [
      ['250', 25000], ['250,5', 25050], ['1 250,50', 125050], ['1.250,50', 125050], ['1,250.50', 125050], ['1.250', 125000],
      ['250 kr', 25000], ['SEK 250.00', 25000], ['-250,00', -25000], ['250,00-', -25000], ['0,29', 29], ['12,5,0', null], ['abc', null], ['', null],
    ];
    for (const [s, v] of cases) expect(parseBankAmount(s), s).toBe(v);
  });
});
