import { logoDataUrl, renderLetters } from './render';
import type { LetterData, LetterIssuer, LettersJob } from './types';

/** Where rendered letters go: the worker posts them to the main thread; in-process they go straight to the output. */
export interface RenderSink {
  /** Combined: index 0, the whole PDF. Separate: the PDF of letter `index`. */
  file(index: number, bytes: Uint8Array): Promise<void> | void;
  /** Letters done so far (combined: estimated from the pages drawn). */
  progress(done: number): void;
}

/**
 * Renders the planned letters (already ordered and filtered) into `sink`. Combined: one document;
 * pdfmake reports only its drawing phase, so progress moves once layout is done. Separate: one
 * document each. The fonts are parsed once per thread (documents/pdf.ts), the logo encoded once
 * per run. Cancelling is stopping the thread this runs in (jobs/letters.ts terminates the worker).
 */
export async function renderInto(
  issuer: LetterIssuer,
  letters: LetterData[],
  mode: LettersJob['mode'],
  sink: RenderSink,
  createdAt = new Date(),
): Promise<void> {
  const logo = logoDataUrl(issuer);
  if (mode === 'combined') {
    const total = letters.length;
    const bytes = await renderLetters(issuer, letters, { createdAt, logo, onProgress: (f) => sink.progress(Math.min(total - 1, Math.floor(f * total))) });
    await sink.file(0, bytes);
    sink.progress(total);
    return;
  }
  for (let i = 0; i < letters.length; i++) {
    const bytes = await renderLetters(issuer, [letters[i]], { createdAt, logo });
    await sink.file(i, bytes);
    sink.progress(i + 1);
  }
}
