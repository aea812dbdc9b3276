import type { Content } from 'pdfmake/interfaces';
import type { Language, RegisterCountry } from '../../shared/contract';
import type { Block } from '../../shared/text/markdown';
import { sql } from '../db/sql';
import { addressBlock } from '../documents/letters/address';
import { WINDOW_MM } from '../documents/letters/envelope';
import { mm, PDF_LANGUAGE, renderPdf } from '../documents/pdf';
import type { ExportMember } from '../exports/data';
import { buildLabels, labelsPdf, type Label } from '../exports/labels-pdf';
import { longDate } from '../exports/texts';
import type { RegisterContext } from '../register/context';
import { mergeValuesOf } from './merge';
import { newsletterPdfContent } from './newsletter';
import type { Message } from './recipients';
import type { CompiledTemplate } from './sms-export';

/** The date stands right of the envelope window, like the dues letters' details column. */
const DATE_X_MM = WINDOW_MM.left + WINDOW_MM.width + 6;

type Row = [number, number, string, string, string | null, string | null, string | null, string, number | null];

/** The post recipients' addresses, by member id. */
function loadAddresses(ctx: RegisterContext, ids: number[]): Map<number, ExportMember> {
  const rows = ctx.db.column<string>(
    sql`SELECT json_array(m.id, m.member_number, m.first_name, m.last_name, m.street, m.postcode, m.city, m.country, m.household_id)
        FROM json_each(${JSON.stringify(ids)}) j JOIN members m ON m.id = j.value`,
  );
  const out = new Map<number, ExportMember>();
  for (const json of rows) {
    const r = JSON.parse(json) as Row;
    out.set(r[0], {
      id: r[0], memberNumber: r[1], firstName: r[2], lastName: r[3], street: r[4], postcode: r[5], city: r[6], country: r[7], householdId: r[8],
      email: null, mobile: null, membershipType: null, status: 'active', joinedOn: null,
    });
  }
  return out;
}

export interface LetterBody {
  /** The text merged per letter (SMS, e-mail and letter channels). */
  template?: CompiledTemplate;
  /** The newsletter, the same in every letter. */
  blocks?: Block[];
}

export interface LettersInput {
  messages: readonly Message[];
  title: string;
  association: string;
  date: string;
  body: LetterBody;
  language: Language;
  country: RegisterCountry;
}

/**
 * One letter per post message (a household gets one), in postcode order — the order of the
 * labels, so each label goes on the matching envelope — and the label sheet. The address sits in
 * the left envelope window like the dues letters' (documents/letters/envelope.ts).
 */
export async function lettersAndLabels(ctx: RegisterContext, input: LettersInput): Promise<{ letters: Buffer; labels: Buffer; count: number }> {
  const posts = input.messages.filter((m) => m.route === 'post');
  const addresses = loadAddresses(ctx, posts.flatMap((m) => m.members.map((x) => x.id)));
  // buildLabels groups by household as the messages do (perHousehold) and sorts by postcode.
  const ordered: { label: Label; message: Message }[] = [];
  for (const m of posts) {
    const members = m.members.map((x) => addresses.get(x.id)).filter((x): x is ExportMember => Boolean(x));
    const [label] = buildLabels(members, true, input.country, input.language);
    if (label) ordered.push({ label, message: m });
  }
  const collator = new Intl.Collator(input.language === 'en' ? 'en-GB' : input.language === 'nb' ? 'nb-NO' : 'sv-SE');
  ordered.sort((a, b) => collator.compare(a.label.postcode, b.label.postcode) || collator.compare(a.label.sortName, b.label.sortName));

  const content: Content[] = [];
  ordered.forEach(({ label, message }, i) => {
    const [name, ...address] = label.lines;
    const body: Content[] = input.body.blocks
      ? newsletterPdfContent(input.body.blocks)
      : [{ text: input.body.template!.fill(mergeValuesOf(message.members, input.language)) }];
    content.push({
      stack: [
        { text: input.association, bold: true, fontSize: 12, absolutePosition: { x: mm(25), y: mm(18) } },
        { text: longDate(input.date, input.language), absolutePosition: { x: mm(DATE_X_MM), y: mm(18) } },
        addressBlock(name, address),
        { text: input.title, bold: true, fontSize: 13, margin: [0, mm(88 - 20), 0, mm(6)] },
        ...body,
      ],
      ...(i > 0 ? { pageBreak: 'before' as const } : {}),
    });
  });
  if (!content.length) content.push({ text: '' });
  const letters = await renderPdf({
    info: { title: `${input.title} – ${input.association}`, author: input.association },
    language: PDF_LANGUAGE[input.language],
    content,
  });
  const labels = await labelsPdf(
    ordered.map((o) => o.label),
    '3x8',
    input.association,
    input.language,
  );
  return { letters, labels, count: ordered.length };
}

/** The newsletter once, for printing copies or putting on the notice board. */
export async function newsletterPdf(blocks: Block[], title: string, association: string, date: string, language: Language): Promise<Buffer> {
  return renderPdf({
    info: { title: `${title} – ${association}`, author: association },
    language: PDF_LANGUAGE[language],
    content: [
      { columns: [{ text: association, bold: true, fontSize: 11 }, { text: longDate(date, language), alignment: 'right', fontSize: 10 }] },
      { canvas: [{ type: 'line', x1: 0, y1: 4, x2: mm(210 - 45), y2: 4, lineWidth: 0.5, lineColor: '#666666' }], margin: [0, 0, 0, mm(6)] },
      { text: title, bold: true, fontSize: 20, margin: [0, 0, 0, mm(4)] },
      ...newsletterPdfContent(blocks),
    ],
  });
}
