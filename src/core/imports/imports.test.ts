import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from '../db/sql';
import { fieldCodes, fixedNow, registerOn, registerWith, testCore, type TestCore } from '../test-support';
import { decode, detectEncoding } from './decode';
import { suggestMapping } from './mapping';
import { excelSerialToIso, parseDate, parseYesNo, cleanName } from './normalize';
import { detectDelimiter, parseCsvText } from './parse';

let t: TestCore;
afterEach(() => t?.dispose());

const HEADER = 'Förnamn;Efternamn;Personnummer;E-post;Mobil;Postnr;Ort;Inträdesdatum;SMS';
const ROWS = [
  'Åsa;Öberg;19880320-0016;asa@example.se;070-123 45 67;114 18;Göteborg;31.01.2024;ja',
  'Bjørn;Ærø;;bjorn@example.no;;11418;"Malmö\nsödra";45322;nej',
  'Kalle;Anka;19880320-0017;kalle@example.se;;;;2024-01-31;',
];

describe('reading files', () => {
  it('detects encodings; Windows-1252 decodes åäöæø and € through iconv-lite', () => {
    const text = 'Förnamn;Pris\nÅsa Æbø;5 €\n';
    const cp = iconv.encode(text, 'win1252');
    expect(detectEncoding(cp)).toBe('windows-1252');
    expect(decode(cp, 'windows-1252')).toBe(text);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    expect(detectEncoding(bom)).toBe('utf-8');
    expect(decode(bom, 'utf-8')).toBe(text);
    expect(detectEncoding(Buffer.from(text))).toBe('utf-8');
    const u16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(detectEncoding(u16)).toBe('utf-16le');
    expect(decode(u16, 'utf-16le')).toBe(text);
  });

  it('detects the delimiter outside quotes; keeps quoted newlines; ragged rows stay', () => {
    expect(detectDelimiter('a;b;c\n"x, y";2;3\n')).toBe(';');
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(parseCsvText('a;b\n"1\n2";3\n4\n', ';')).toEqual([['a', 'b'], ['1\n2', '3'], ['4']]);
  });

  it('suggests fields from Swedish, Norwegian and English headers', () => {
    expect(suggestMapping(['Förnamn', 'Etternavn', 'E-mail', 'Mobiltelefon', 'Postnummer', 'Poststed', 'Fødselsnummer', 'Innmeldt', 'Okänd'])).toEqual([
      'firstName', 'lastName', 'email', 'mobile', 'postcode', 'city', 'identityNumber', 'joinedOn', null,
    ]);
    expect(suggestMapping(['First name', 'Efternamn', 'Epost', 'Ort', 'Inträdesdatum'])).toEqual(['firstName', 'lastName', 'email', 'city', 'joinedOn']);
  });

  it('reads dates as people write them, Excel serials, yes/no, names', () => {
    for (const s of ['2024-01-31', '31.01.2024', '31/1/2024', '20240131', '45322', '2024-01-31 00:00:00']) expect(parseDate(s)).toBe('2024-01-31');
    expect(parseDate('31.02.2024')).toBeNull();
    expect(parseDate('igår')).toBeNull();
    expect(excelSerialToIso(1)).toBeNull();
    expect(['ja', 'Ja', 'yes', 'x', 'sant'].map(parseYesNo)).toEqual([true, true, true, true, true]);
    expect(['nej', 'nei', 'no', '0'].map(parseYesNo)).toEqual([false, false, false, false]);
    expect(parseYesNo('kanske')).toBeUndefined();
    expect(cleanName('  ANNA-KARIN  ')).toBe('Anna-Karin');
    expect(cleanName('van der Berg')).toBe('van der Berg');
  });
});

describe('import through the contract', () => {
  it('previews with reasons, applies valid rows in one go, undoes in one step', async () => {
    ({ t } = await registerOn());
    const existing = await t.call('members.create', { country: 'SE', firstName: 'Kalle', lastName: 'Anka', email: 'kalle@example.se' });
    const path = join(t.dir, 'medlemmar.csv');
    await writeFile(path, iconv.encode([HEADER, ...ROWS, ''].join('\r\n'), 'win1252'));

    const info = await t.call('import.read', { path });
    expect(info).toMatchObject({ encoding: 'windows-1252', delimiter: ';', headerRow: 1, rowCount: 3, format: 'csv' });
    expect(info.headers[0]).toBe('Förnamn');
    expect(info.preview[1][6]).toBe('Malmö\nsödra');
    const mapping = info.suggested;
    expect(mapping).toEqual(['firstName', 'lastName', 'identityNumber', 'email', 'mobile', 'postcode', 'city', 'joinedOn', 'consentSms']);

    const preview = await t.call('import.preview', { path, mapping, duplicatePolicy: 'skip' });
    expect(preview).toMatchObject({ total: 3, create: 2, invalid: 1, duplicates: 0 });
    const bad = preview.rows.find((r) => r.row === 4)!;
    expect(bad.issues).toEqual([{ column: 2, field: 'identityNumber', code: 'personnummer-check-digit' }]);

    // Not all rows valid: refused unless asked for the valid ones only.
    expect(fieldCodes(await t.result('import.apply', { path, mapping }))).toEqual({ path: 'import-has-invalid-rows' });

    // Fixed in the preview: the row now matches Kalle by e-mail; filled into his empty fields.
    const fixes = [{ row: 4, column: 2, value: '19880320-0016' }];
    const fixed = await t.call('import.preview', { path, mapping, fixes, duplicatePolicy: 'fillEmpty' });
    expect(fixed.invalid).toBe(1); // now the same personnummer as row 2: repeated in the file
    expect(fixed.rows.find((r) => r.row === 4)!.issues[0].code).toBe('repeated-in-file');
    const run = await t.call('import.apply', { path, mapping, fixes: [], skip: [4], duplicatePolicy: 'fillEmpty' });
    expect(run).toMatchObject({ fileName: 'medlemmar.csv', created: 2, updated: 0, skipped: 1, undoable: true });

    const list = await t.call('members.list', { search: 'Öberg' });
    const asa = await t.call('members.get', { id: list.rows[0].id });
    expect(asa).toMatchObject({ firstName: 'Åsa', mobile: '+46701234567', postcode: '11418', joinedOn: '2024-01-31', birthDate: '1988-03-20', consentSms: true });
    const bjorn = await t.call('members.get', { id: (await t.call('members.list', { search: 'Bjørn' })).rows[0].id });
    expect(bjorn).toMatchObject({ lastName: 'Ærø', city: 'Malmö\nsödra'.replace(/\s+/g, ' '), joinedOn: '2024-01-31', consentSms: false });
    expect((await t.call('members.list', {})).total).toBe(3);
    expect(await t.call('import.runs', {})).toHaveLength(1);
    // An import is undone from the import screen only: bulk undo would know half of its effect.
    expect(await t.call('bulk.operations', {})).toEqual([]);

    const undone = await t.call('import.undo', { runId: run.id });
    expect(undone.undoneAt).not.toBeNull();
    expect((await t.call('members.list', {})).total).toBe(1);
    expect(fieldCodes(await t.result('import.undo', { runId: run.id }))).toEqual({ runId: 'import-already-undone' });
    expect((await t.call('members.get', { id: existing.id })).email).toBe('kalle@example.se');
  });

  it('duplicates: skip, fill empty fields, overwrite, create anyway; an update is undone', async () => {
    ({ t } = await registerOn());
    const kalle = await t.call('members.create', { country: 'SE', firstName: 'Kalle', lastName: 'Anka', email: 'kalle@example.se', city: 'Ankeborg' });
    const path = join(t.dir, 'a.csv');
    await writeFile(path, 'First name,Last name,Email,City,Mobile\nKalle,Anka,kalle@example.se,Gåseborg,0701234567\n');
    const mapping = ['firstName', 'lastName', 'email', 'city', 'mobile'] as const;
    const p = await t.call('import.preview', { path, mapping: [...mapping], duplicatePolicy: 'skip' });
    expect(p).toMatchObject({ skip: 1, duplicates: 1 });
    expect(p.rows[0].duplicate).toMatchObject({ memberId: kalle.id, reasons: ['same-email'] });
    expect(fieldCodes(await t.result('import.apply', { path, mapping: [...mapping], duplicatePolicy: 'skip' }))).toEqual({ path: 'nothing-to-import' });

    const fill = await t.call('import.apply', { path, mapping: [...mapping], duplicatePolicy: 'fillEmpty' });
    expect(fill).toMatchObject({ created: 0, updated: 1 });
    expect(await t.call('members.get', { id: kalle.id })).toMatchObject({ city: 'Ankeborg', mobile: '+46701234567' });
    await t.call('import.undo', { runId: fill.id });
    expect(await t.call('members.get', { id: kalle.id })).toMatchObject({ city: 'Ankeborg', mobile: null });
    // The import's history goes with it; the entry of the member's creation by hand stays.
    expect((await t.call('history.list', { memberId: kalle.id })).rows.map((h) => [h.field, h.source])).toEqual([['created', 'edit']]);

    const over = await t.call('import.apply', { path, mapping: [...mapping], duplicatePolicy: 'skip', decisions: [{ row: 2, policy: 'overwrite' }] });
    expect(await t.call('members.get', { id: kalle.id })).toMatchObject({ city: 'Gåseborg' });
    // Edited since: undo refuses rather than overwrite the edit.
    await t.call('members.update', { id: kalle.id, input: { ...(await t.call('members.get', { id: kalle.id })), street: 'Storgatan 1' } });
    expect(fieldCodes(await t.result('import.undo', { runId: over.id }))).toEqual({ runId: 'import-changed-since' });

    const create = await t.call('import.apply', { path, mapping: [...mapping], duplicatePolicy: 'create' });
    expect(create.created).toBe(1);
    expect(fieldCodes(await t.result('import.undo', { runId: over.id }))).toEqual({ runId: 'import-undo-not-latest' });
  });

  it('refuses what it cannot read, with the limit named; nothing is written', async () => {
    ({ t } = await registerOn());
    const bin = join(t.dir, 'bild.csv');
    await writeFile(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    expect(fieldCodes(await t.result('import.read', { path: bin }))).toEqual({ path: 'not-tabular' });
    const huge = join(t.dir, 'stor.csv');
    await writeFile(huge, `Förnamn;Efternamn\nAnna;"${'x'.repeat(10 * 1024 * 1024)}"\n`);
    const r = await t.result('import.read', { path: huge });
    expect(fieldCodes(r)).toEqual({ path: 'field-too-long' });
    expect(!r.ok && r.error.details).toMatchObject({ row: 2, column: 2 });
    const empty = join(t.dir, 'tom.csv');
    await writeFile(empty, '');
    expect(fieldCodes(await t.result('import.read', { path: empty }))).toEqual({ path: 'file-empty' });
    expect((await t.call('members.list', {})).total).toBe(0);
  });

  it('reads UTF-8 with BOM, ragged rows, an .xlsx with serial dates; saves mappings', async () => {
    ({ t } = await registerOn());
    const path = join(t.dir, 'bom.csv');
    await writeFile(path, '\uFEFFFornavn,Etternavn,Innmeldt\nOla,Nordmann,20240131\nKari,Nordmann\n');
    const info = await t.call('import.read', { path });
    expect(info).toMatchObject({ encoding: 'utf-8', delimiter: ',', headers: ['Fornavn', 'Etternavn', 'Innmeldt'] });
    const p = await t.call('import.preview', { path, mapping: info.suggested });
    expect(p).toMatchObject({ total: 2, create: 2, invalid: 0 });

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Medlemmar');
    ws.addRow(['Förnamn', 'Efternamn', 'Inträdesdatum']);
    ws.addRow(['Åsa', 'Öberg', 45322]);
    ws.addRow(['Per', 'Ek', new Date('2023-05-01T00:00:00Z')]);
    const xlsx = join(t.dir, 'medlemmar.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const x = await t.call('import.read', { path: xlsx });
    expect(x).toMatchObject({ format: 'xlsx', headers: ['Förnamn', 'Efternamn', 'Inträdesdatum'] });
    const run = await t.call('import.apply', { path: xlsx, mapping: x.suggested });
    expect(run.created).toBe(2);
    const asa = (await t.call('members.list', { search: 'Öberg' })).rows[0];
    expect(asa.joinedOn).toBe('2024-01-31');

    const saved = await t.call('import.mappings.save', { name: 'Gamla Excel', mapping: { Förnamn: 'firstName', Efternamn: 'lastName' } });
    await t.call('import.mappings.save', { name: 'Gamla Excel', mapping: { Förnamn: 'firstName' } });
    expect(await t.call('import.mappings.list', {})).toEqual([{ ...saved, mapping: { Förnamn: 'firstName' } }]);
    await t.call('import.mappings.delete', { id: saved.id });
    expect(await t.call('import.mappings.list', {})).toEqual([]);
  });
});

describe('a Norwegian file from Excel', () => {
  it('gives back the leading zero Excel took off a Norwegian postcode (0150 became 150); a Swedish one is not padded', async () => {
    t = await testCore({ now: fixedNow });
    await registerWith(t, 'NO');
    const path = join(t.dir, 'medlemmer.csv');
    await writeFile(path, iconv.encode('Fornavn;Etternavn;Postnummer;Poststed;Land\r\nOla;Nordmann;150;Oslo;\r\nKari;Berg;5003;Bergen;\r\nÅsa;Öberg;150;Göteborg;Sverige\r\nPer;Li;15;Oslo;\r\n', 'win1252'));
    const mapping = ['firstName', 'lastName', 'postcode', 'city', 'country'] as const;
    const preview = await t.call('import.preview', { path, mapping: [...mapping], duplicatePolicy: 'skip' });
    expect(preview.rows.filter((r) => r.issues.length).map((r) => [r.row, r.issues.map((i) => i.code)])).toEqual([[4, ['postcode-format']], [5, ['postcode-format']]]);
    await t.call('import.apply', { path, mapping: [...mapping], skip: [4, 5], duplicatePolicy: 'skip' });
    const ola = (await t.call('members.list', { search: 'Nordmann' })).rows[0];
    expect((await t.call('members.get', { id: ola.id })).postcode).toBe('0150');
  });
});

describe('own fields and groups', () => {
  it('imports into own fields and groups (suggested by name), checks values by kind, and undoes them', async () => {
    ({ t } = await registerOn());
    const size = await t.call('customFields.create', { name: 'Tröjstorlek', kind: 'choice', options: ['S', 'M', 'L'] });
    const key = await t.call('customFields.create', { name: 'Nyckel', kind: 'boolean' });
    const choir = await t.call('groups.create', { name: 'Kören', kind: 'section' });
    const old = await t.call('members.create', { country: 'SE', firstName: 'Eva', lastName: 'Lind', email: 'eva@example.se', joinedOn: '2020-01-01' });
    await t.call('customFields.setValues', { memberId: old.id, values: [{ fieldId: size.id, value: 'S' }] });
    const path = join(t.dir, 'f.csv');
    await writeFile(path, 'Förnamn;Efternamn;E-post;Tröjstorlek;Nyckel;Kören\nÅsa;Öberg;;m;ja;ja\nPer;Ek;;XXL;nej;nej\nEva;Lind;eva@example.se;L;ja;x\n');
    const info = await t.call('import.read', { path });
    expect(info.suggested).toEqual(['firstName', 'lastName', 'email', `custom:${size.id}`, `custom:${key.id}`, `group:${choir.id}`]);
    const p = await t.call('import.preview', { path, mapping: info.suggested, duplicatePolicy: 'overwrite' });
    expect(p.rows.find((r) => r.row === 3)!.issues).toEqual([{ column: 3, field: `custom:${size.id}`, code: 'custom-value-not-an-option' }]);

    const run = await t.call('import.apply', { path, mapping: info.suggested, duplicatePolicy: 'overwrite', onlyValid: true });
    expect(run).toMatchObject({ created: 1, updated: 1, skipped: 1 });
    const asa = (await t.call('members.list', { search: 'Öberg' })).rows[0];
    const values = await t.call('customFields.values', { memberId: asa.id });
    expect(values.map((v) => [v.fieldId, v.value]).sort()).toEqual([[size.id, 'M'], [key.id, true]].sort());
    const page = await t.call('members.page', { id: asa.id });
    expect(page.roles.map((r) => [r.groupId, r.role])).toEqual([[choir.id, 'member']]);
    expect((await t.call('customFields.values', { memberId: old.id })).find((v) => v.fieldId === size.id)?.value).toBe('L');
    expect((await t.call('members.page', { id: old.id })).roles).toHaveLength(1);

    await t.call('import.undo', { runId: run.id });
    expect((await t.call('customFields.values', { memberId: old.id })).map((v) => [v.fieldId, v.value])).toEqual([[size.id, 'S']]);
    expect((await t.call('members.page', { id: old.id })).roles).toHaveLength(0);
    expect((await t.call('members.list', {})).total).toBe(1);
  });
});

describe('member numbers from the old register', () => {
  it('suggests the column, keeps valid numbers, matches a number in use, refuses repeated and unreadable ones', async () => {
    expect(suggestMapping(['Medlemsnummer', 'Medl.nr', 'Member number'])).toEqual(['memberNumber', null, null]);
    expect(suggestMapping(['Medlemsnr', 'Fornavn', 'Etternavn'])).toEqual(['memberNumber', 'firstName', 'lastName']);
    ({ t } = await registerOn());
    const kalle = await t.call('members.create', { country: 'SE', firstName: 'Kalle', lastName: 'Anka' }); // number 1
    const path = join(t.dir, 'gamla.csv');
    await writeFile(path, ['Medlemsnr;Förnamn;Efternamn;Ort', '17;Åsa;Öberg;Umeå', ';Per;Ek;', '1;Kalle;Anka;Ankeborg', '40;Bo;Ström;', '40;Bo;Strömberg;', '12a;Lisa;Berg;', '0;Nils;Holm;', '1 234;Maja;Lund;'].join('\n'));
    const mapping = (await t.call('import.read', { path })).suggested;
    expect(mapping).toEqual(['memberNumber', 'firstName', 'lastName', 'city']);

    const preview = await t.call('import.preview', { path, mapping, duplicatePolicy: 'fillEmpty' });
    const row = (n: number) => preview.rows.find((r) => r.row === n)!;
    expect(preview).toMatchObject({ total: 8, create: 3, update: 1, invalid: 4 });
    expect(row(4).duplicate).toMatchObject({ memberId: kalle.id, reasons: ['same-member-number'] });
    expect(row(5).issues).toEqual([{ column: 0, field: 'memberNumber', code: 'member-number-repeated' }]);
    expect(row(6).issues).toEqual([{ column: 0, field: 'memberNumber', code: 'member-number-repeated' }]);
    expect(row(7).issues).toEqual([{ column: 0, field: 'memberNumber', code: 'member-number-invalid' }]);
    expect(row(8).issues).toEqual([{ column: 0, field: 'memberNumber', code: 'member-number-invalid' }]);
    // "Create anyway" cannot give a second member number 1.
    const create = await t.call('import.preview', { path, mapping, duplicatePolicy: 'create' });
    expect(create.rows.find((r) => r.row === 4)!.issues).toEqual([{ column: 0, field: 'memberNumber', code: 'member-number-in-use' }]);

    const run = await t.call('import.apply', { path, mapping, duplicatePolicy: 'fillEmpty', onlyValid: true });
    expect(run).toMatchObject({ created: 3, updated: 1, skipped: 4 });
    const numbers = (await t.call('members.list', { sort: 'memberNumber' })).rows.map((r) => [r.memberNumber, r.firstName]);
    // Kept: 17 and 1234; Per gets the next after the highest kept; Kalle keeps his and gets his city.
    expect(numbers).toEqual([[1, 'Kalle'], [17, 'Åsa'], [1234, 'Maja'], [1235, 'Per']]);
    expect((await t.call('members.get', { id: kalle.id })).city).toBe('Ankeborg');
    expect((await t.call('members.create', { country: 'SE', firstName: 'Ny', lastName: 'Medlem' })).memberNumber).toBe(1236);
  });
});

describe('the import in the register', () => {
  it("shows in each member's history as its own source, with the file name, and goes with the undo", async () => {
    ({ t } = await registerOn());
    const kalle = await t.call('members.create', { country: 'SE', firstName: 'Kalle', lastName: 'Anka', email: 'kalle@example.se' });
    const path = join(t.dir, 'medlemmar 2024.csv');
    await writeFile(path, 'Förnamn;Efternamn;E-post;Ort\nÅsa;Öberg;asa@example.se;Umeå\nKalle;Anka;kalle@example.se;Ankeborg\n');
    const mapping = ['firstName', 'lastName', 'email', 'city'] as const;
    const run = await t.call('import.apply', { path, mapping: [...mapping], duplicatePolicy: 'fillEmpty', jobId: 'import-1' });
    const asa = (await t.call('members.list', { search: 'Öberg' })).rows[0];
    expect((await t.call('history.list', { memberId: asa.id })).rows).toMatchObject([
      { field: 'created', oldValue: null, newValue: 'medlemmar 2024.csv', source: 'import' },
    ]);
    expect((await t.call('history.list', { memberId: kalle.id })).rows).toMatchObject([
      { field: 'city', oldValue: null, newValue: 'Ankeborg', source: 'import' },
      { field: 'created', oldValue: null, newValue: null, source: 'edit' },
    ]);
    // Progress of the check went to the window that asked, under its job id.
    const progress = t.events.filter((e) => e.event === 'job.progress').map((e) => e.payload);
    expect(progress.slice(-2)).toEqual([
      { jobId: 'import-1', done: 2, total: 2, label: 'import.check' },
      { jobId: 'import-1', done: 0, total: 2, label: 'import.write' },
    ]);

    await t.call('import.undo', { runId: run.id });
    expect((await t.call('history.list', { memberId: kalle.id })).rows.map((h) => [h.field, h.source])).toEqual([['created', 'edit']]);
    expect((await t.call('members.get', { id: kalle.id })).city).toBeNull();

    // Imported again, then edited by hand: the edit is an edit.
    await t.call('import.apply', { path, mapping: [...mapping], duplicatePolicy: 'fillEmpty' });
    const again = (await t.call('members.list', { search: 'Öberg' })).rows[0];
    await t.call('members.update', { id: again.id, input: { ...(await t.call('members.get', { id: again.id })), city: 'Luleå' } });
    expect((await t.call('history.list', { memberId: again.id })).rows.map((h) => [h.field, h.source])).toEqual([['city', 'edit'], ['created', 'import']]);

    // An import made before the range record stored a 'created' row per member: shown once.
    const ctx = t.core.context();
    ctx.write(() => ctx.db.run(sql`INSERT INTO member_history (member_id, at, field, old_value, new_value, source, op_id)
      SELECT ${again.id}, at, 'created', NULL, file_name, 'import', operation_id FROM import_runs WHERE undone_at IS NULL`));
    const shown = await t.call('history.list', { memberId: again.id });
    expect([shown.total, shown.rows.map((h) => `${h.field} ${h.source}`).sort()]).toEqual([2, ['city edit', 'created import']]);
    // The member that import updated still has its import entry, beside its creation by hand.
    expect((await t.call('history.list', { memberId: kalle.id })).rows.map((h) => [h.field, h.source])).toEqual([['city', 'import'], ['created', 'edit']]);
  });
});

describe('undo with a clock that moves', () => {
  it('undoes an import whose members got different times, and refuses once one is edited', async () => {
    // Every call of now() a millisecond later, as a real clock during a long import.
    let ms = Date.parse('2025-06-15T10:00:00Z');
    t = await testCore({ now: () => new Date(ms++) });
    await registerWith(t);
    const path = join(t.dir, 'm.csv');
    await writeFile(path, 'Förnamn;Efternamn\nÅsa;Öberg\nPer;Ek\nKari;Holm\n');
    const mapping: ('firstName' | 'lastName')[] = ['firstName', 'lastName'];
    const first = await t.call('import.apply', { path, mapping });
    await t.call('import.undo', { runId: first.id });
    expect((await t.call('members.list', {})).total).toBe(0);

    const second = await t.call('import.apply', { path, mapping });
    const per = (await t.call('members.list', { search: 'Ek' })).rows[0];
    await t.call('members.update', { id: per.id, input: { ...(await t.call('members.get', { id: per.id })), city: 'Lund' } });
    expect(fieldCodes(await t.result('import.undo', { runId: second.id }))).toEqual({ runId: 'import-changed-since' });
  });
});
