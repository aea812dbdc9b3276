import { describe, expect, it } from 'vitest';
import { mm } from '../pdf';
import { ADDRESS_BOX, WINDOW_MM } from './envelope';
import { hasTool, pageCount, pdfText, pdfWords, qrCodes, type Word } from './poppler';
import { renderLetters } from './render';
import { sampleIssuer, sampleLetter } from './samples';
import type { LetterData, LetterIssuer } from './types';

const poppler = hasTool('pdftotext') && hasTool('pdftoppm');
const zbar = hasTool('zbarimg');
if (!poppler) console.warn('SKIPPED letter PDF checks: pdftotext/pdftoppm (poppler-utils) not installed');
if (!zbar) console.warn('SKIPPED Swish QR decoding: zbarimg (zbar-tools) not installed');

const CREATED = new Date('2026-02-01T09:00:00Z');
const render = (issuer: LetterIssuer, letter: LetterData) => renderLetters(issuer, [letter], { createdAt: CREATED });

/** The envelope window in points, as pdftotext -bbox measures (top-left origin). */
const WINDOW = {
  x0: mm(WINDOW_MM.left),
  y0: mm(WINDOW_MM.top),
  x1: mm(WINDOW_MM.left + WINDOW_MM.width),
  y1: mm(WINDOW_MM.top + WINDOW_MM.height),
};
const inWindow = (w: Word) => w.page === 1 && w.xMin >= WINDOW.x0 && w.xMax <= WINDOW.x1 && w.yMin >= WINDOW.y0 && w.yMax <= WINDOW.y1;
const touchesWindow = (w: Word) => w.page === 1 && w.xMax > WINDOW.x0 && w.xMin < WINDOW.x1 && w.yMax > WINDOW.y0 && w.yMin < WINDOW.y1;

/** The words of the address (name + lines) must all be inside the window, and nothing else may show in it. */
function expectAddressInWindow(words: Word[], letter: LetterData) {
  const expected = [letter.recipient.name, ...(letter.recipient.addressLines ?? [])].join(' ').split(/\s+/);
  const shown = words.filter(touchesWindow);
  expect(shown.map((w) => w.text).join(' ')).toBe(expected.join(' '));
  for (const w of shown) expect(inWindow(w), `${w.text} at ${JSON.stringify(w)}`).toBe(true);
}

describe.runIf(poppler)('dues letter PDF', () => {
  it('an invoice holds the name with å ä ö æ ø, the amount, the OCR reference and the due date', async () => {
    const letter = { ...sampleLetter(3), recipient: { name: 'Bjørn Æsa Öberg-Ångström', addressLines: ['Storgatan 4', '214 39 Västerås'], email: null } };
    const text = pdfText(await render(sampleIssuer(), letter));
    expect(text).toContain('Bjørn Æsa Öberg-Ångström');
    expect(text).toContain('Faktura');
    expect(text).toContain('450,00 kr');
    expect(text).toContain(letter.reference);
    expect(text).toContain('Förfallodag 2026-03-31');
    expect(text).toContain('Betala senast 2026-03-31');
    expect(text).toContain('Bankgiro 5050-1055');
    expect(text).toContain('Fakturanummer 2026-0004');
    expect(text).toContain('Medlemsnummer 1003');
    expect(text).toContain('Org.nr 802000-1234');
    expect(text).toContain('Hej Bjørn!');
  });

  it('a Norwegian invoice: account as 1234.56.78903, KID, dates as 31.03.2026, no Swish', async () => {
    const letter = sampleLetter(6, { country: 'NO' });
    const pdf = await render(sampleIssuer('NO'), letter);
    const text = pdfText(pdf);
    expect(text).toContain('Kontonummer 1234.56.78903');
    expect(text).toContain(`KID ${letter.reference}`);
    expect(text).toContain('Forfallsdato 31.03.2026');
    expect(text).toContain('Å betale 250,00 kr');
    expect(text).toContain('Ærøy Bygdelag');
    expect(text).not.toContain('Swish');
    if (zbar) expect(qrCodes(pdf)).toEqual([]);
  });

  it('a reminder shows its round, what was paid and what is still owed, and asks for the rest', async () => {
    const letter = sampleLetter(4, { kind: 'reminder' });
    expect(letter.owed).toBe(18000);
    const text = pdfText(await render(sampleIssuer(), letter));
    expect(text).toContain('Påminnelse 1');
    expect(text).toContain('Påminnelseavgift 30,00 kr');
    expect(text).toContain('Summa 280,00 kr');
    expect(text).toContain('Betalt hittills 100,00 kr');
    expect(text).toContain('Kvar att betala 180,00 kr');
    expect(text).toContain('Att betala 180,00 kr');
    expect(text).toContain('Förfallodag 2026-04-30');
    // The intro states the facts (the round's own text greets and asks).
    expect(text).toContain(`Faktura ${letter.invoiceNumber} är delvis betald. Kvar att betala: 180,00 kr, ny förfallodag 2026-04-30.`);
    const unpaid = { ...letter, language: 'nb' as const, paid: 0, owed: letter.total };
    expect(pdfText(await render(sampleIssuer(), unpaid))).toContain(
      `Faktura ${letter.invoiceNumber} er ikke registrert som betalt. Gjenstår å betale: 280,00 kr, ny forfallsdato 30.04.2026.`,
    );
  });

  it('a credit note names the invoice it credits, prints negative amounts and no payment slip', async () => {
    const letter = { ...sampleLetter(5, { kind: 'creditNote' }), creditsInvoiceNumber: '2025-0417' };
    const pdf = await render(sampleIssuer(), letter);
    const text = pdfText(pdf);
    expect(text).toContain('Kreditfaktura');
    expect(text).toContain('Krediterar faktura 2025-0417');
    expect(text).toContain('−250,00 kr');
    expect(text).toContain('Summa kredit −450,00 kr');
    expect(text).not.toContain('Så betalar du');
    expect(text).not.toContain('Förfallodag');
    if (zbar) expect(qrCodes(pdf)).toEqual([]);
  });

  it.runIf(zbar)('the Swish QR code decoded from the rendered page equals the payload', async () => {
    for (const letter of [sampleLetter(3), sampleLetter(4, { kind: 'reminder' })]) {
      expect(letter.swishPayload).toMatch(/^C1231181189;\d+,\d{2};\d+;0$/);
      expect(qrCodes(await render(sampleIssuer(), letter))).toEqual([letter.swishPayload]);
    }
  });

  it('puts the name and address inside the C5 left window (15 mm from the left, 44 mm from the top, 105 × 35 mm) and nothing else there', async () => {
    const letter = sampleLetter(3);
    const words = pdfWords(await render(sampleIssuer(), letter));
    expectAddressInWindow(words, letter);
    // Inset from the window's edges, so a sheet that slides a little still shows it all.
    const shown = words.filter(inWindow);
    expect(Math.min(...shown.map((w) => w.xMin))).toBeCloseTo(ADDRESS_BOX.x, 0);
    expect(Math.min(...shown.map((w) => w.yMin))).toBeGreaterThanOrEqual(ADDRESS_BOX.y - 1);
  });

  it('a long name, a six-line address and a long association name still fit the window; nothing is cut off', async () => {
    const issuer = {
      ...sampleIssuer(),
      name: 'Riksförbundet för Folkbildning och Allmän Upplysning, avdelning Östra Göinge med omnejd',
      addressLines: ['c/o Åsa Öberg-Lindqvist, Långa Vägen 123 B, lägenhet 1402', '114 18 Stockholm'],
      contact: 'kassor@riksforbundet-ostra-goinge.example.se · 070-123 45 67 · tisdagar 18–20',
    };
    const base = sampleLetter(7, { lines: 45 });
    const letter: LetterData = {
      ...base,
      recipient: {
        name: 'Maria Åsa Margareta Öberg-Lindqvist Ångström de la Gardie von Ødegård',
        addressLines: ['c/o Familjen Bjørnstjerne-Sæther Ödegårdsson', 'Långa Kvarngatan 123 B, lägenhet 1402, våning 14', 'Box 12345', '114 18 Stockholm', 'SVERIGE'],
        email: null,
      },
      lines: base.lines.map((l, i) => (i === 3 ? { ...l, description: 'Medlemsavgift 2026 för familjemedlemskap inklusive tidningen och försäkring för verksamhet i föreningens lokaler' } : l)),
      personalText: `Hej Maria!\n\n${'Tack för att du är med. '.repeat(40)}\n\nStyrelsen`,
    };
    const pdf = await render(issuer, letter);
    const words = pdfWords(pdf);
    expectAddressInWindow(words, letter);
    expect(pageCount(pdf)).toBeGreaterThan(1);
    const text = pdfText(pdf);
    for (const line of letter.lines) expect(text).toContain(line.description);
    expect(text).toContain(`Summa ${(letter.total / 100).toFixed(2).replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} kr`);
    expect(text).toContain('Riksförbundet för Folkbildning och Allmän Upplysning, avdelning Östra Göinge med omnejd');
    // Every word lies on the sheet, and the header ends above the window.
    for (const w of words) {
      expect(w.xMin).toBeGreaterThanOrEqual(0);
      expect(w.xMax).toBeLessThanOrEqual(mm(210));
      expect(w.yMax).toBeLessThanOrEqual(mm(297 - 8));
    }
    const header = words.filter((w) => w.page === 1 && w.yMax < WINDOW.y0);
    expect(header.map((w) => w.text).join(' ')).toContain('Östra Göinge med omnejd');
  });

  it('an English letter with IBAN, BIC and an RF reference, without a logo', async () => {
    const issuer = { ...sampleIssuer('SE', false), iban: 'SE4550000000058398257466', bic: 'ESSESESS' };
    const letter: LetterData = { ...sampleLetter(2), language: 'en', referenceKind: 'rf', reference: 'RF18539007547034' };
    const text = pdfText(await render(issuer, letter));
    expect(text).toContain('Invoice');
    expect(text).toContain('IBAN SE45 5000 0000 0583 9825 7466');
    expect(text).toContain('BIC ESSESESS');
    expect(text).toContain('Reference RF18 5390 0754 7034');
    expect(text).toContain('Due date 31 March 2026');
    expect(text).toContain('SEK 250.00');
  });

  it('one combined document: each letter on its own sheet, address in the window on each', async () => {
    const letters = [sampleLetter(0), sampleLetter(1, { lines: 30 }), sampleLetter(2, { kind: 'reminder' })];
    const pdf = await renderLetters(sampleIssuer(), letters, { createdAt: CREATED });
    const words = pdfWords(pdf);
    const firstPages = [1];
    for (const w of words) if (w.text === 'Fakturanummer' && !firstPages.includes(w.page)) firstPages.push(w.page);
    expect(firstPages).toHaveLength(3);
    letters.forEach((letter, i) => {
      const page = firstPages[i];
      const onPage = words.filter((w) => w.page === page).map((w) => ({ ...w, page: 1 }));
      expectAddressInWindow(onPage, letter);
    });
  });
});
