import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedNow, registerWith, testCore, type TestCore } from '../test-support';
import { neutralise, toCsv } from './csv';
import { MAX_NAME_CHARS, sanitizeFileName, targetPath } from './file-name';
import { foldLine } from './vcard';

describe('neutralise (OWASP CSV injection, hostile case 20)', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+46701234567', "'+46701234567"],
    ['-1', "'-1"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+2', "'\t=1+2"],
    ['\r=1+2', "'\r=1+2"],
    ['\n=1', "'\n=1"],
    ['\u0000x', "'\u0000x"],
    ['Åsa', 'Åsa'],
    ['a";=1+2', 'a";=1+2'],
  ])('%j → %j', (input, out) => expect(neutralise(input)).toBe(out));

  it('keeps an international phone number (plus, digits and spaces) readable in a phone column only', () => {
    expect(neutralise('+46 70 123 45 67', 'phone')).toBe('+46 70 123 45 67');
    expect(neutralise('+46 70 123 45 67')).toBe("'+46 70 123 45 67");
    expect(neutralise('+46701234567', 'phone')).toBe("'+46701234567");
    expect(neutralise('+1 =1+2', 'phone')).toBe("'+1 =1+2");
    expect(neutralise('+46 70 SUM(1)', 'phone')).toBe("'+46 70 SUM(1)");
  });

  it('quotes so a cell never breaks out of its field, and re-parses to the neutralised cells', () => {
    const hostile = ['=HYPERLINK("x")', '-1', '@SUM(1)', '\tx', '\rx', 'a";=1+2', 'rad\ntvå'];
    const csv = toCsv(['h'], hostile.map((c) => [c]), 'sv');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data.filter((r) => r.length === 1 && r[0] !== '');
    expect(parsed.slice(1).map((r) => r[0])).toEqual(hostile.map((c) => neutralise(c)));
    for (const [cell] of parsed.slice(1)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('file names (hostile case 22)', () => {
  it.each([
    ['../../x', 'x'],
    ['CON', '_CON'],
    ['con.csv', '_con.csv'],
    ['LPT9', '_LPT9'],
    ['COM10', 'COM10'],
    ['a/b\\c:d*e?f"g<h>i|j', 'a b c d e f g h i j'],
    ['  .hidden. ', 'hidden'],
    ['rad\u0000ett\ntvå', 'rad ett två'],
    ['', 'export'],
    ['...', 'export'],
    ['Röstlängd – Styrelsen', 'Röstlängd – Styrelsen'],
  ])('%j → %j', (input, out) => expect(sanitizeFileName(input)).toBe(out));

  it('caps 300 characters without splitting a character', () => {
    const long = sanitizeFileName('ö'.repeat(150) + '😀'.repeat(150));
    expect(Array.from(long).length).toBeLessThanOrEqual(MAX_NAME_CHARS);
    expect(encodeURIComponent(long)).toBeTruthy(); // throws on a lone surrogate
  });

  it('keeps the picked folder, sanitises the name, sets the extension, refuses relative paths', () => {
    expect(targetPath('/home/u/../../x', 'csv')).toBe('/x.csv');
    expect(targetPath('/home/u/CON', 'pdf')).toBe('/home/u/_CON.pdf');
    expect(targetPath('/home/u/lista.CSV', 'csv')).toBe('/home/u/lista.csv');
    expect(() => targetPath('../../x', 'csv')).toThrow(/path-not-absolute/);
    const name = targetPath('/tmp/' + 'x'.repeat(300), 'csv').slice(5);
    expect(name.length).toBe(MAX_NAME_CHARS + 4);
  });
});

describe('vCard line folding', () => {
  it('folds at 75 octets without splitting UTF-8 characters', () => {
    const folded = foldLine('FN:' + 'Å'.repeat(100));
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe('FN:' + 'Å'.repeat(100));
  });
});

/** A minimal vCard reader: unfold, split into cards and properties. */
function parseVcards(text: string): Record<string, string>[] {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
  const cards: Record<string, string>[] = [];
  let card: Record<string, string> | undefined;
  for (const line of lines) {
    const i = line.indexOf(':');
    const [name] = line.slice(0, i).split(';');
    const value = line.slice(i + 1);
    if (name === 'BEGIN') card = {};
    else if (name === 'END') cards.push(card!);
    else card![name] = value;
  }
  return cards;
}

const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });

describe('exports through the contract', () => {
  let t: TestCore;
  let ids: Record<string, number>;
  const out = (name: string) => join(t.dir, name);

  beforeEach(async () => {
    t = await testCore({ now: fixedNow });
    await registerWith(t);
    const make = async (firstName: string, lastName: string, extra: Record<string, unknown> = {}) =>
      (await t.call('members.create', { country: 'SE', firstName, lastName, joinedOn: '2020-01-01', membershipTypeId: 1, ...extra } as never)).id;
    ids = {
      asa: await make('Åsa', 'Öberg', { mobile: '+46701234567', email: 'asa@example.se', street: 'Storgatan 1', postcode: '11418', city: 'Stockholm' }),
      per: await make('Per', 'Öberg', { street: 'Storgatan 1', postcode: '11418', city: 'Stockholm' }),
      hostile: await make('=HYPERLINK("x")', '@SUM(1+1)', { street: 'a";=1+2', postcode: '41101', city: '-1' }),
      bjorn: await make('Bjørn', 'Ærø', { country: 'NO', street: 'Kirkegata 2', postcode: '0150', city: 'Oslo' }),
      supporter: await make('Stina', 'Stödjare', { membershipTypeId: 2, street: 'Väg 3', postcode: '22100', city: 'Lund' }),
      noAddress: await make('Utan', 'Adress'),
    };
    await t.call('households.create', { memberIds: [ids.asa, ids.per] });
  });
  afterEach(async () => t.dispose());

  it('contact list CSV: BOM, `;` for sv, `,` for en, hostile cells neutralised, phone readable, the segment applied', async () => {
    const seg = await t.call('segments.save', { name: 'Stockholm', definition: { kind: 'city', values: ['Stockholm'] } });
    const r = await t.call('exports.contactList', {
      path: out('lista'), segment: { id: seg.segment.id }, columns: ['memberNumber', 'firstName', 'lastName', 'mobile', 'street'], format: 'csv',
    });
    expect(r).toEqual({ path: out('lista.csv'), people: 2 });
    const text = await readFile(r.path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<string[]>(text.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['Medlemsnr', 'Förnamn', 'Efternamn', 'Mobil', 'Gatuadress']);
    expect(rows.slice(1).map((row) => row[1]).sort()).toEqual(['Per', 'Åsa']);
    expect(rows.find((row) => row[1] === 'Åsa')![3]).toBe('+46 70 123 45 67');

    const all = await t.call('exports.contactList', { path: out('alla.csv'), columns: ['firstName', 'lastName', 'street', 'city'], format: 'csv', language: 'en' });
    const en = Papa.parse<string[]>((await readFile(all.path, 'utf8')).slice(1), { delimiter: ',', skipEmptyLines: true }).data;
    expect(en[0]).toEqual(['First name', 'Last name', 'Street address', 'City']);
    expect(en.find((row) => row[2] === 'a";=1+2')).toEqual([`'=HYPERLINK("x")`, "'@SUM(1+1)", 'a";=1+2', "'-1"]);
    expect(all.people).toBe(6);
  });

  it('contact list xlsx: every cell a string, no formulas', async () => {
    const r = await t.call('exports.contactList', { path: out('lista.xlsx'), columns: ['firstName', 'lastName', 'mobile', 'city'], format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(r.path)) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const values: unknown[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    for (const v of values) expect(typeof v).toBe('string');
    expect(values).toContain('=HYPERLINK("x")');
    expect(values).toContain('+46 70 123 45 67');
    expect(values).toContain('-1');
  });

  it('member list PDF: landscape, header with association and date, page numbers', async () => {
    const r = await t.call('exports.memberListPdf', { path: out('medlemmar.pdf') });
    const text = pdfText(r.path);
    expect(text).toContain('Föreningen Ödegård');
    expect(text).toContain('15 juni 2025');
    expect(text).toContain('Sida 1 av 1');
    expect(text).toContain('Bjørn');
    const info = execFileSync('pdfinfo', [r.path], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28/);
  });

  it('roll: active members of voting types on the day, numbered, with a signature column (PDF and CSV)', async () => {
    await t.call('members.changeStatus', { memberId: ids.per, to: 'left', on: '2025-03-01', reason: 'moved' });
    const pdf = await t.call('exports.roll', { path: out('röstlängd'), on: '2025-06-01', format: 'pdf' });
    expect(pdf.people).toBe(4); // not Per (left), not the supporting member
    const text = pdfText(pdf.path);
    expect(text).toContain('Namnteckning');
    expect(text).toContain('Öberg, Åsa');
    expect(text).not.toContain('Per');
    expect(text).not.toContain('Stödjare');
    // Before Per left, he was entitled.
    const before = await t.call('exports.roll', { path: out('röstlängd-feb.csv'), on: '2025-02-01', format: 'csv' });
    const rows = Papa.parse<string[]>((await readFile(before.path, 'utf8')).slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['Nr', 'Medlemsnr', 'Namn', 'Namnteckning']);
    expect(rows.map((row) => row[2])).toContain('Öberg, Per');
    expect(rows.slice(1).map((row) => row[0])).toEqual(['1', '2', '3', '4', '5']);
    // Before anyone joined: nobody.
    expect((await t.call('exports.roll', { path: out('tom.csv'), on: '2019-01-01', format: 'csv' })).people).toBe(0);
  });

  it('labels: per household, sorted by postcode, members without address left out, foreign address with country', async () => {
    const r = await t.call('exports.labels', { path: out('etiketter'), sheet: '3x8', perHousehold: true });
    expect(r.people).toBe(5);
    const text = pdfText(r.path);
    expect(text).toContain('Per och Åsa Öberg');
    expect(text).toContain('114 18 Stockholm');
    expect(text).toContain('NO-0150 Oslo');
    expect(text).toContain('NORGE');
    expect(text).not.toContain('Utan');
    const order = ['0150', '114 18', '221 00', '411 01'].map((p) => text.indexOf(p));
    expect(order.every((x) => x >= 0)).toBe(true);
    const single = await t.call('exports.labels', { path: out('etiketter2.pdf'), sheet: '2x8', perHousehold: false });
    expect(single.people).toBe(5);
    expect(pdfText(single.path)).toContain('Per Öberg');
  });

  it('vCard 4.0 parses back', async () => {
    const r = await t.call('exports.vcard', { path: out('kontakter') });
    const cards = parseVcards(await readFile(r.path, 'utf8'));
    expect(cards).toHaveLength(6);
    const asa = cards.find((c) => c.FN === 'Åsa Öberg')!;
    expect(asa.VERSION).toBe('4.0');
    expect(asa.N).toBe('Öberg;Åsa;;;');
    expect(asa.TEL).toBe('tel:+46701234567');
    expect(asa.EMAIL).toBe('asa@example.se');
    expect(cards.find((c) => c.FN?.startsWith('=HYPERLINK'))!.ADR).toBe(';;a"\\;=1+2;-1;;411 01;SE');
  });

  it('every export is logged (hostile case 27), newest first; default names are sanitised', async () => {
    const seg = await t.call('segments.save', { name: 'CON', definition: { kind: 'and', children: [] } });
    await t.call('exports.contactList', { path: out('a.csv'), segment: { id: seg.segment.id }, columns: ['firstName'], format: 'csv' });
    await t.call('exports.memberListPdf', { path: out('b.pdf') });
    await t.call('exports.roll', { path: out('c.pdf'), on: '2025-06-01', format: 'pdf' });
    await t.call('exports.labels', { path: out('d.pdf'), sheet: '2x8', perHousehold: false });
    await t.call('exports.vcard', { path: out('e.vcf'), segment: { definition: { kind: 'city', values: ['Oslo'] } } });
    const log = await t.call('exports.log', {});
    expect(log.total).toBe(5);
    expect(log.entries.map((e) => [e.kind, e.format, e.fileName])).toEqual([
      ['vcard', 'vcf', 'e.vcf'], ['labels', 'pdf', 'd.pdf'], ['roll', 'pdf', 'c.pdf'], ['memberList', 'pdf', 'b.pdf'], ['contactList', 'csv', 'a.csv'],
    ]);
    expect(log.entries[4]).toMatchObject({ scope: 'segment', segmentId: seg.segment.id, segmentName: 'CON', people: 6, columns: ['firstName'] });
    expect(log.entries[3]).toMatchObject({ scope: 'everyone', segmentId: null, segmentName: null });
    expect(log.entries[0]).toMatchObject({ scope: 'filter', segmentId: null, segmentName: null, people: 1 });
    const name = await t.call('exports.defaultName', { kind: 'roll', format: 'pdf', segment: { id: seg.segment.id }, on: '2026-03-01' });
    expect(name.name).toBe('Röstlängd – CON – 2026-03-01.pdf');
    const bare = await t.call('exports.defaultName', { kind: 'contactList', format: 'csv' });
    expect(bare.name).toBe('Kontaktlista – 2025-06-15.csv');
  });

  it('a failed write is an io error and is not logged', async () => {
    const r = await t.result('exports.vcard', { path: join(t.dir, 'no-such-dir', 'x.vcf') });
    expect(r.ok ? 'ok' : r.error.code).toBe('io');
    const rel = await t.result('exports.vcard', { path: '../../x' });
    expect(rel.ok ? 'ok' : rel.error.details?.fields?.[0]?.code).toBe('path-not-absolute');
    expect((await t.call('exports.log', {})).total).toBe(0);
  });
});

describe('internationalPhone', () => {
  it('gives what libphonenumber gives, for many numbers sharing layouts', async () => {
    const { internationalPhone } = await import('./data');
    const { formatPhone } = await import('../../shared/nordic/phone');
    const samples = ['+46701234567', '+46701234568', '+4681234567', '+46812345678', '+46313456789', '+4791234567', '+4722334455', '+4540123456', '+358401234567', '+12025550123', '+46']
      .flatMap((p) => [p, p.slice(0, -1) + ((Number(p.slice(-1)) + 3) % 10)]);
    for (const p of samples) expect(internationalPhone(p)).toBe(formatPhone(p, ''));
    for (let i = 0; i < 300; i++) {
      const p = `+4670${String(1000000 + i * 7919).slice(-7)}`;
      expect(internationalPhone(p)).toBe(formatPhone(p, ''));
    }
  });
});
