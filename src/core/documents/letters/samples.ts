import { makeKid } from '../../../shared/nordic/kid';
import { makeOcr } from '../../../shared/nordic/ocr';
import { swishQrPayload } from '../../../shared/nordic/swish';
import { encodePng } from './png';
import type { LetterData, LetterIssuer, LetterKind } from './types';

/**
 * Sample issuers and letters for the letter tests and the bench (not used by the app): names and
 * addresses with å ä ö æ ø, valid OCR/KID references and Swish payloads built with the shared
 * helpers, so what is printed is what the dues domain would hand over.
 */

/** A small PNG (a two-colour badge) so the logo path is exercised without a binary fixture. */
export function samplePng(width = 160, height = 80): Uint8Array {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(width * 3);
    for (let x = 0; x < width; x++) {
      const inner = x > width * 0.1 && x < width * 0.9 && y > height * 0.2 && y < height * 0.8;
      row.set(inner ? [0xf2, 0xc1, 0x00] : [0x00, 0x4b, 0x87], x * 3);
    }
    rows.push(row);
  }
  return new Uint8Array(encodePng(width, height, rows, 'rgb8'));
}

export function sampleIssuer(country: 'SE' | 'NO' = 'SE', logo = true): LetterIssuer {
  const common = { logo: logo ? { mime: 'image/png' as const, bytes: samplePng() } : null, iban: null, bic: null };
  return country === 'SE'
    ? {
        ...common,
        name: 'Föreningen Ödegårdens Vänner',
        addressLines: ['Storgatan 12', '114 18 Stockholm'],
        orgNumber: '802000-1234',
        contact: 'kassor@odegarden.se · 070-123 45 67',
        country: 'SE',
        currency: 'SEK',
        bankgiro: '5050-1055',
        plusgiro: null,
        swishNumber: '1231181189',
        bankAccount: null,
      }
    : {
        ...common,
        name: 'Ærøy Bygdelag',
        addressLines: ['Postboks 7', '0150 Oslo'],
        orgNumber: '987 654 321',
        contact: 'kasserer@aeroy.no',
        country: 'NO',
        currency: 'NOK',
        bankgiro: null,
        plusgiro: null,
        swishNumber: null,
        bankAccount: '12345678903',
      };
}

const FIRST = ['Åsa', 'Örjan', 'Märta', 'Bjørn', 'Æsa', 'Kjell', 'Lærke', 'Gösta', 'Øystein', 'Karin'];
const LAST = ['Öberg', 'Ångström', 'Lindqvist', 'Sæther', 'Bråten', 'Ødegård', 'Nyström', 'Hägg', 'Åberg', 'Ek'];
const CITY = ['Umeå', 'Göteborg', 'Malmö', 'Västerås', 'Örebro', 'Jönköping', 'Luleå', 'Östersund', 'Borås', 'Gävle'];

export interface SampleOptions {
  kind?: LetterKind;
  country?: 'SE' | 'NO';
  /** No postal address (not printable in the combined file). */
  noAddress?: boolean;
  lines?: number;
}

/** Letter number `i` of a run: deterministic, with Nordic letters in every name. */
export function sampleLetter(i: number, options: SampleOptions = {}): LetterData {
  const kind = options.kind ?? 'invoice';
  const country = options.country ?? 'SE';
  const first = FIRST[i % FIRST.length];
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
  const memberNumber = 1000 + i;
  const lineCount = options.lines ?? 1 + (i % 2);
  const lines = Array.from({ length: lineCount }, (_, n) => ({
    description: n === 0 ? 'Medlemsavgift 2026 – Ordinarie' : n === 1 ? 'Obetald avgift 2025' : `Tillägg ${n}`,
    amount: n === 0 ? 25000 : 20000,
  }));
  if (kind === 'reminder') lines.push({ description: 'Påminnelseavgift', amount: 3000 });
  const total = lines.reduce((s, l) => s + l.amount, 0);
  const paid = kind === 'reminder' ? 10000 : 0;
  const owed = total - paid;
  const reference = country === 'SE' ? makeOcr(String(202600000 + i), { lengthDigit: true }) : makeKid(String(memberNumber).padStart(6, '0'), 'MOD10');
  const swish =
    country === 'SE' && kind !== 'creditNote'
      ? swishQrPayload({ payee: '1231181189', amount: (owed / 100).toFixed(2), message: reference })
      : null;
  const postcode = country === 'SE' ? `${(11418 + i * 7) % 90000 + 10000}`.replace(/^(\d{3})/, '$1 ') : String((150 + i * 3) % 9999).padStart(4, '0');
  return {
    kind,
    language: country === 'SE' ? 'sv' : 'nb',
    fileStem: `${memberNumber}-${last}-${first}`,
    invoiceNumber: `2026-${String(i + 1).padStart(4, '0')}`,
    issuedOn: '2026-02-01',
    dueOn: kind === 'reminder' ? '2026-04-30' : '2026-03-31',
    memberNumber,
    recipient: {
      name: `${first} ${last}`,
      addressLines: options.noAddress ? null : [`Storgatan ${1 + (i % 90)}`, `${postcode} ${CITY[i % CITY.length]}`],
      email: `${first}.${last}@example.se`.toLowerCase(),
    },
    lines,
    total,
    paid,
    owed,
    reference,
    referenceKind: country === 'SE' ? 'ocr' : 'kid',
    reminderRound: kind === 'reminder' ? 1 : null,
    creditsInvoiceNumber: kind === 'creditNote' ? `2026-${String(i + 1).padStart(4, '0')}` : null,
    personalText:
      `Hej ${first}!\n\nTack för att du är med i föreningen. I vår ordnar vi städdag vid stugan den 12 april och ` +
      'årsmöte den 15 mars – välkommen! Din avgift gör verksamheten möjlig.\n\nMed vänliga hälsningar\nStyrelsen',
    swishPayload: swish && swish.ok ? swish.payload : null,
  };
}
