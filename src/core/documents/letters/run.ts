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
 * Renders the planned letters (already ordered and filtered) into `sink`. Combined: one
 * document. Separate: one document each. The fonts are parsed once per thread (documents/pdf.ts), the logo encoded once
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
    // One document: its progress is an estimate in letters — the first half while pdfmake lays
    // the pages out (about a page per letter), the second while it draws them.
    const total = letters.length;
    const half = (fraction: number) => Math.min(total - 1, Math.floor(fraction * total));
    const bytes = await renderLetters(issuer, letters, {
      createdAt,
      logo,
      onPageLaidOut: (page) => sink.progress(half(Math.min(page, total) / total / 2)),
      onProgress: (f) => sink.progress(half(0.5 + f / 2)),
    });
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
