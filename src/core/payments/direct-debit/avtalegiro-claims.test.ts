import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { avtaleGiroClaimsFile, type Claim } from './avtalegiro-claims';
import { encodeFile, readLines } from './file-lines';

const SAMPLE = '/work/shared/reference/samples/nets_avtalegiro_payment_request_python-netsgiro.txt';

// One 80-character specification line: its halves are the records' columns 1 and 2.
const spec = (invoice: string) => [` Gjelder Faktura: ${invoice}  Dato: 19/03/04` + '                  ForfallsDato: 17/06/04'];
const claim = (n: number, kid: string, specification: string[], bankNotifies = true): Claim => ({
  dueOn: '2004-06-17',
  amount: 100,
  kid,
  payerName: 'NAVN',
  reference: '',
  bankNotifies,
  specification,
});

describe('AvtaleGiro payment claims', () => {
  it('reproduces Nets’ sample file record for record, from the same claims', () => {
    const sample = readFileSync(SAMPLE, 'latin1').split('\n').filter((l) => l !== '');
    const lines = avtaleGiroClaimsFile({ dataSender: '55555555', transmissionNumber: 1000081, agreementId: '000000000', assignmentNumber: 4000086, account: '88888888888' }, [
      claim(1, '008000011688373', spec('168837')),
      claim(2, '008000021688389', spec('168838')),
      claim(3, '008000031688395', []),
      claim(4, '008000041688401', []),
      claim(5, '008000051688416', spec('168841')),
      claim(6, '008000061688422', [], false),
    ]);
    expect(lines).toEqual(sample);
    expect(lines.every((l) => l.length === 80)).toBe(true);
  });

  it('counts records per level (start and end included) and sums the amounts, with first and last due dates', () => {
    const lines = avtaleGiroClaimsFile({ dataSender: '12345678', transmissionNumber: 1, agreementId: '123456789', assignmentNumber: 1, account: '12345678903' }, [
      { ...claim(1, '00000010000011', ['Medlemskontingent 2026'], true), amount: 35000, dueOn: '2026-03-20', payerName: 'Ærlig Øvrebø-Åsheim' },
      { ...claim(2, '00000020000022', [], false), amount: 17550, dueOn: '2026-03-05', reference: '1002' },
    ]);
    const end = lines[lines.length - 2];
    expect(end).toBe(`NY210088${'2'.padStart(8, '0')}${'7'.padStart(8, '0')}${'52550'.padStart(17, '0')}050326200326${'0'.repeat(27)}`);
    expect(lines[lines.length - 1]).toBe(`NY000089${'2'.padStart(8, '0')}${'9'.padStart(8, '0')}${'52550'.padStart(17, '0')}050326${'0'.repeat(33)}`);
    // Names in ISO-8859-1, cut to the field's 10 characters; the file reads back as 80-character lines.
    expect(lines[3].slice(15, 25)).toBe('Ærlig Øvre');
    const back = readLines(encodeFile(lines), { exact: true });
    expect(back.map((l) => l.text)).toEqual(lines);
    expect(encodeFile(lines).includes(Buffer.from([0xc6]))).toBe(true); // "Æ" as one Latin-1 byte
  });
});
