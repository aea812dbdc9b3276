import type { Content } from 'pdfmake/interfaces';
import type { Language } from '../../shared/contract';
import type { LabelSheet } from '../../shared/contract/exports';
import { formatPostcode } from '../../shared/nordic/postcode';
import { mm, PDF_LANGUAGE, renderPdf } from '../documents/pdf';
import type { ExportMember } from './data';
import { DATE_LOCALE, EXPORT_TEXTS } from './texts';

/** Common A4 label sheets: label size in mm, columns × rows, edge to edge horizontally. */
export const SHEETS: Record<LabelSheet, { cols: number; rows: number; w: number; h: number; padX: number; padY: number }> = {
  '3x8': { cols: 3, rows: 8, w: 70, h: 37, padX: 6, padY: 6 },
  '2x8': { cols: 2, rows: 8, w: 105, h: 37, padX: 9, padY: 6 },
};

const FONT_SIZE = 9.5;
/** DejaVu Sans's average advance is ≈ 0.58 em for mixed text; a line longer than this is cut with "…". */
const AVG_ADVANCE = 0.6;

export interface Label {
  lines: string[];
  postcode: string;
  sortName: string;
  people: number;
}

/** "Anna och Per Andersson", "Anna Berg och Per Ek", "Anna, Per och Lisa Andersson". */
export function householdName(members: ExportMember[], language: Language): string {
  const and = EXPORT_TEXTS[language].and;
  const list = (names: string[]) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`);
  const lastNames = new Set(members.map((m) => m.lastName));
  if (lastNames.size === 1) return `${list(members.map((m) => m.firstName))} ${members[0].lastName}`.trim();
  return list(members.map((m) => `${m.firstName} ${m.lastName}`.trim()));
}

function countryName(code: string, language: Language): string {
  try {
    return (new Intl.DisplayNames([DATE_LOCALE[language]], { type: 'region' }).of(code) ?? code).toUpperCase();
  } catch {
    return code;
  }
}

/** The labels, one per member or per household (address from the first member who has one), sorted by postcode. */
export function buildLabels(members: ExportMember[], perHousehold: boolean, registerCountry: string, language: Language): Label[] {
  const hasAddress = (m: ExportMember) => Boolean(m.street?.trim() || m.postcode?.trim());
  const groups: ExportMember[][] = [];
  const byHousehold = new Map<number, ExportMember[]>();
  for (const m of members) {
    if (perHousehold && m.householdId !== null) {
      let g = byHousehold.get(m.householdId);
      if (!g) byHousehold.set(m.householdId, (g = []));
      if (!g.length) groups.push(g);
      g.push(m);
    } else groups.push([m]);
  }
  const labels: Label[] = [];
  for (const g of groups) {
    const at = g.find(hasAddress);
    if (!at) continue;
    const foreign = at.country !== registerCountry;
    const postcode = at.postcode ? formatPostcode(at.postcode, at.country, { international: foreign }) : '';
    const lines = [householdName(g, language), at.street ?? '', `${postcode} ${at.city ?? ''}`.trim()];
    if (foreign) lines.push(countryName(at.country, language));
    labels.push({ lines: lines.filter((l) => l.trim()), postcode: (at.postcode ?? '').replace(/\s/g, ''), sortName: `${g[0].lastName} ${g[0].firstName}`, people: g.length });
  }
  const collator = new Intl.Collator(DATE_LOCALE[language]);
  return labels.sort((a, b) => collator.compare(a.postcode, b.postcode) || collator.compare(a.sortName, b.sortName));
}

function cut(line: string, maxChars: number): string {
  const chars = Array.from(line);
  return chars.length <= maxChars ? line : `${chars.slice(0, maxChars - 1).join('')}…`;
}

export async function labelsPdf(labels: Label[], sheet: LabelSheet, association: string, language: Language): Promise<Buffer> {
  const s = SHEETS[sheet];
  const top = (297 - s.rows * s.h) / 2;
  const left = (210 - s.cols * s.w) / 2;
  const textWidth = mm(s.w - 2 * s.padX);
  const maxChars = Math.floor(textWidth / (FONT_SIZE * AVG_ADVANCE));
  const perPage = s.cols * s.rows;
  const content: Content[] = [];
  labels.forEach((label, i) => {
    const slot = i % perPage;
    if (slot === 0 && i > 0) content.push({ text: '', pageBreak: 'before' });
    const col = slot % s.cols;
    const row = Math.floor(slot / s.cols);
    content.push({
      absolutePosition: { x: mm(left + col * s.w + s.padX), y: mm(top + row * s.h + s.padY) },
      table: { widths: [textWidth], body: [[{ stack: label.lines.slice(0, 5).map((l) => cut(l, maxChars)) }]] },
      layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: () => 0, paddingTop: () => 0, paddingBottom: () => 0 },
    });
  });
  if (!content.length) content.push({ text: '' });
  return renderPdf({
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [0, 0, 0, 0],
    info: { title: `${EXPORT_TEXTS[language].kinds.labels} – ${association}`, author: association },
    language: PDF_LANGUAGE[language],
    defaultStyle: { fontSize: FONT_SIZE, lineHeight: 1.2 },
    content,
  });
}
