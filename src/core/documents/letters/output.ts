import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { KansliError, validationError } from '../../../shared/result';
import { toCsv } from '../../exports/csv';
import { sanitizeFileName, targetPath } from '../../exports/file-name';
import { isPrintable, orderLetters } from './order';
import { LETTER_INDEX_HEADER } from './texts';
import type { LetterData, LettersJob, LettersJobResult } from './types';

/**
 * Where a letters job writes, and how it never leaves half a result behind.
 *
 * Combined: one PDF at the file the user picked (".pdf" added, name sanitised). It is written
 * to a hidden temporary file beside it (".<name>.<random>.part") and renamed over the target only
 * when complete; the save dialog has already asked whether to replace an existing file.
 *
 * Separate: the folder the user picked (created when missing) receives one PDF per member,
 * "<fileStem>.pdf", and "index.csv". Nothing there is ever overwritten: when any of those names
 * already exists in the folder, the job is refused before any work with `file-exists` (details:
 * `files`, the names in the way), so the user picks an empty or new folder — re-running a
 * year into last run's folder would otherwise mix two runs' letters. The PDFs are written into a
 * hidden staging folder inside it (".kansli-letters-<random>") and moved into place when all are
 * done, index.csv last; cancel or failure removes the staging folder (and the folder itself when
 * the job created it and it is empty), so the folder never holds a partial run.
 *
 * Files are created with mode 0600 (they hold members' names, addresses and debts).
 */

const FILE_MODE = 0o600;
const DIR_MODE = 0o700;
export const INDEX_FILE = 'index.csv';

export interface PlannedFile {
  letter: LetterData;
  /** The file name in the folder ("1042-Andersson-Asa.pdf"). */
  name: string;
}

export interface LettersPlan {
  mode: LettersJob['mode'];
  /** The letters to render, in order: combined = one document; separate = one document each. */
  letters: LetterData[];
  notPrintable: LettersJobResult['notPrintable'];
  /** Combined: the final PDF. Separate: the folder. */
  target: string;
  /** Separate: the file names, index-aligned with `letters`. */
  files: PlannedFile[];
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

function ioError(e: unknown): KansliError {
  if (e instanceof KansliError) return e;
  return new KansliError('io', (e as Error).message, { errno: (e as NodeJS.ErrnoException).code });
}

/** Unique file names: a stem met twice (same member twice in one run) gets " (2)". */
function fileNames(letters: LetterData[]): PlannedFile[] {
  const used = new Set<string>([INDEX_FILE.toLowerCase()]);
  return letters.map((letter) => {
    const stem = sanitizeFileName(letter.fileStem, `${letter.memberNumber}`);
    let name = `${stem}.pdf`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem} (${n}).pdf`;
    used.add(name.toLowerCase());
    return { letter, name };
  });
}

/** What the job will write: checked, ordered, the names fixed. Throws before anything is written. */
export function planLetters(job: LettersJob): LettersPlan {
  if (job.letters.length === 0) throw validationError([{ field: 'letters', code: 'nothing-to-print' }]);
  if (!isAbsolute(job.path)) throw validationError([{ field: 'path', code: 'path-not-absolute' }]);
  const ordered = orderLetters(job.letters, job.sort);
  if (job.mode === 'combined') {
    const printable = ordered.filter(isPrintable);
    const notPrintable = ordered.filter((l) => !isPrintable(l)).map((l) => ({ memberNumber: l.memberNumber, name: l.recipient.name }));
    if (printable.length === 0) throw validationError([{ field: 'letters', code: 'nothing-to-print' }]);
    return { mode: 'combined', letters: printable, notPrintable, target: targetPath(job.path, 'pdf'), files: [] };
  }
  return { mode: 'separate', letters: ordered, notPrintable: [], target: job.path, files: fileNames(ordered) };
}

/** The writing side of one job: begin → write… → commit, or discard at any point. */
export class LettersOutput {
  readonly #plan: LettersPlan;
  readonly #token = randomBytes(6).toString('hex');
  #staging: string | null = null;
  #createdFolder = false;
  #moved: string[] = [];

  constructor(plan: LettersPlan) {
    this.#plan = plan;
  }

  /** Combined: the temporary file. Separate: the staging folder. */
  get #temp(): string {
    const p = this.#plan;
    return p.mode === 'combined' ? join(dirname(p.target), `.${basename(p.target)}.${this.#token}.part`) : join(p.target, `.kansli-letters-${this.#token}`);
  }

  /** Checks the target and creates the folders; refuses (`file-exists`) when separate files would overwrite anything. */
  async begin(): Promise<void> {
    const p = this.#plan;
    try {
      if (p.mode === 'combined') {
        const info = await stat(p.target).catch(() => null);
        if (info?.isDirectory()) throw new KansliError('file-exists', `${p.target} is a folder.`, { files: [basename(p.target)] });
        await access(dirname(p.target), constants.W_OK);
        this.#staging = this.#temp;
        return;
      }
      const info = await stat(p.target).catch(() => null);
      if (info && !info.isDirectory()) throw new KansliError('file-exists', `${p.target} is a file, not a folder.`, { files: [basename(p.target)] });
      if (!info) {
        await mkdir(p.target, { recursive: true, mode: DIR_MODE });
        this.#createdFolder = true;
      } else {
        const present = new Set((await readdir(p.target)).map((n) => n.toLowerCase()));
        const clashes = [...p.files.map((f) => f.name), INDEX_FILE].filter((n) => present.has(n.toLowerCase()));
        if (clashes.length) {
          throw new KansliError('file-exists', `The folder already holds ${clashes.length} of the files: ${clashes.slice(0, 5).join(', ')}`, {
            files: clashes.slice(0, 20),
            count: clashes.length,
          });
        }
      }
      this.#staging = this.#temp;
      await mkdir(this.#staging, { mode: DIR_MODE });
    } catch (e) {
      await this.discard();
      throw ioError(e);
    }
  }

  /** Combined: the whole PDF (index ignored). Separate: the PDF of letter `index`. */
  async write(index: number, bytes: Uint8Array): Promise<void> {
    if (!this.#staging) throw new Error('LettersOutput.write before begin');
    const path = this.#plan.mode === 'combined' ? this.#staging : join(this.#staging, this.#plan.files[index].name);
    try {
      await writeFile(path, bytes, { mode: FILE_MODE, flag: 'wx' });
    } catch (e) {
      throw ioError(e);
    }
  }

  /** Moves the finished files into place (index.csv last) and answers with what was written. */
  async commit(): Promise<LettersJobResult> {
    const p = this.#plan;
    const staging = this.#staging;
    if (!staging) throw new Error('LettersOutput.commit before begin');
    try {
      if (p.mode === 'combined') {
        await rename(staging, p.target);
        this.#staging = null;
        return { path: p.target, letters: p.letters.length, indexPath: null, notPrintable: p.notPrintable };
      }
      const language = p.letters[0].language;
      const rows = p.files.map((f) => [String(f.letter.memberNumber), f.letter.recipient.name, f.letter.recipient.email ?? '', f.name]);
      await writeFile(join(staging, INDEX_FILE), toCsv(LETTER_INDEX_HEADER[language], rows, language), { mode: FILE_MODE, flag: 'wx' });
      for (const name of [...p.files.map((f) => f.name), INDEX_FILE]) {
        const to = join(p.target, name);
        // Checked again: something may have appeared in the folder while we rendered.
        if (await exists(to)) throw new KansliError('file-exists', `${to} appeared while the letters were written.`, { files: [name] });
        await rename(join(staging, name), to);
        this.#moved.push(to);
      }
      await rmdir(staging);
      this.#staging = null;
      return { path: p.target, letters: p.files.length, indexPath: join(p.target, INDEX_FILE), notPrintable: [] };
    } catch (e) {
      await this.discard();
      throw ioError(e);
    }
  }

  /** Removes everything this job wrote (never anything else). Safe to call more than once. */
  async discard(): Promise<void> {
    const staging = this.#staging;
    this.#staging = null;
    if (staging) await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    for (const path of this.#moved.splice(0)) await rm(path, { force: true }).catch(() => undefined);
    if (this.#createdFolder) {
      this.#createdFolder = false;
      await rmdir(this.#plan.target).catch(() => undefined); // only succeeds when empty
    }
  }
}
