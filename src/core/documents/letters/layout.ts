import type { Column, Content, ContentTable, TableCell } from 'pdfmake/interfaces';
import { mm, textWidth } from '../pdf';
import { addressBlock } from './address';
import { WINDOW_MM } from './envelope';
import { formatDate, formatMoney, formatAccount, formatReference, formatSwishNumber, groupsOfFour } from './format';
import { qrDataUrl } from './qr';
import { LETTER_TEXTS, type LetterTexts } from './texts';
import { wrap } from './wrap';
import type { LetterData, LetterIssuer } from './types';

/**
 * One dues letter (invoice, reminder, credit note) as pdfmake content, for a document of its own
 * or as one of many in the combined print file (`first` = false starts it on a new sheet).
 *
 * The first sheet, from the top (A4, millimetres from the top-left corner):
 *   15–40   the association: logo (≤ 40 × 20 mm) and name and address, left; the title, right
 *   44–79   the envelope window, left (envelope.ts): the recipient's name and address;
 *           beside it, right of x 125 mm: invoice number, dates, member number
 *   88–     the flowing part: intro (reminder, credit note), the board's letter, the lines and
 *           totals, payment instructions with the Swish QR code (kept together)
 *   footer  name, org. number and contact, on every sheet
 * Long content flows onto further sheets; the lines table repeats its heading there.
 */

/** The logo's key in the document's `images` dictionary (embedded once, even in a combined file). */
export const LOGO_IMAGE = 'issuerLogo';

const LEFT = mm(25);
const RIGHT_COLUMN_X = mm(WINDOW_MM.left + WINDOW_MM.width + 6);
const RIGHT_COLUMN_WIDTH = mm(210 - 20) - RIGHT_COLUMN_X;
/** Where the flowing content starts below the window, from the top margin (20 mm). */
const FLOW_TOP = mm(88 - 20);
const GREY = '#555555';

interface Ctx {
  issuer: LetterIssuer;
  letter: LetterData;
  t: LetterTexts;
  money: (minor: number) => string;
  /** Credit notes print every amount negative, whichever sign the data carries. */
  sign: (minor: number) => number;
}

/**
 * What depends on the issuer only (the fitted header and footer lines) is measured once per
 * issuer object and language, not per letter or per sheet: measuring text is the slow part of a
 * letter after pdfmake's own work. Issuer objects are not changed once handed to the letters.
 */
const perIssuer = new WeakMap<LetterIssuer, Map<string, unknown>>();
function memo<T>(issuer: LetterIssuer, key: string, make: () => T): T {
  let m = perIssuer.get(issuer);
  if (!m) perIssuer.set(issuer, (m = new Map()));
  if (!m.has(key)) m.set(key, make());
  return m.get(key) as T;
}

/** The header ends 2 mm above the envelope window, whatever the association's name. */
const HEADER_TOP = mm(15);
const HEADER_HEIGHT = mm(WINDOW_MM.top - 2) - HEADER_TOP;
const HEADER_LINE_HEIGHT = 1.1;

interface SenderLines {
  name: string[];
  nameSize: number;
  address: string[];
}

/**
 * The association's name and address, set so they end above the window: the name as large as
 * fits (12 → 9 pt, wrapped), with the address below it at 8.5 pt; a name too long for both
 * leaves the address out here (it is in the footer on every sheet).
 */
function fitSender(issuer: LetterIssuer, width: number): SenderLines {
  const height = (name: string[], size: number, address: string[]) => (name.length * size + address.length * 8.5) * HEADER_LINE_HEIGHT;
  const addressLines = issuer.addressLines.filter((l) => l.trim());
  const sizes = [12, 11, 10, 9];
  for (const withAddress of [true, false]) {
    for (const size of sizes) {
      const name = wrap(issuer.name, size, width, true);
      const address = withAddress ? addressLines.flatMap((l) => wrap(l, 8.5, width)) : [];
      if (height(name, size, address) <= HEADER_HEIGHT) return { name, nameSize: size, address };
    }
  }
  return { name: wrap(issuer.name, 9, width, true), nameSize: 9, address: [] };
}

function header(c: Ctx): Content[] {
  const { issuer, t, letter } = c;
  const title = letter.kind === 'reminder' && letter.reminderRound ? t.reminderTitle(letter.reminderRound) : t.title[letter.kind];
  const textColumnWidth = mm(WINDOW_MM.left + WINDOW_MM.width) - LEFT - (issuer.logo ? mm(44) : 0);
  const fitted = memo(issuer, 'sender', () => fitSender(issuer, textColumnWidth - 2));
  const sender: Column = {
    width: textColumnWidth,
    stack: [
      ...fitted.name.map((text) => ({ text, bold: true, fontSize: fitted.nameSize, lineHeight: HEADER_LINE_HEIGHT, noWrap: true })),
      ...fitted.address.map((text) => ({ text, fontSize: 8.5, color: GREY, lineHeight: HEADER_LINE_HEIGHT, noWrap: true })),
    ],
  };
  return [
    {
      absolutePosition: { x: LEFT, y: HEADER_TOP },
      columns: issuer.logo ? [{ image: LOGO_IMAGE, fit: [mm(40), mm(20)], width: mm(44) }, sender] : [sender],
    },
    {
      absolutePosition: { x: RIGHT_COLUMN_X, y: HEADER_TOP },
      text: title,
      fontSize: 18,
      bold: true,
      width: RIGHT_COLUMN_WIDTH,
    } as Content,
  ];
}

function facts(c: Ctx): Content {
  const { t, letter } = c;
  const rows: [string, string][] = [
    [t.invoiceNumber, letter.invoiceNumber],
    [t.date, formatDate(letter.issuedOn, letter.language)],
  ];
  if (letter.kind !== 'creditNote') rows.push([t.dueDate, formatDate(letter.dueOn, letter.language)]);
  if (letter.kind === 'creditNote' && letter.creditsInvoiceNumber) rows.push([t.credits, letter.creditsInvoiceNumber]);
  rows.push([t.memberNumber, String(letter.memberNumber)]);
  return {
    absolutePosition: { x: RIGHT_COLUMN_X, y: mm(WINDOW_MM.top + 1) },
    table: {
      widths: ['auto', '*'],
      body: rows.map(([label, value]) => [
        { text: label, fontSize: 8.5, color: GREY },
        { text: value, fontSize: 10, bold: true },
      ]),
    },
    layout: 'noBorders',
  };
}

function paragraphs(text: string): Content[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ text: p, margin: [0, 0, 0, 6] as [number, number, number, number] }));
}

function amountCell(text: string, bold = false): TableCell {
  return { text, alignment: 'right', bold, noWrap: true };
}

function linesTable(c: Ctx): ContentTable {
  const { t, letter, money, sign } = c;
  const body: TableCell[][] = [
    [
      { text: t.description, bold: true, fontSize: 9, color: GREY },
      { text: t.amount, bold: true, fontSize: 9, color: GREY, alignment: 'right' },
    ],
  ];
  for (const line of letter.lines) body.push([{ text: line.description }, amountCell(money(sign(line.amount)))]);
  const totalRow = (label: string, amount: number, bold: boolean) => [{ text: label, bold }, amountCell(money(amount), bold)];
  if (letter.kind === 'creditNote') body.push(totalRow(t.creditTotal, sign(letter.total), true));
  // An invoice partly paid already (credit used by the run) shows what is left, as a reminder does.
  else if (letter.kind === 'reminder' || letter.paid > 0) {
    body.push(totalRow(t.total, letter.total, false));
    body.push(totalRow(t.paid, letter.paid, false));
    body.push(totalRow(t.owed, letter.owed, true));
  } else body.push(totalRow(t.total, letter.total, true));
  const totals = body.length - 1 - letter.lines.length;
  return {
    margin: [0, 6, 0, 10],
    table: { headerRows: 1, dontBreakRows: true, keepWithHeaderRows: 1, widths: ['*', 'auto'], body },
    layout: {
      hLineWidth: (i: number, node: ContentTable) => (i === 1 || i === node.table.body.length - totals ? 0.6 : 0),
      vLineWidth: () => 0,
      hLineColor: () => '#888888',
      paddingLeft: () => 0,
      paddingRight: () => 0,
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
  };
}

function paymentRows(c: Ctx): [string, string, boolean?][] {
  const { issuer, t, letter, money } = c;
  const rows: [string, string, boolean?][] = [];
  if (issuer.bankgiro) rows.push([t.bankgiro, issuer.bankgiro]);
  if (issuer.plusgiro) rows.push([t.plusgiro, issuer.plusgiro]);
  if (issuer.bankAccount) rows.push([t.account, formatAccount(issuer.bankAccount)]);
  if (issuer.iban) rows.push([t.iban, groupsOfFour(issuer.iban)]);
  if (issuer.bic) rows.push([t.bic, issuer.bic]);
  rows.push([t.reference[letter.referenceKind], formatReference(letter.reference, letter.referenceKind), true]);
  rows.push([t.toPay, money(letter.kind === 'reminder' || letter.paid > 0 ? letter.owed : letter.total), true]);
  rows.push([t.payBy, formatDate(letter.dueOn, letter.language), true]);
  return rows;
}

function payment(c: Ctx): Content {
  const { issuer, t, letter } = c;
  const details: Content = {
    stack: [
      { text: t.payment, bold: true, fontSize: 11, margin: [0, 0, 0, 4] },
      {
        table: {
          widths: ['auto', '*'],
          body: paymentRows(c).map(([label, value, strong]) => [
            { text: label, color: GREY },
            { text: value, bold: strong === true },
          ]),
        },
        layout: 'noBorders',
      },
      { text: t.referenceHint[letter.referenceKind], fontSize: 8.5, color: GREY, margin: [0, 4, 0, 0] },
    ],
  };
  const cells: TableCell[] = [details];
  if (letter.swishPayload) {
    cells.push({
      stack: [
        { image: qrDataUrl(letter.swishPayload), width: mm(36), alignment: 'center' },
        {
          text: t.swishCaption(issuer.swishNumber ? formatSwishNumber(issuer.swishNumber) : 'Swish'),
          fontSize: 7.5,
          color: GREY,
          alignment: 'center',
          margin: [0, 3, 0, 0],
        },
      ],
    });
  }
  // One table row: the details, and the QR code beside them; a frame around the whole.
  const frame = (i: number, count: number) => (i === 0 || i === count ? 0.8 : 0);
  return {
    unbreakable: true,
    margin: [0, 4, 0, 0],
    table: { widths: cells.length > 1 ? ['*', mm(42)] : ['*'], body: [cells] },
    layout: {
      hLineWidth: (i: number) => frame(i, 1),
      vLineWidth: (i: number) => frame(i, cells.length),
      hLineColor: () => '#333333',
      vLineColor: () => '#333333',
      paddingLeft: (i: number) => (i === 0 ? 8 : 0),
      paddingRight: (i: number) => (i === cells.length - 1 ? 8 : mm(4)),
      paddingTop: () => 8,
      paddingBottom: () => 8,
    },
  };
}

/** The letter's content; `first` = false starts it on a new page. */
export function letterContent(issuer: LetterIssuer, letter: LetterData, first: boolean): Content[] {
  const t = LETTER_TEXTS[letter.language];
  const c: Ctx = {
    issuer,
    letter,
    t,
    money: (minor) => formatMoney(minor, issuer.currency, letter.language),
    sign: (minor) => (letter.kind === 'creditNote' ? -Math.abs(minor) : minor),
  };
  const intro: Content[] = [];
  // A reminder opens with its facts, bold like a letter's subject line, so the round's text after it can greet and ask.
  if (letter.kind === 'reminder') {
    const stated = { invoiceNumber: letter.invoiceNumber, owed: c.money(letter.owed), dueOn: formatDate(letter.dueOn, letter.language), partlyPaid: letter.paid > 0 };
    intro.push({ text: t.reminderIntro(stated), bold: true, margin: [0, 0, 0, 6] });
  }
  if (letter.kind === 'creditNote' && letter.creditsInvoiceNumber) intro.push({ text: t.creditIntro(letter.creditsInvoiceNumber), margin: [0, 0, 0, 6] });

  return [
    // The first node carries the page break, so the absolutely placed parts after it land on the
    // new sheet; it is also the (zero-height) spacer that starts the flow below the window.
    { canvas: [], margin: [0, FLOW_TOP, 0, 0], pageBreak: first ? undefined : 'before' },
    ...header(c),
    addressBlock(letter.recipient.name, letter.recipient.addressLines ?? []),
    facts(c),
    ...intro,
    ...paragraphs(letter.personalText),
    linesTable(c),
    letter.kind === 'creditNote' ? { text: t.creditNote, margin: [0, 4, 0, 0] } : payment(c),
  ];
}

const FOOTER_SIZE = 8;
const FOOTER_SEPARATOR = '  ·  ';
const FOOTER_WIDTH = mm(210 - 45);
const FOOTER_GAP = mm(5);
/** Kept clear at the sheet's bottom edge (most printers cannot print the last 4–5 mm). */
const BOTTOM_EDGE = mm(10);

function footerLines(issuer: LetterIssuer, t: LetterTexts): string[] {
  return memo(issuer, `footer:${t.orgNumber}`, () => measureFooter(issuer, t));
}

function measureFooter(issuer: LetterIssuer, t: LetterTexts): string[] {
  const parts = [issuer.name, ...issuer.addressLines.filter((l) => l.trim())];
  if (issuer.orgNumber) parts.push(`${t.orgNumber} ${issuer.orgNumber}`);
  if (issuer.contact) parts.push(issuer.contact);
  // Lines break between the parts, never inside one unless it alone is wider than the line.
  const lines: string[] = [];
  let current = '';
  for (const part of parts.flatMap((p) => wrap(p, FOOTER_SIZE, FOOTER_WIDTH - 4))) {
    const candidate = current ? `${current}${FOOTER_SEPARATOR}${part}` : part;
    if (!current || textWidth(candidate, FOOTER_SIZE) <= FOOTER_WIDTH - 4) current = candidate;
    else {
      lines.push(current);
      current = part;
    }
  }
  if (current) lines.push(current);
  return lines;
}

/** The bottom page margin that holds the footer: taller when the association's details take more lines. */
export function footerHeight(issuer: LetterIssuer, t: LetterTexts): number {
  return FOOTER_GAP + 3 + footerLines(issuer, t).length * FOOTER_SIZE * 1.25 + BOTTOM_EDGE;
}

/** The footer on every sheet: the association, its org. number and contact. */
export function letterFooter(issuer: LetterIssuer, t: LetterTexts): Content {
  return {
    margin: [LEFT, FOOTER_GAP, mm(20), 0],
    stack: [
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: FOOTER_WIDTH, y2: 0, lineWidth: 0.5, lineColor: '#999999' }] },
      {
        margin: [0, 3, 0, 0],
        stack: footerLines(issuer, t).map((text) => ({ text, fontSize: FOOTER_SIZE, lineHeight: 1.25, color: GREY, alignment: 'center' as const, noWrap: true })),
      },
    ],
  };
}
