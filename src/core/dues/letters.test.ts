import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateKid } from '../../shared/nordic/kid';
import { validateOcr } from '../../shared/nordic/ocr';
import { vectorsOf } from '../../shared/test-vectors';
import { fieldCodes } from '../test-support';
import { ADDRESS, duesTest, SE_PAYMENT, type DuesTest } from './test-fixtures';

let d: DuesTest;
afterEach(() => d?.t.dispose());

const LETTER = 'Hej {firstName}!\nDu har medlemsnummer {memberNumber}. {activities}';

async function swedishYear(d: DuesTest) {
  await d.call('dues.saveSettings', {
    ...SE_PAYMENT,
    associationName: 'Föreningen Ödegård',
    addressLines: ['Box 12', '114 18 Stockholm'],
    contact: 'kassor@example.se',
    letterText: LETTER,
    activitiesText: 'Vårmöte på Café Blåbär 12 mars.',
  });
  const m = {
    asa: await d.member({ firstName: 'Åsa', lastName: 'Ødegård-Æsir', ...ADDRESS.SE, email: 'asa@example.se' }),
    kalle: await d.member({ firstName: 'Kalle', lastName: 'Lund', email: 'kalle@example.se' }),
    nils: await d.member({ firstName: 'Nils', lastName: 'Norrman', country: 'NO', street: 'Storgata 1', postcode: '0150', city: 'Oslo' }),
  };
  await d.call('dues.saveFees', { year: 2026, fees: [{ membershipTypeId: 1, amount: 10000, dueOn: '2026-03-31' }] });
  const run = await d.call('dues.run', { year: 2026, invoiceDate: '2026-02-01' });
  return { m, run };
}

describe('letter data', () => {
  it('builds one invoice letter per invoice: merged personal text, window address lines, Swish payload in the spec’s format', async () => {
    d = await duesTest();
    const { m, run } = await swedishYear(d);
    const out = join(d.t.dir, 'Fakturor 2026.pdf');
    const result = await d.call('dues.letters', { source: { kind: 'run', runId: run.id }, mode: 'combined', path: out, sort: 'name', jobId: 'job-1' });
    expect(result).toEqual({ path: out, letters: 3, indexPath: null, notPrintable: [] });
    const [{ jobId, job }] = d.jobs.letters;
    expect(jobId).toBe('job-1');
    expect(job).toMatchObject({ mode: 'combined', path: out, sort: 'name' });
    expect(job.issuer).toMatchObject({
      name: 'Föreningen Ödegård',
      addressLines: ['Box 12', '114 18 Stockholm'],
      contact: 'kassor@example.se',
      country: 'SE',
      currency: 'SEK',
      bankgiro: '54029681',
      swishNumber: '1237856901',
      bankAccount: null,
      logo: null,
    });

    const asa = job.letters.find((l) => l.memberNumber === 1)!;
    const invoices = (await d.call('dues.invoices', { year: 2026 })).rows;
    const asaInvoice = invoices.find((i) => i.member.memberId === m.asa)!;
    expect(asa).toMatchObject({
      kind: 'invoice',
      language: 'sv',
      fileStem: '1-Odegard-AEsir-Asa',
      invoiceNumber: asaInvoice.number,
      issuedOn: '2026-02-01',
      dueOn: '2026-03-31',
      recipient: { name: 'Åsa Ødegård-Æsir', addressLines: ['Storgatan 1', '114 18 Stockholm'], email: 'asa@example.se' },
      lines: [{ description: 'Medlemsavgift 2026 – Fullvärdig', amount: 10000 }],
      total: 10000,
      paid: 0,
      owed: 10000,
      reference: asaInvoice.reference,
      referenceKind: 'ocr',
      reminderRound: null,
      creditsInvoiceNumber: null,
      personalText: 'Hej Åsa!\nDu har medlemsnummer 1. Vårmöte på Café Blåbär 12 mars.',
    });
    expect(validateOcr(asa.reference, 'variable').ok).toBe(true);
    // The spec's example with this letter's reference as the message: payee;amount with decimal comma;message;mask 0.
    const spec = vectorsOf('4_swish_qr').find((v) => v.input.editable && (v.input.editable as string[]).length === 0)!;
    expect(spec.expected).toBe('C1237856901;100,00;12229445;0');
    expect(asa.swishPayload).toBe((spec.expected as string).replace('12229445', asa.reference));

    const kalle = job.letters.find((l) => l.memberNumber === 2)!;
    expect(kalle.recipient).toEqual({ name: 'Kalle Lund', addressLines: null, email: 'kalle@example.se' });
    const nils = job.letters.find((l) => l.memberNumber === 3)!;
    expect(nils.recipient.addressLines).toEqual(['Storgata 1', 'NO-0150 Oslo', 'NORGE']);

    const preview = await d.call('dues.lettersPreview', { source: { kind: 'run', runId: run.id } });
    expect(preview.letters).toBe(3);
    expect(preview.notPrintable.map((p) => p.memberId)).toEqual([m.kalle]);
    expect(preview.withoutEmail.map((p) => p.memberId)).toEqual([m.nils]);
  });

  it('makes reminder letters with what is still owed, credit notes without a QR code, and chosen invoices', async () => {
    d = await duesTest();
    const { m } = await swedishYear(d);
    const asaInvoice = (await d.call('dues.invoices', { memberId: m.asa, year: 2026 })).rows[0];
    await d.call('dues.recordPayment', { invoiceId: asaInvoice.id, paidOn: '2026-02-10', amount: 4000, method: 'swish' });
    const [round] = await d.call('dues.rounds', { year: 2026 });
    await d.call('dues.saveRounds', {
      year: 2026,
      rounds: (await d.call('dues.rounds', { year: 2026 })).map((r) => ({ remindOn: r.remindOn, dueOn: r.dueOn, fee: r.round === 1 ? 2000 : 0, text: r.round === 1 ? 'Påminnelse till {firstName} {lastName} för {year}.' : r.text })),
    });
    expect(fieldCodes(await d.result('dues.letters', { source: { kind: 'round', roundId: round.id }, mode: 'separate', path: d.t.dir, jobId: 'j' }))).toEqual({ 'source.roundId': 'round-not-run' });
    await d.call('dues.runReminder', { roundId: round.id });
    await d.call('dues.letters', { source: { kind: 'round', roundId: round.id }, mode: 'separate', path: d.t.dir, jobId: 'j2' });
    const reminder = d.jobs.letters[0].job.letters.find((l) => l.memberNumber === 1)!;
    expect(reminder).toMatchObject({
      kind: 'reminder',
      reminderRound: 1,
      issuedOn: '2026-04-01',
      dueOn: '2026-04-30',
      total: 12000,
      paid: 4000,
      owed: 8000,
      personalText: 'Påminnelse till Åsa Ødegård-Æsir för 2026.',
      swishPayload: `C1237856901;80,00;${asaInvoice.reference};0`,
    });
    expect(reminder.lines.at(-1)).toEqual({ description: 'Påminnelseavgift (påminnelse 1)', amount: 2000 });
    expect(d.jobs.letters[0].job.sort).toBe('postcode');

    const note = await d.call('dues.credit', { invoiceId: asaInvoice.id });
    await d.call('dues.letters', { source: { kind: 'invoices', invoiceIds: [note.id, asaInvoice.id] }, mode: 'combined', path: join(d.t.dir, 'k.pdf'), jobId: 'j3' });
    const chosen = d.jobs.letters[1].job.letters;
    const credit = chosen.find((l) => l.kind === 'creditNote')!;
    const credited = chosen.find((l) => l.kind === 'invoice')!;
    expect(credit).toMatchObject({ kind: 'creditNote', total: -12000, owed: 0, creditsInvoiceNumber: asaInvoice.number, swishPayload: null, personalText: '' });
    expect(credit.fileStem).toBe(`1-Odegard-AEsir-Asa-${note.number}`);
    expect(credited).toMatchObject({ kind: 'invoice', owed: 0, swishPayload: null, fileStem: `1-Odegard-AEsir-Asa-${asaInvoice.number}` });

    expect(fieldCodes(await d.result('dues.letters', { source: { kind: 'invoices', invoiceIds: [999] }, mode: 'combined', path: join(d.t.dir, 'x.pdf'), jobId: 'j4' }))).toEqual({ 'source.invoiceIds': 'invoice-not-found' });
    expect(fieldCodes(await d.result('dues.letters', { source: { kind: 'invoices', invoiceIds: [note.id] }, mode: 'combined', path: 'relative.pdf', jobId: 'j5' }))).toEqual({ path: 'path-not-absolute' });
  });

  it('writes Norwegian letters with KID and the bank account, and no Swish', async () => {
    d = await duesTest('NO');
    await d.call('dues.saveSettings', { associationName: 'Idrettslaget Ørn', referenceKind: 'kid', kidMode: 'MOD10', bankAccount: '1234.56.78903', orgNumber: '923609016', letterText: 'Hei {firstName}! {activities}', activitiesText: 'Dugnad på Bøler.' });
    await d.member({ firstName: 'Bjørn', lastName: 'Dæhlie', ...ADDRESS.NO });
    await d.call('dues.saveFees', { year: 2026, fees: [{ membershipTypeId: 1, amount: 50000, dueOn: '2026-03-31' }] });
    const run = await d.call('dues.run', { year: 2026, invoiceDate: '2026-02-01' });
    await d.call('dues.letters', { source: { kind: 'run', runId: run.id }, mode: 'combined', path: join(d.t.dir, 'f.pdf'), jobId: 'n' });
    const { issuer, letters } = d.jobs.letters[0].job;
    expect(issuer).toMatchObject({ country: 'NO', currency: 'NOK', bankAccount: '12345678903', bankgiro: null, swishNumber: null, orgNumber: '923 609 016' });
    expect(letters[0]).toMatchObject({
      language: 'nb',
      referenceKind: 'kid',
      swishPayload: null,
      personalText: 'Hei Bjørn! Dugnad på Bøler.',
      recipient: { name: 'Bjørn Dæhlie', addressLines: ['Storgata 1', '0150 Oslo'] },
      lines: [{ description: 'Kontingent 2026 – Ordinær', amount: 50000 }],
    });
    expect(validateKid(letters[0].reference, 'MOD10').ok).toBe(true);
  });

  it('leaves the activities’ lead-in out of the default letter when the association has none, and reminders keep their stored text', async () => {
    d = await duesTest('NO');
    const stored = await d.call('dues.settings', {});
    expect(stored.letterText).toContain('Dette skjer fremover:\n{activities}');
    await d.call('dues.saveSettings', { associationName: 'Idrettslaget Ørn', referenceKind: 'kid', kidMode: 'MOD10', bankAccount: '1234.56.78903', letterText: stored.letterText, activitiesText: '' });
    const per = await d.member({ firstName: 'Per', lastName: 'Æsøy', ...ADDRESS.NO });
    await d.call('dues.saveFees', { year: 2026, fees: [{ membershipTypeId: 1, amount: 50000, dueOn: '2026-03-31' }] });
    const run = await d.call('dues.run', { year: 2026, invoiceDate: '2026-02-01' });
    await d.call('dues.letters', { source: { kind: 'run', runId: run.id }, mode: 'combined', path: join(d.t.dir, 'f.pdf'), jobId: 'a' });
    expect(d.jobs.letters[0].job.letters[0].personalText).toBe(
      'Hei Per!\n\nTakk for at du er medlem i Idrettslaget Ørn. Her kommer kontingenten for 2026.\n\nTa gjerne kontakt om du vil være med!',
    );

    // Round 1 keeps the default it was made with; round 2 gets the association's own words, as saved.
    const rounds = await d.call('dues.rounds', { year: 2026 });
    const own = 'Hei {firstName}! Dette skjer:\n{activities}\n\nHusk kontingenten.';
    await d.call('dues.saveRounds', { year: 2026, rounds: rounds.map((r) => ({ remindOn: r.remindOn, dueOn: r.dueOn, fee: 0, text: r.round === 2 ? own : r.text })) });
    const saved = await d.call('dues.rounds', { year: 2026 });
    expect(saved[0].text).toBe(rounds[0].text);
    expect(saved[1].text).toBe(own);
    const invoice = (await d.call('dues.invoices', { memberId: per, year: 2026 })).rows[0];
    await d.call('dues.recordPayment', { invoiceId: invoice.id, paidOn: '2026-02-10', amount: 20000, method: 'cash' });
    for (const round of saved.slice(0, 2)) {
      await d.call('dues.runReminder', { roundId: round.id });
      await d.call('dues.letters', { source: { kind: 'round', roundId: round.id }, mode: 'combined', path: join(d.t.dir, 'r.pdf'), jobId: `r${round.round}` });
    }
    const [first, second] = d.jobs.letters.slice(1).map((j) => j.job.letters[0]);
    expect(first).toMatchObject({ kind: 'reminder', reminderRound: 1, paid: 20000, owed: 30000 });
    expect(first.personalText).toMatch(/^Hei Per!\n\nEn vennlig påminnelse om kontingenten for 2026\./);
    expect(second.personalText).toBe('Hei Per!\n\nHusk kontingenten.');
  });

  it('refuses to print while payment details are missing', async () => {
    d = await duesTest();
    await d.call('dues.saveSettings', { ...SE_PAYMENT, associationName: 'F' });
    await d.member({ firstName: 'Åsa', lastName: 'Ö', ...ADDRESS.SE });
    await d.call('dues.saveFees', { year: 2026, fees: [{ membershipTypeId: 1, amount: 10000, dueOn: '2026-03-31' }] });
    const run = await d.call('dues.run', { year: 2026, invoiceDate: '2026-02-01' });
    await d.call('dues.saveSettings', { associationName: 'F', referenceKind: 'ocr' });
    expect(fieldCodes(await d.result('dues.letters', { source: { kind: 'run', runId: run.id }, mode: 'combined', path: join(d.t.dir, 'f.pdf'), jobId: 'x' }))).toEqual({
      bankgiro: 'bankgiro-or-plusgiro-required',
    });
    expect(d.jobs.letters).toEqual([]);
  });
});

describe('letters through the real job runner', () => {
  it('renders a combined PDF holding the name, amount, reference and due date', async () => {
    const { execFileSync } = await import('node:child_process');
    d = await duesTest();
    const { run } = await swedishYear(d);
    const path = join(d.t.dir, 'Fakturor.pdf');
    // d.t.call goes through createCore's own handlers, i.e. the real letters job.
    const result = await d.t.call('dues.letters', { source: { kind: 'run', runId: run.id }, mode: 'combined', path, sort: 'postcode', jobId: 'real' });
    expect(result.notPrintable.map((n) => n.name)).toEqual(['Kalle Lund']);
    const text = execFileSync('pdftotext', ['-layout', result.path, '-'], { encoding: 'utf8' });
    const asa = (await d.call('dues.invoices', { year: 2026 })).rows.find((r) => r.member.memberNumber === 1)!;
    expect(text).toContain('Åsa Ødegård-Æsir');
    expect(text).toMatch(/100,00/);
    expect(text.replace(/\s/g, '')).toContain(asa.reference);
    expect(text).toMatch(/2026-03-31|31 mars 2026/);
    expect(d.t.events.some((e) => e.event === 'job.progress' && (e.payload as { jobId: string }).jobId === 'real')).toBe(true);
  });
});
