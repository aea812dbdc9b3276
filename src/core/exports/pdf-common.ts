import type { Content, DynamicContent } from 'pdfmake/interfaces';
import type { Language } from '../../shared/contract';
import { mm } from '../documents/pdf';
import { EXPORT_TEXTS } from './texts';

/** Page header: association left, title and date right, a thin rule below. */
export function pageHeader(association: string, title: string, date: string, width: number): DynamicContent {
  return () => ({
    margin: [mm(15), mm(8), mm(15), 0],
    stack: [
      {
        columns: [
          { text: association || '—', bold: true, fontSize: 11 },
          { text: `${title} · ${date}`, alignment: 'right', fontSize: 10 },
        ],
      },
      { canvas: [{ type: 'line', x1: 0, y1: 3, x2: width, y2: 3, lineWidth: 0.5, lineColor: '#666666' }] },
    ],
  });
}

/** "Sida 2 av 7", centred in the bottom margin. */
export function pageFooter(language: Language): DynamicContent {
  return (page: number, pages: number): Content => ({
    text: EXPORT_TEXTS[language].page(page, pages),
    alignment: 'center',
    fontSize: 8.5,
    color: '#444444',
    margin: [0, mm(4), 0, 0],
  });
}
