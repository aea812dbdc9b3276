import type { Content, TableCell } from 'pdfmake/interfaces';
import type { Language, QuestionResult, SurveyEntity, SurveyQuestion, SurveyResults } from '../../shared/contract';
import { mm, PDF_LANGUAGE, renderPdf } from '../documents/pdf';
import { pageFooter, pageHeader } from '../exports/pdf-common';
import { pick, SURVEY_TEXTS } from './texts';

const SIDE = mm(15);
const PAGE_WIDTH = 595.28;
const BAR_MAX = mm(70);
const BAR_HEIGHT = mm(3.6);

const percent = (n: number, of: number, language: Language) =>
  of ? new Intl.NumberFormat(language === 'sv' ? 'sv-SE' : language === 'nb' ? 'nb-NO' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(n / of) : '–';

/** A bar per option or scale step: label, a drawn bar as long as its share of those who answered, count and per cent. */
function bars(q: SurveyQuestion, r: QuestionResult, language: Language): Content {
  const label = (key: string) => (q.kind === 'scale' ? key : pick(q.options.find((o) => o.key === key)?.text ?? {}, language) || key);
  const of = Math.max(1, r.answered);
  const body: TableCell[][] = r.counts.map((c) => [
    { text: label(c.key) },
    {
      canvas: [
        { type: 'rect', x: 0, y: 1.5, w: BAR_MAX, h: BAR_HEIGHT, color: '#eef1f5' },
        ...(c.count ? [{ type: 'rect' as const, x: 0, y: 1.5, w: Math.max(1, Math.min(1, c.count / of) * BAR_MAX), h: BAR_HEIGHT, color: '#2f6fb3' }] : []),
      ],
    },
    { text: String(c.count), alignment: 'right' },
    { text: percent(c.count, r.answered, language), alignment: 'right', color: '#444444' },
  ]);
  return {
    table: { widths: ['*', BAR_MAX + 2, mm(14), mm(14)], body },
    layout: 'noBorders',
  };
}

function questionSection(q: SurveyQuestion, r: QuestionResult, n: number, language: Language): Content {
  const t = SURVEY_TEXTS[language];
  const parts: Content[] = [
    { text: `${n}. ${pick(q.text, language)}`, bold: true, fontSize: 11 },
    { text: `${t.kinds[q.kind]} · ${t.answeredBy(r.answered)}${r.mean !== null ? ` · ${t.mean(r.mean.toLocaleString(PDF_LANGUAGE[language]))}` : ''}`, fontSize: 8.5, color: '#444444', margin: [0, 0, 0, mm(1.5)] },
  ];
  if (q.kind === 'short' || q.kind === 'long') {
    if (!r.texts.total) parts.push({ text: t.noAnswers, italics: true, color: '#555555' });
    else {
      parts.push({ ul: r.texts.first.map((a) => ({ text: [a.text, { text: `  — ${a.name} (${a.memberNumber})`, color: '#555555', fontSize: 8 }] })), fontSize: 9.5 });
      if (r.texts.total > r.texts.first.length) parts.push({ text: t.more(r.texts.total - r.texts.first.length), italics: true, fontSize: 9, margin: [0, mm(1), 0, 0] });
    }
  } else parts.push(bars(q, r, language));
  return { stack: parts, unbreakable: q.kind !== 'short' && q.kind !== 'long', margin: [0, 0, 0, mm(6)] };
}

/** The board's report: response rates (overall and per segment), a chart per question, the free-text answers. */
export function reportPdf(input: {
  survey: SurveyEntity;
  results: SurveyResults;
  association: string;
  language: Language;
  date: string;
  filterName: string | null;
}): Promise<Buffer> {
  const { survey, results: res, language } = input;
  const t = SURVEY_TEXTS[language];
  const title = pick(survey.title, language);
  const summary: TableCell[][] = [
    [{ text: t.asked, bold: true }, { text: t.responded, bold: true }, { text: t.responseRate, bold: true }, { text: t.responses, bold: true }],
    [String(res.audience), String(res.responded), percent(res.responded, res.audience, language), String(res.responses)],
  ];
  const content: Content[] = [
    { text: title, fontSize: 16, bold: true },
    { text: `${t.report} · ${t.filter}: ${input.filterName ?? t.everyone}`, color: '#444444', margin: [0, mm(1), 0, mm(4)] },
    { table: { widths: ['*', '*', '*', '*'], body: summary }, layout: 'lightHorizontalLines', margin: [0, 0, 0, mm(4)] },
  ];
  if (res.perSegment.length) {
    content.push({
      table: {
        headerRows: 1,
        widths: ['*', mm(28), mm(28), mm(32)],
        body: [
          [{ text: t.segment, bold: true }, { text: t.asked, bold: true }, { text: t.responded, bold: true }, { text: t.responseRate, bold: true }],
          ...res.perSegment.map((s) => [s.name, String(s.members), String(s.responded), percent(s.responded, s.members, language)]),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 9,
      margin: [0, 0, 0, mm(6)],
    });
  }
  survey.questions.forEach((q, i) => {
    const r = res.questions.find((x) => x.questionId === q.id);
    if (r) content.push(questionSection(q, r, i + 1, language));
  });
  return renderPdf({
    info: { title: `${title} – ${input.association}`, author: input.association },
    language: PDF_LANGUAGE[language],
    pageMargins: [SIDE, mm(20), SIDE, mm(14)],
    defaultStyle: { fontSize: 10 },
    header: pageHeader(input.association, t.report, input.date, PAGE_WIDTH - 2 * SIDE),
    footer: pageFooter(language),
    content,
  });
}
