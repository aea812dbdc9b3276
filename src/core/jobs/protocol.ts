import type { ErrorCode } from '../../shared/result';
import type { LetterData, LetterIssuer, LettersJob } from '../documents/letters/types';

/**
 * Messages between the main thread and the letters worker (worker.ts). Everything survives
 * structured clone; PDF bytes are transferred, not copied.
 */

/** Main → worker, once, as workerData. */
export interface LettersWorkerInput {
  issuer: LetterIssuer;
  /** Already ordered and filtered (output.ts planLetters); separate mode: this worker's share. */
  letters: LetterData[];
  /** Separate mode: the index of this share's first letter in the whole run (files are posted by run index). */
  firstIndex: number;
  mode: LettersJob['mode'];
  /** ISO time: the PDFs' creation date (one for the whole run). */
  createdAt: string;
  /** Where the main thread found the PDF fonts (documents/pdf.ts pdfFontsDir). */
  fontsDir: string;
}

/** Worker → main. */
export type LettersWorkerMessage =
  | { type: 'progress'; done: number }
  /** Combined: index 0 = the whole PDF; separate: letter `index`'s PDF. */
  | { type: 'file'; index: number; bytes: Uint8Array }
  | { type: 'done' }
  | { type: 'error'; code: ErrorCode; message: string; details?: Record<string, unknown> };
