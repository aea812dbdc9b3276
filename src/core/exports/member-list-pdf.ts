import type { Content, TableCell } from 'pdfmake/interfaces';
import type { Language } from '../../shared/contract';
import { mm, PDF_LANGUAGE, renderPdf } from '../documents/pdf';
import { pageFooter, pageHeader } from './pdf-common';

export interface TablePdfInput {
  association: string;
  title: string;
  /** Shown in the header, already formatted. */
  date: string;
  subtitle?: string;
  header: string[];
  rows: string[][];
  language: Language;
  orientation: 'landscape' | 'portrait';
  /** pdfmake widths per column ('*', 'auto' or points). */
  widths?: (string | number)[];
  /** Extra height per body row in points (the roll's room to sign). */
  rowPadding?: number;
}

const A4 = { w: 595.28, h: 841.89 };

/** A table over as many pages as needed: repeated heading row, header and page numbers on every page. */
export async function tablePdf(input: TablePdfInput): Promise<Buffer> {
  const landscape = input.orientation === 'landscape';
  const pageWidth = landscape ? A4.h : A4.w;
  const side = mm(15);
  const pad = input.rowPadding ?? 1.5;
  const body: TableCell[][] = [
    input.header.map((h) => ({ text: h, bold: true, fillColor: '#eeeeee' })),
    ...input.rows.map((r) => r.map((c) => c ?? '')),
  ];
  const content: Content[] = [];
  if (input.subtitle) content.push({ text: input.subtitle, fontSize: 10, margin: [0, 0, 0, mm(3)] });
  content.push({
    table: { headerRows: 1, dontBreakRows: true, widths: input.widths ?? input.header.map(() => '*'), body },
    layout: {
      hLineWidth: (i) => (i === 0 || i === 1 ? 0.8 : 0.3),
      vLineWidth: () => 0,
      hLineColor: () => '#888888',
      paddingTop: (i) => (i === 0 ? 2 : pad),
      paddingBottom: (i) => (i === 0 ? 2 : pad),
      paddingLeft: () => 3,
      paddingRight: () => 3,
    },
  });
  return renderPdf({
    pageSize: 'A4',
    pageOrientation: input.orientation,
    pageMargins: [side, mm(20), side, mm(14)],
    info: { title: `${input.title} – ${input.association}`, author: input.association },
    language: PDF_LANGUAGE[input.language],
    defaultStyle: { fontSize: 8.5, lineHeight: 1.1 },
    header: pageHeader(input.association, input.title, input.date, pageWidth - 2 * side),
    footer: pageFooter(input.language),
    content,
  });
}
