/**
 * Test support only: writes a camt.053 account statement as a bank would, from entries the
 * tests make up, so the parser, the import and the UI are tested on a file of the real shape.
 * The app reads these files; it never writes them. The n-th entry's transaction reference
 * (TX-date-n) is the one writeCamt054 gives its n-th payment: the same bank reporting the same
 * transaction in a notification and in the statement.
 */

/** One entry of the statement. Defaults: a booked credit with no reference. */
export interface StatementEntry {
  amount: number;
  direction?: 'CRDT' | 'DBIT';
  status?: 'BOOK' | 'PDNG';
  /** RvslInd true: the entry undoes an earlier one. */
  reversal?: boolean;
  reference?: string | null;
  name?: string;
  message?: string;
}

/**
 * 02 and 04 write the status as <Sts>BOOK</Sts> and the payer as Dbtr/Nm; 08 as <Sts><Cd>BOOK</Cd></Sts>
 * and Dbtr/Pty/Nm — the differences between the versions banks send.
 */
export type Camt053Version = '02' | '04' | '08';

export interface StatementOptions {
  currency?: string;
  version?: Camt053Version;
  /** TxsSummry with the credit, debit and all-entry totals (default true). */
  summary?: boolean;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const decimal = (minor: number) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

function entryXml(e: StatementEntry, i: number, date: string, ccy: string, version: Camt053Version): string {
  const direction = e.direction ?? 'CRDT';
  const code = e.status ?? 'BOOK';
  const status = version === '08' ? `<Sts><Cd>${code}</Cd></Sts>` : `<Sts>${code}</Sts>`;
  const party = (tag: 'Dbtr' | 'Cdtr', name: string) => (version === '08' ? `<${tag}><Pty><Nm>${esc(name)}</Nm></Pty></${tag}>` : `<${tag}><Nm>${esc(name)}</Nm></${tag}>`);
  const family = direction === 'CRDT' ? '<Cd>RCDT</Cd><SubFmlyCd>DMCT</SubFmlyCd>' : '<Cd>ICDT</Cd><SubFmlyCd>DMCT</SubFmlyCd>';
  return `
      <Ntry>
        <NtryRef>${i + 1}</NtryRef>
        <Amt Ccy="${ccy}">${decimal(e.amount)}</Amt>
        <CdtDbtInd>${direction}</CdtDbtInd>
        ${e.reversal ? '<RvslInd>true</RvslInd>' : ''}
        ${status}
        <BookgDt><Dt>${date}</Dt></BookgDt>
        <ValDt><Dt>${date}</Dt></ValDt>
        <AcctSvcrRef>STMT-${date}-${i + 1}</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly>${family}</Fmly></Domn></BkTxCd>
        <NtryDtls><TxDtls>
          <Refs><AcctSvcrRef>TX-${date}-${i + 1}</AcctSvcrRef><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
          <AmtDtls><TxAmt><Amt Ccy="${ccy}">${decimal(e.amount)}</Amt></TxAmt></AmtDtls>
          ${e.name ? `<RltdPties>${direction === 'CRDT' ? party('Dbtr', e.name) : party('Cdtr', e.name)}</RltdPties>` : ''}
          <RmtInf>
            ${e.message ? `<Ustrd>${esc(e.message)}</Ustrd>` : ''}
            ${e.reference ? `<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>ISO</Issr></Tp><Ref>${esc(e.reference)}</Ref></CdtrRefInf></Strd>` : ''}
          </RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>`;
}

function balance(code: 'OPBD' | 'CLBD', minor: number, ccy: string, date: string): string {
  return `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="${ccy}">${decimal(Math.abs(minor))}</Amt><CdtDbtInd>${minor < 0 ? 'DBIT' : 'CRDT'}</CdtDbtInd><Dt><Dt>${date}</Dt></Dt></Bal>`;
}

/** A camt.053 statement of one account for one day (`date` ISO), with opening and closing balances and the summary. */
export function writeCamt053(account: { iban: string } | { other: string }, date: string, entries: StatementEntry[], options: StatementOptions = {}): Uint8Array {
  const ccy = options.currency ?? 'SEK';
  const version = options.version ?? '08';
  const acct = 'iban' in account ? `<IBAN>${account.iban}</IBAN>` : `<Othr><Id>${account.other}</Id></Othr>`;
  const side = (d: 'CRDT' | 'DBIT') => entries.filter((e) => (e.direction ?? 'CRDT') === d);
  const sum = (es: StatementEntry[]) => es.reduce((n, e) => n + e.amount, 0);
  const booked = entries.filter((e) => (e.status ?? 'BOOK') === 'BOOK');
  const opening = 1_000_000;
  const closing = opening + booked.reduce((n, e) => n + ((e.direction ?? 'CRDT') === 'CRDT' ? e.amount : -e.amount), 0);
  const total = (tag: string, es: StatementEntry[]) => `<${tag}><NbOfNtries>${es.length}</NbOfNtries><Sum>${decimal(sum(es))}</Sum></${tag}>`;
  const summary = options.summary === false
    ? ''
    : `<TxsSummry>
        <TtlNtries><NbOfNtries>${entries.length}</NbOfNtries></TtlNtries>
        ${total('TtlCdtNtries', side('CRDT'))}
        ${total('TtlDbtNtries', side('DBIT'))}
      </TxsSummry>`;
  const text = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.${version}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>STMT-MSG-${date}</MsgId><CreDtTm>${date}T23:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>STMT-${date}</Id>
      <ElctrncSeqNb>1</ElctrncSeqNb>
      <CreDtTm>${date}T23:00:00</CreDtTm>
      <FrToDt><FrDtTm>${date}T00:00:00</FrDtTm><ToDtTm>${date}T23:59:59</ToDtTm></FrToDt>
      <Acct><Id>${acct}</Id><Ccy>${ccy}</Ccy></Acct>
      ${balance('OPBD', opening, ccy, date)}
      ${balance('CLBD', closing, ccy, date)}
      ${summary}
      ${entries.map((e, i) => entryXml(e, i, date, ccy, version)).join('')}
    </Stmt>
  </BkToCstmrStmt>
</Document>
`;
  return new Uint8Array(Buffer.from(text, 'utf8'));
}
