import { latin1Text, record, zeros } from './file-lines';

/**
 * Nets' AvtaleGiro payment claims ("betalingskrav"), as in Nets' system specification and the
 * sample in reference/samples (python-netsgiro's test file): 80-character "NY" records.
 *
 * - NY000010 transmission start: data sender, transmission number, data recipient (Nets 00008080)
 * - NY210020 assignment start: agreement id, assignment number, the payee's account
 * - per claim: NY21tt30 (number, due date DDMMYY, amount in øre, KID right-aligned),
 *   NY21tt31 (payer's short name, external reference), and with bank notification (tt = 21)
 *   NY212149 specification lines (line number, column 1 or 2, 40 characters each)
 * - NY210088 assignment end: claims, records (start and end included), total, first and last due date
 * - NY000089 transmission end: claims, records (all), total, first due date
 */

export const NETS_RECIPIENT = '00008080';

export interface Claim {
  dueOn: string;
  amount: number;
  kid: string;
  payerName: string;
  /** The association's own reference for the claim (the invoice number). */
  reference: string;
  /** Nets notifies the payer through the bank (transaction type 21, with the specification) or the association does (02). */
  bankNotifies: boolean;
  /** Specification lines shown by the payer's bank (bank notification only), at most 42 of 80 characters. */
  specification: string[];
}

export interface Transmission {
  dataSender: string;
  transmissionNumber: number;
  agreementId: string;
  assignmentNumber: number;
  account: string;
}

const ddmmyy = (iso: string) => `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(2, 4)}`;

function claimRecords(c: Claim, n: number): string[] {
  const no = zeros(n, 7);
  const type = c.bankNotifies ? '21' : '02';
  const out = [
    record(`NY21${type}30${no}${ddmmyy(c.dueOn)}${' '.repeat(11)}${zeros(c.amount, 17)}${c.kid.padStart(25, ' ')}000000`),
    record(`NY21${type}31${no}${latin1Text(c.payerName, 10)}${' '.repeat(25)}${latin1Text(c.reference, 25)}00000`),
  ];
  if (type === '21') {
    c.specification.slice(0, 42).forEach((text, i) => {
      const line = latin1Text(text, 80);
      const columns = line.slice(40).trim() ? [line.slice(0, 40), line.slice(40)] : [line.slice(0, 40)];
      columns.forEach((part, col) => out.push(record(`NY212149${no}4${zeros(i + 1, 3)}${col + 1}${part}${'0'.repeat(20)}`)));
    });
  }
  return out;
}

export function avtaleGiroClaimsFile(t: Transmission, claims: Claim[]): string[] {
  if (!claims.length) throw new RangeError('no claims');
  const body = claims.flatMap((c, i) => claimRecords(c, i + 1));
  const total = claims.reduce((n, c) => n + c.amount, 0);
  const dates = claims.map((c) => c.dueOn).sort();
  const first = ddmmyy(dates[0]);
  const last = ddmmyy(dates[dates.length - 1]);
  const assignmentRecords = body.length + 2;
  return [
    record(`NY000010${zeros(t.dataSender, 8)}${zeros(t.transmissionNumber, 7)}${NETS_RECIPIENT}${'0'.repeat(49)}`),
    record(`NY210020${zeros(t.agreementId, 9)}${zeros(t.assignmentNumber, 7)}${zeros(t.account, 11)}${'0'.repeat(45)}`),
    ...body,
    record(`NY210088${zeros(claims.length, 8)}${zeros(assignmentRecords, 8)}${zeros(total, 17)}${first}${last}${'0'.repeat(27)}`),
    record(`NY000089${zeros(claims.length, 8)}${zeros(assignmentRecords + 2, 8)}${zeros(total, 17)}${first}${'0'.repeat(33)}`),
  ];
}
