import type { Column, Content, CustomTableLayout } from 'pdfmake/interfaces';
import { MONO_FONT, PAGE_MARGINS, PDF_LANGUAGE, renderPdf } from './pdf';

export type SheetLanguage = 'sv' | 'nb' | 'en';

export interface RecoverySheetInput {
  associationName: string;
  /** Only the file name is printed; any folders (which may name the user) are dropped. */
  registerFileName: string;
  recoveryKey: string;
  createdAt: Date;
  language: SheetLanguage;
}

interface SheetTexts {
  title: string;
  lead: string;
  association: string;
  file: string;
  date: string;
  keyHeading: string;
  keyOneLine: string;
  whatHeading: string;
  points: string[];
  storeHeading: string;
  storeLines: [string, string, string];
  footer: string;
}

/** The sheet's own texts (the UI's i18n lives in the renderer; these are printed, not shown). */
export const RECOVERY_SHEET_TEXTS: Record<SheetLanguage, SheetTexts> = {
  sv: {
    title: 'Återställningsblad för Kansli-registret',
    lead: 'Spara det här bladet väl. Det behövs bara om ingen längre minns registrets lösenfras.',
    association: 'Förening',
    file: 'Registerfil',
    date: 'Datum',
    keyHeading: 'Återställningsnyckel',
    keyOneLine: 'Samma nyckel på en rad:',
    whatHeading: 'Vad är det här?',
    points: [
      'Återställningsnyckeln öppnar registret om lösenfrasen har glömts bort. Välj ”Jag har glömt lösenfrasen — använd återställningsnyckeln” när registret ska öppnas, och skriv in nyckeln.',
      'Den som har nyckeln kan öppna registret och läsa allt i det: medlemmarnas namn, adresser och andra personuppgifter. Behandla bladet som nyckeln till ett kassaskåp.',
      'Förvara bladet inlåst, till exempel i ett kassaskåp eller ett låst skåp — inte tillsammans med datorn, inte i datorväskan och inte som foto i mobilen.',
      'Om bladet kommer bort, eller om någon annan kan ha sett det: skapa en ny återställningsnyckel i Kansli (”Skapa ny återställningsnyckel”). Då slutar det här bladet att fungera och kan förstöras. Skriv ut det nya bladet.',
      'Om du har sparat bladet som PDF-fil: skriv ut det och radera sedan filen.',
    ],
    storeHeading: 'Var förvaras bladet? Fyll i för hand.',
    storeLines: ['Förvaras var', 'Av vem', 'Datum'],
    footer: 'Kansli · återställningsblad',
  },
  nb: {
    title: 'Gjenopprettingsark for Kansli-registeret',
    lead: 'Ta godt vare på dette arket. Det trengs bare hvis ingen lenger husker passordfrasen til registeret.',
    association: 'Forening',
    file: 'Registerfil',
    date: 'Dato',
    keyHeading: 'Gjenopprettingsnøkkel',
    keyOneLine: 'Den samme nøkkelen på én linje:',
    whatHeading: 'Hva er dette?',
    points: [
      'Gjenopprettingsnøkkelen åpner registeret hvis passordfrasen er glemt. Velg «Jeg har glemt passordfrasen — bruk gjenopprettingsnøkkelen» når registeret skal åpnes, og skriv inn nøkkelen.',
      'Den som har nøkkelen, kan åpne registeret og lese alt i det: medlemmenes navn, adresser og andre personopplysninger. Behandle arket som nøkkelen til en safe.',
      'Oppbevar arket innelåst, for eksempel i en safe eller et låst skap — ikke sammen med datamaskinen, ikke i PC-vesken og ikke som bilde på mobilen.',
      'Hvis arket blir borte, eller noen andre kan ha sett det: lag en ny gjenopprettingsnøkkel i Kansli («Lag ny gjenopprettingsnøkkel»). Da slutter dette arket å virke og kan makuleres. Skriv ut det nye arket.',
      'Hvis du har lagret arket som PDF-fil: skriv det ut, og slett deretter filen.',
    ],
    storeHeading: 'Hvor oppbevares arket? Fylles ut for hånd.',
    storeLines: ['Oppbevares hvor', 'Av hvem', 'Dato'],
    footer: 'Kansli · gjenopprettingsark',
  },
  en: {
    title: 'Kansli register recovery sheet',
    lead: 'Keep this sheet safe. It is only needed if nobody remembers the passphrase of the register.',
    association: 'Association',
    file: 'Register file',
    date: 'Date',
    keyHeading: 'Recovery key',
    keyOneLine: 'The same key on one line:',
    whatHeading: 'What is this?',
    points: [
      'The recovery key opens the register if the passphrase has been forgotten. When opening the register, choose “I have forgotten the passphrase — use the recovery key” and type in the key.',
      'Anyone who has this key can open the register and read everything in it: the members’ names, addresses and other personal details. Treat this sheet like the key to a safe.',
      'Keep the sheet locked away, for example in a safe or a locked cabinet — not with the computer, not in the laptop bag and not as a photo on a phone.',
      'If this sheet is lost, or someone else may have seen it: make a new recovery key in Kansli (“Make a new recovery key”). This sheet then stops working and can be destroyed. Print the new sheet.',
      'If you saved this sheet as a PDF file: print it, then delete the file.',
    ],
    storeHeading: 'Where is this sheet kept? Fill in by hand.',
    storeLines: ['Stored where', 'By whom', 'Date'],
    footer: 'Kansli · recovery sheet',
  },
};

const DATE_LOCALE: Record<SheetLanguage, string> = { sv: 'sv-SE', nb: 'nb-NO', en: 'en-GB' };

const A4_WIDTH = 595.28;
const CONTENT_WIDTH = A4_WIDTH - PAGE_MARGINS[0] - PAGE_MARGINS[2];
/** DejaVu Sans Mono advance width, in ems (1233/2048). */
const MONO_ADVANCE = 0.602;
const BOX_PAD_X = 9;
const BOX_BORDER = 1.5;
const BOX_GAP = 10;
/** Extra space between the key's characters, in ems. */
const CHAR_SPACING = 0.06;

/** The key's groups as the user will type them: split at dashes/spaces, or in fours if it has none. */
export function keyGroups(key: string): string[] {
  const trimmed = key.trim();
  const parts = trimmed.split(/[\s\-–—]+/).filter(Boolean);
  if (parts.length > 1 || trimmed.length <= 8) return parts;
  return trimmed.match(/.{1,4}/gsu) ?? [];
}

function boxWidth(chars: number, fontSize: number): number {
  return chars * (MONO_ADVANCE + CHAR_SPACING) * fontSize + 2 * BOX_PAD_X + 2 * BOX_BORDER;
}

const ROW_GAP = 10;

function rowHeight(fontSize: number): number {
  return fontSize + 8 + 2 * BOX_BORDER;
}

/** The largest size (26 pt down to 10 pt) at which the groups fit the width and `maxHeight`. */
export function keyLayout(groups: string[], maxHeight = 92): { fontSize: number; rows: string[][] } {
  const longest = Math.max(1, ...groups.map((g) => [...g].length));
  const sizes = [26, 24, 22, 20, 18, 16, 14, 12, 10];
  for (const fontSize of sizes) {
    const perRowMax = Math.floor((CONTENT_WIDTH + BOX_GAP) / (boxWidth(longest, fontSize) + BOX_GAP));
    if (perRowMax < 1) continue;
    const rowCount = Math.max(1, Math.ceil(groups.length / perRowMax));
    const height = rowCount * rowHeight(fontSize) + (rowCount - 1) * ROW_GAP;
    if (height > maxHeight && fontSize > sizes[sizes.length - 1]) continue;
    // Balance the rows (8 groups: 4 + 4, not 6 + 2).
    const perRow = Math.ceil(groups.length / rowCount);
    const rows: string[][] = [];
    for (let i = 0; i < groups.length; i += perRow) rows.push(groups.slice(i, i + perRow));
    return { fontSize, rows };
  }
  // A single group too long for a line even at 10 pt: the box wraps it.
  return { fontSize: sizes[sizes.length - 1], rows: [groups] };
}

const boxLayout = (fontSize: number): CustomTableLayout => ({
  hLineWidth: () => BOX_BORDER,
  vLineWidth: () => BOX_BORDER,
  hLineColor: () => '#000000',
  vLineColor: () => '#000000',
  // PDFKit adds the character spacing after the last character too: take it off the right.
  paddingLeft: () => BOX_PAD_X,
  paddingRight: () => BOX_PAD_X - CHAR_SPACING * fontSize,
  paddingTop: () => 5,
  paddingBottom: () => 3,
});

function keyBlock(groups: string[], maxHeight: number): Content[] {
  const { fontSize, rows } = keyLayout(groups, maxHeight);
  return rows.map(
    (row, r): Content => ({
      columns: [
        { width: '*', text: '' },
        ...row.map(
          (group): Column => ({
            width: 'auto',
            table: {
              body: [
                [
                  {
                    text: group,
                    font: MONO_FONT,
                    bold: true,
                    fontSize,
                    characterSpacing: CHAR_SPACING * fontSize,
                    lineHeight: 1,
                  },
                ],
              ],
            },
            layout: boxLayout(fontSize),
          }),
        ),
        { width: '*', text: '' },
      ],
      columnGap: BOX_GAP,
      margin: [0, r === 0 ? 0 : ROW_GAP, 0, 0],
    }),
  );
}

const writeOnLayout: CustomTableLayout = {
  hLineWidth: (i) => (i === 0 ? 0 : 0.75),
  vLineWidth: () => 0,
  hLineColor: () => '#555555',
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 13,
  paddingBottom: () => 3,
};

function fileNameOnly(name: string): string {
  const parts = name.split(/[/\\]/);
  return parts[parts.length - 1] || name;
}

interface Spacing {
  body: number;
  lead: number;
  lineHeight: number;
  keyMaxHeight: number;
  /** Factor on the vertical gaps. */
  k: number;
}

/** Tried in order: the tighter ones only when a long name or key would spill onto a second page. */
const SPACINGS: Spacing[] = [
  { body: 11, lead: 12, lineHeight: 1.3, keyMaxHeight: 92, k: 1 },
  { body: 11, lead: 11.5, lineHeight: 1.25, keyMaxHeight: 72, k: 0.75 },
  { body: 10, lead: 11, lineHeight: 1.2, keyMaxHeight: 60, k: 0.55 },
];

export async function recoverySheetPdf(input: RecoverySheetInput): Promise<Buffer> {
  let last: Buffer | undefined;
  for (const spacing of SPACINGS) {
    const { pdf, pages } = await renderSheet(input, spacing);
    if (pages === 1) return pdf;
    last = pdf;
  }
  return last as Buffer;
}

async function renderSheet(input: RecoverySheetInput, sp: Spacing): Promise<{ pdf: Buffer; pages: number }> {
  const t = RECOVERY_SHEET_TEXTS[input.language];
  const fileName = fileNameOnly(input.registerFileName);
  const association = input.associationName.trim() || '—';
  const date = new Intl.DateTimeFormat(DATE_LOCALE[input.language], { dateStyle: 'long' }).format(input.createdAt);
  const groups = keyGroups(input.recoveryKey);
  const gap = (n: number) => Math.round(n * sp.k);
  let pages = 0;

  const facts = (label: string, value: string): Content[] => [
    { text: label, color: '#444444' },
    { text: value, bold: true },
  ];

  const pdf = await renderPdf({
    info: { title: t.title, author: association, subject: fileName, creationDate: input.createdAt },
    language: PDF_LANGUAGE[input.language],
    defaultStyle: { fontSize: sp.body, lineHeight: sp.lineHeight },
    footer: (currentPage, pageCount) => {
      pages = Math.max(pages, pageCount);
      return {
        text: pageCount > 1 ? `${t.footer} · ${currentPage}/${pageCount}` : t.footer,
        fontSize: 8,
        color: '#666666',
        margin: [PAGE_MARGINS[0], 12, PAGE_MARGINS[2], 0],
      };
    },
    content: [
      { text: t.title, fontSize: 19, bold: true, lineHeight: 1.15, margin: [0, 0, 0, gap(6)] },
      { text: t.lead, fontSize: sp.lead, margin: [0, 0, 0, gap(14)] },
      {
        table: {
          widths: ['auto', '*'],
          body: [facts(t.association, association), facts(t.file, fileName), facts(t.date, date)],
        },
        layout: {
          hLineWidth: () => 0,
          vLineWidth: () => 0,
          paddingLeft: (i) => (i === 0 ? 0 : 14),
          paddingRight: () => 0,
          paddingTop: () => 1,
          paddingBottom: () => 1,
        },
        fontSize: sp.lead,
        margin: [0, 0, 0, gap(16)],
      },
      { text: t.keyHeading, fontSize: 14, bold: true, margin: [0, 0, 0, gap(10)] },
      ...keyBlock(groups, sp.keyMaxHeight),
      {
        text: [{ text: `${t.keyOneLine} ` }, { text: input.recoveryKey.trim(), font: MONO_FONT }],
        fontSize: 9.5,
        color: '#444444',
        alignment: 'center',
        margin: [0, 10, 0, gap(18)],
      },
      { text: t.whatHeading, fontSize: 14, bold: true, margin: [0, 0, 0, gap(6)] },
      {
        ul: t.points.map((p): Content => ({ text: p, margin: [0, 0, 0, gap(6)] })),
        margin: [0, 0, 0, gap(12)],
      },
      {
        stack: [
          { text: t.storeHeading, fontSize: 12, bold: true, margin: [0, 0, 0, 2] },
          {
            table: {
              widths: ['auto', '*'],
              body: t.storeLines.map((label): Content[] => [
                { text: `${label}:`, color: '#444444', margin: [0, 0, 10, 0] },
                { text: ' ' },
              ]),
            },
            layout: writeOnLayout,
          },
        ],
        unbreakable: true,
      },
    ],
  });
  return { pdf, pages };
}
