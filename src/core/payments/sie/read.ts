import iconv from 'iconv-lite';

/**
 * A small SIE 4 reader: enough to read back what Kansli wrote and check it the way a
 * bookkeeping program would (every #VER's #TRANS rows sum to zero, accounts declared, fields
 * well formed). The export runs it on its own output before writing the file.
 */
export interface SieVerification {
  series: string;
  number: string;
  date: string;
  text: string;
  trans: { account: string; amount: number }[];
}

export interface SieFile {
  /** Identification records by label (#FORMAT → ["PC8"]), first occurrence. */
  head: Map<string, string[]>;
  accounts: Map<string, string>;
  verifications: SieVerification[];
}

export class SieError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`SIE line ${line}: ${message}`);
  }
}

/** Fields of one record: blanks separate, quotes group (with \" inside), {…} is one field. */
export function fields(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    const ch = line[i];
    if (ch === ' ' || ch === '\t') {
      i++;
    } else if (ch === '"') {
      let s = '';
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < line.length) i++;
        s += line[i++];
      }
      if (line[i] !== '"') throw new Error('unclosed quote');
      i++;
      out.push(s);
    } else if (ch === '{') {
      const end = line.indexOf('}', i);
      if (end < 0) throw new Error('unclosed brace');
      out.push(line.slice(i, end + 1));
      i = end + 1;
    } else {
      let s = '';
      while (i < line.length && line[i] !== ' ' && line[i] !== '\t') s += line[i++];
      out.push(s);
    }
  }
  return out;
}

const AMOUNT = /^-?\d+(\.\d{1,2})?$/;
const DATE = /^\d{8}$/;

const minor = (s: string) => {
  const [whole, frac = ''] = s.replace('-', '').split('.');
  const v = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return s.startsWith('-') ? -v : v;
};

export function readSie(bytes: Uint8Array): SieFile {
  const text = iconv.decode(Buffer.from(bytes), 'cp437');
  const head = new Map<string, string[]>();
  const accounts = new Map<string, string>();
  const verifications: SieVerification[] = [];
  let open: SieVerification | null = null;
  let expectBrace = false;
  text.split(/\r?\n/).forEach((raw, index) => {
    const no = index + 1;
    const line = raw.trim();
    if (!line) return;
    if (expectBrace) {
      if (line !== '{') throw new SieError(no, 'expected {');
      expectBrace = false;
      return;
    }
    if (line === '}') {
      if (!open) throw new SieError(no, 'unexpected }');
      if (open.trans.reduce((n, t) => n + t.amount, 0) !== 0) throw new SieError(no, `verification ${open.series} ${open.number} does not balance`);
      verifications.push(open);
      open = null;
      return;
    }
    let f: string[];
    try {
      f = fields(line);
    } catch (e) {
      throw new SieError(no, (e as Error).message);
    }
    const [label, ...rest] = f;
    if (!label.startsWith('#')) throw new SieError(no, 'not a record');
    if (open) {
      if (label !== '#TRANS') throw new SieError(no, `${label} inside a verification`);
      const [account, objects, amount] = rest;
      if (!accounts.has(account)) throw new SieError(no, `account ${account} not declared`);
      if (!objects?.startsWith('{') || !AMOUNT.test(amount ?? '')) throw new SieError(no, 'bad #TRANS');
      open.trans.push({ account, amount: minor(amount) });
      return;
    }
    if (label === '#KONTO') {
      if (!/^\d+$/.test(rest[0] ?? '') || rest[1] === undefined) throw new SieError(no, 'bad #KONTO');
      accounts.set(rest[0], rest[1]);
    } else if (label === '#VER') {
      const [series, number, date, vtext] = rest;
      if (!DATE.test(date ?? '')) throw new SieError(no, 'bad #VER date');
      open = { series, number, date: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}`, text: vtext ?? '', trans: [] };
      expectBrace = true;
    } else if (label === '#TRANS') {
      throw new SieError(no, '#TRANS outside a verification');
    } else if (!head.has(label)) {
      head.set(label, rest);
    }
  });
  if (open || expectBrace) throw new SieError(text.split(/\r?\n/).length, 'file ends inside a verification');
  return { head, accounts, verifications };
}
