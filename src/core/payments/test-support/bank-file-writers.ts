import iconv from 'iconv-lite';

/**
 * Test support only: writes bank files the way Bankgirot, Nets and a bank would, from payments
 * the tests make up (usually for invoices the app itself created), so a round trip
 * invoice → bank file → import → paid is tested against the real parsers. Not used in production:
 * the app reads these files, it never writes them.
 */
export interface TestPayment {
  reference: string | null;
  amount: number;
  name?: string;
  message?: string;
  /** BgMax: extra references (TK22), with their part of the amount or 0. */
  extra?: { reference: string; amount: number }[];
}

const pad = (s: string | number, n: number) => String(s).padEnd(n, ' ').slice(0, n);
const zeros = (s: string | number, n: number) => {
  const t = String(s);
  if (t.length > n) throw new RangeError(`${t} does not fit ${n}`);
  return t.padStart(n, '0');
};
const file = (records: string[]) => new Uint8Array(iconv.encode(records.map((r) => pad(r, 80)).join('\r\n') + '\r\n', 'latin1'));

/** A BgMax file: one deposit per date, payee bankgiro `bankgiro` (digits). */
export function writeBgMax(bankgiro: string, date: string, payments: TestPayment[], options: { serialStart?: number; currency?: string } = {}): Uint8Array {
  const ymd = date.replace(/-/g, '');
  const currency = options.currency ?? 'SEK';
  const r: string[] = [`01${pad('BGMAX', 20)}01${ymd}120000000000P`, `05${zeros(bankgiro, 10)}${' '.repeat(10)}${currency}`];
  let serial = options.serialStart ?? 1;
  let extra = 0;
  let sum = 0;
  for (const p of payments) {
    const ref = p.reference ?? '';
    r.push(`20${zeros('0', 10)}${pad(ref, 25)}${zeros(p.amount, 18)}${ref ? (p.extra ? '3' : '2') : '1'}1${zeros(serial, 12)}0`);
    for (const x of p.extra ?? []) {
      r.push(`22${zeros('0', 10)}${pad(x.reference, 25)}${zeros(x.amount, 18)}21${zeros(serial, 12)}0`);
      extra++;
    }
    if (p.message) r.push(`25${pad(p.message, 50)}`);
    if (p.name) r.push(`26${pad(p.name, 35)}`);
    serial++;
    sum += p.amount;
  }
  r.push(`15${zeros('58410000010098', 35)}${ymd}00001${zeros(sum, 18)}${currency}${zeros(payments.length, 8)} `);
  r.push(`70${zeros(payments.length, 8)}${zeros(0, 8)}${zeros(extra, 8)}${zeros(1, 8)}`);
  return file(r);
}

/** A Nets OCR giro file with one assignment for `account`; `date` ISO. */
export function writeNetsOcr(account: string, date: string, payments: TestPayment[]): Uint8Array {
  const ddmmyy = `${date.slice(8, 10)}${date.slice(5, 7)}${date.slice(2, 4)}`;
  const r: string[] = [`NY000010${zeros(8080, 8)}${zeros(170031, 7)}${zeros(10200, 8)}${'0'.repeat(49)}`, `NY090020${zeros(1008566, 9)}${zeros(2, 7)}${account}${'0'.repeat(45)}`];
  let sum = 0;
  payments.forEach((p, i) => {
    const n = zeros(i + 1, 7);
    r.push(`NY091330${n}${ddmmyy}13200${zeros(i + 1, 5)}0${zeros(p.amount, 17)}${(p.reference ?? '').padStart(25, ' ')}000000`);
    r.push(`NY091331${n}${zeros(9636827194, 10)}${zeros(100000 + i, 9)}0000000${ddmmyy}${zeros(99990512341, 11)}${'0'.repeat(22)}`);
    if (p.message) r.push(`NY091332${n}${pad(p.message, 40)}${'0'.repeat(25)}`);
    sum += p.amount;
  });
  r.push(`NY090088${zeros(payments.length, 8)}${zeros(r.length, 8)}${zeros(sum, 17)}${ddmmyy.repeat(3)}${'0'.repeat(21)}`);
  r.push(`NY000089${zeros(payments.length, 8)}${zeros(r.length + 1, 8)}${zeros(sum, 17)}${ddmmyy}${'0'.repeat(33)}`);
  return file(r);
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const decimal = (minor: number) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

/** A camt.054.001.08 credit notification: one booked entry per payment, with its structured reference. */
export function writeCamt054(account: { iban: string } | { other: string }, date: string, payments: TestPayment[], options: { currency?: string; summary?: boolean; debit?: number } = {}): Uint8Array {
  const ccy = options.currency ?? 'SEK';
  const acct = 'iban' in account ? `<IBAN>${account.iban}</IBAN>` : `<Othr><Id>${account.other}</Id></Othr>`;
  const entries = payments.map(
    (p, i) => `
      <Ntry>
        <NtryRef>${i + 1}</NtryRef>
        <Amt Ccy="${ccy}">${decimal(p.amount)}</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>${date}</Dt></BookgDt>
        <ValDt><Dt>${date}</Dt></ValDt>
        <AcctSvcrRef>ENTRY-${date}-${i + 1}</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls><TxDtls>
          <Refs><AcctSvcrRef>TX-${date}-${i + 1}</AcctSvcrRef><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
          <Amt Ccy="${ccy}">${decimal(p.amount)}</Amt>
          <CdtDbtInd>CRDT</CdtDbtInd>
          ${p.name ? `<RltdPties><Dbtr><Pty><Nm>${xml(p.name)}</Nm></Pty></Dbtr></RltdPties>` : ''}
          <RmtInf>
            ${p.message ? `<Ustrd>${xml(p.message)}</Ustrd>` : ''}
            ${p.reference ? `<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>ISO</Issr></Tp><Ref>${xml(p.reference)}</Ref></CdtrRefInf></Strd>` : ''}
          </RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>`,
  );
  const debit = options.debit
    ? `<Ntry><Amt Ccy="${ccy}">${decimal(options.debit)}</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>${date}</Dt></BookgDt></Ntry>`
    : '';
  const sum = payments.reduce((n, p) => n + p.amount, 0);
  const summary = options.summary === false ? '' : `<TxsSummry><TtlCdtNtries><NbOfNtries>${payments.length}</NbOfNtries><Sum>${decimal(sum)}</Sum></TtlCdtNtries></TxsSummry>`;
  const text = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
  <BkToCstmrDbtCdtNtfctn>
    <GrpHdr><MsgId>MSG-${date}</MsgId><CreDtTm>${date}T18:00:00</CreDtTm></GrpHdr>
    <Ntfctn>
      <Id>NTF-${date}</Id>
      <CreDtTm>${date}T18:00:00</CreDtTm>
      <Acct><Id>${acct}</Id><Ccy>${ccy}</Ccy></Acct>
      ${summary}
      ${entries.join('')}
      ${debit}
    </Ntfctn>
  </BkToCstmrDbtCdtNtfctn>
</Document>
`;
  return new Uint8Array(Buffer.from(text, 'utf8'));
}
