import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { mm, PDF_LANGUAGE, renderPdf, type RenderOptions } from '../pdf';
import { footerHeight, letterContent, letterFooter, LOGO_IMAGE } from './layout';
import { LETTER_TEXTS } from './texts';
import type { LetterData, LetterIssuer } from './types';


/** The logo as the data: URL pdfmake takes (documents never read files or URLs); compute once per run. */
export function logoDataUrl(issuer: LetterIssuer): string | null {
  if (!issuer.logo) return null;
  return `data:${issuer.logo.mime};base64,${Buffer.from(issuer.logo.bytes).toString('base64')}`;
}

/**
 * The definition of a PDF holding `letters` one after another, each starting on a new sheet.
 * The document's language and title come from the first letter (a run is written in one
 * language). `createdAt` fixes the PDF's creation date (tests compare bytes).
 */
export function lettersDocument(
  issuer: LetterIssuer,
  letters: LetterData[],
  createdAt: Date,
  logo = logoDataUrl(issuer),
  onPageLaidOut?: (page: number) => void,
): TDocumentDefinitions {
  if (letters.length === 0) throw new Error('A letters document needs at least one letter');
  const first = letters[0];
  const t = LETTER_TEXTS[first.language];
  const title =
    letters.length === 1
      ? `${t.title[first.kind]} ${first.invoiceNumber} – ${first.recipient.name}`
      : `${t.title[first.kind]} – ${issuer.name}`;
  return {
    info: { title, author: issuer.name, subject: t.title[first.kind], creationDate: createdAt },
    language: PDF_LANGUAGE[first.language],
    // The bottom margin holds the footer (the association's details, as many lines as they take).
    pageMargins: [mm(25), mm(20), mm(20), Math.max(mm(20), footerHeight(issuer, t))],
    images: logo ? { [LOGO_IMAGE]: logo } : undefined,
    footer: () => letterFooter(issuer, t),
    // pdfmake asks for a page's background as it adds the page during layout: the one moment
    // layout can report progress. No background is drawn.
    background: onPageLaidOut
      ? (page: number) => {
          onPageLaidOut(page);
          return null;
        }
      : undefined,
    content: letters.flatMap((letter, i) => letterContent(issuer, letter, i === 0)),
  };
}

/** One PDF of one or more letters. `logo` = logoDataUrl(issuer), passed in when rendering many. */
export function renderLetters(
  issuer: LetterIssuer,
  letters: LetterData[],
  options: RenderOptions & { createdAt?: Date; logo?: string | null; onPageLaidOut?: (page: number) => void } = {},
): Promise<Buffer> {
  const { createdAt = new Date(), logo = logoDataUrl(issuer), onPageLaidOut, ...render } = options;
  return renderPdf(lettersDocument(issuer, letters, createdAt, logo, onPageLaidOut), render);
}
