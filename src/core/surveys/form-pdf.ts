import type { Column, Content } from 'pdfmake/interfaces';
import type { Language, SurveyEntity, SurveyQuestion } from '../../shared/contract';
import { mm, PDF_LANGUAGE, renderPdf } from '../documents/pdf';
import { pick, SURVEY_TEXTS } from './texts';

/** Who a form is for: a member (name and number printed) or nobody (lines to write them on). */
export type FormRecipient = { memberNumber: number; name: string } | null;

const BOX = mm(4.2);
const WRITE_WIDTH = mm(165);

/** A square to tick, drawn (not a glyph), so it prints the same in every viewer. */
const box = (): Column => ({ canvas: [{ type: 'rect', x: 0, y: 1, w: BOX, h: BOX, lineWidth: 0.8, lineColor: '#000000' }], width: BOX + mm(3) });
const writeLine = (gap = mm(8)): Content => ({ canvas: [{ type: 'line', x1: 0, y1: gap, x2: WRITE_WIDTH, y2: gap, lineWidth: 0.5, lineColor: '#555555' }] });

/** Options to tick; four or more in two columns, so a form usually fits on one sheet. */
function optionColumns(q: SurveyQuestion, language: Language): Content {
  const item = (o: SurveyQuestion['options'][number]): Content => ({ columns: [box(), { text: pick(o.text, language), width: '*' }], margin: [mm(2), 0, 0, mm(1.8)] });
  if (q.options.length < 4) return { stack: q.options.map(item) };
  const half = Math.ceil(q.options.length / 2);
  return { columns: [{ stack: q.options.slice(0, half).map(item), width: '*' }, { stack: q.options.slice(half).map(item), width: '*' }], columnGap: mm(6) };
}

function questionBlock(q: SurveyQuestion, n: number, language: Language): Content {
  const t = SURVEY_TEXTS[language];
  const title: Content = {
    text: [{ text: `${n}. ${pick(q.text, language)}`, bold: true }, q.required ? { text: ` (${t.required})`, color: '#444444', fontSize: 9 } : ''],
    margin: [0, 0, 0, mm(1)],
  };
  const body: Content[] = [];
  switch (q.kind) {
    case 'single':
    case 'frequency':
    case 'multiple':
    case 'channels':
      body.push({ text: q.kind === 'single' || q.kind === 'frequency' ? t.chooseOne : t.chooseMany, fontSize: 9.5, color: '#444444', margin: [0, 0, 0, mm(1.5)] });
      body.push(optionColumns(q, language));
      break;
    case 'scale':
      body.push({ text: t.scaleHint, fontSize: 9.5, color: '#444444', margin: [0, 0, 0, mm(1.5)] });
      body.push({
        columns: [1, 2, 3, 4, 5].map((s) => ({ columns: [box(), { text: String(s), width: mm(10) }], width: mm(22) })),
        margin: [mm(2), 0, 0, mm(1.5)],
      });
      break;
    case 'short':
      body.push(writeLine());
      break;
    case 'long':
      for (let i = 0; i < 4; i++) body.push(writeLine());
      break;
  }
  // A question never starts at the foot of one page and ends on the next.
  return { stack: [title, ...body], unbreakable: true, margin: [0, 0, 0, mm(5)] };
}

function whoBlock(who: FormRecipient, language: Language): Content {
  const t = SURVEY_TEXTS[language];
  if (who) {
    return {
      table: {
        widths: ['*', 'auto'],
        body: [[{ text: [`${t.name}: `, { text: who.name, bold: true }] }, { text: [`${t.memberNumber}: `, { text: String(who.memberNumber), bold: true }] }]],
      },
      layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6, paddingTop: () => 5, paddingBottom: () => 5, paddingLeft: () => 6, paddingRight: () => 6 },
      margin: [0, 0, 0, mm(6)],
    };
  }
  return {
    columns: [
      { stack: [{ text: `${t.name}:` }, { canvas: [{ type: 'line', x1: 0, y1: mm(5), x2: mm(100), y2: mm(5), lineWidth: 0.5 }] }], width: '*' },
      { stack: [{ text: `${t.memberNumber}:` }, { canvas: [{ type: 'line', x1: 0, y1: mm(5), x2: mm(45), y2: mm(5), lineWidth: 0.5 }] }], width: mm(48) },
    ],
    columnGap: mm(8),
    margin: [0, 0, 0, mm(6)],
  };
}

/** One form: the association, the survey's title and intro, who it is for, the questions, thanks. */
function form(survey: SurveyEntity, association: string, who: FormRecipient, language: Language, first: boolean): Content {
  const intro = pick(survey.intro, language);
  return {
    stack: [
      { text: association, fontSize: 10, color: '#333333' },
      { text: pick(survey.title, language), fontSize: 17, bold: true, margin: [0, mm(1), 0, mm(3)] },
      intro ? { text: intro, margin: [0, 0, 0, mm(5)] } : '',
      whoBlock(who, language),
      ...survey.questions.map((q, i) => questionBlock(q, i + 1, language)),
      { text: SURVEY_TEXTS[language].thanks, italics: true, margin: [0, mm(3), 0, 0] },
    ],
    pageBreak: first ? undefined : 'before',
  };
}

/**
 * The printable forms: one per recipient (each starting on a new page), larger type than lists
 * (many members are older), boxes to tick and lines to write on.
 */
export function formPdf(input: { survey: SurveyEntity; association: string; recipients: FormRecipient[]; language: Language }): Promise<Buffer> {
  const title = pick(input.survey.title, input.language);
  return renderPdf({
    info: { title: `${title} – ${input.association}`, author: input.association },
    language: PDF_LANGUAGE[input.language],
    pageMargins: [mm(22), mm(18), mm(20), mm(16)],
    defaultStyle: { fontSize: 11.5, lineHeight: 1.2 },
    footer: () => ({ text: `${input.association} · ${title}`, alignment: 'center', fontSize: 8, color: '#555555', margin: [0, mm(5), 0, 0] }),
    content: input.recipients.map((who, i) => form(input.survey, input.association, who, input.language, i === 0)),
  });
}
