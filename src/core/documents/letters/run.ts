import { logoDataUrl, renderLetters } from './render';
import type { LetterData, LetterIssuer, LettersJob } from './types';

/** Where rendered letters go: the worker posts them to the main thread; in-process they go straight to the output. */
export interface RenderSink {
  /** Combined: index 0, the whole PDF. Separate: the PDF of letter `index`. */
  file(index: number, bytes: Uint8Array): Promise<void> | void;
  /** Letters done so far (combined: estimated from the pages drawn). */
  progress(done: number): void;
  cancelled(): boolean;
}

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/**
 * Renders the planned letters (already ordered and filtered) into `sink`. Combined: one document;
 * pdfmake reports only its drawing phase, so progress moves once layout is done. Separate: one
 * document each, checking for cancel between letters; the fonts are parsed once per process
 * (documents/pdf.ts) and the logo encoded once per run.
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
    if (sink.cancelled()) throw new Cancelled();
    await sink.file(0, bytes);
    sink.progress(total);
    return;
  }
  for (let i = 0; i < letters.length; i++) {
    if (sink.cancelled()) throw new Cancelled();
    const bytes = await renderLetters(issuer, [letters[i]], { createdAt, logo });
    await sink.file(i, bytes);
    sink.progress(i + 1);
  }
}
