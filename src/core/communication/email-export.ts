import type { Language, SendOutMergeField } from '../../shared/contract';
import { toCsv } from '../exports/csv';
import { mergeValuesOf } from './merge';
import type { Message } from './recipients';
import { COMMUNICATION_TEXTS } from './texts';

/** The address as the member typed it (the message's key is lower-cased for de-duplication). */
const addressOf = (m: Message) => m.members[0].email!.trim();

/**
 * For a mail tool's import: e-mail, first name, last name, then the other merge fields the text
 * uses (the tool merges with its own syntax), one row per address.
 */
export function emailCsv(messages: readonly Message[], usedFields: readonly SendOutMergeField[], language: Language): string {
  const t = COMMUNICATION_TEXTS[language].email;
  const extra = usedFields.filter((f) => f === 'fullName' || f === 'memberNumber');
  const header = [t.email, t.firstName, t.lastName, ...extra.map((f) => t[f])];
  const rows = messages.map((m) => {
    const v = mergeValuesOf(m.members, language);
    return [addressOf(m), v.firstName, v.lastName, ...extra.map((f) => v[f])];
  });
  return toCsv(header, rows, language);
}

/** Addresses in chunks of `size`, for the BCC field of an ordinary mail program. */
export function bccChunks(messages: readonly Message[], size: number): string[][] {
  const all = messages.map(addressOf);
  const out: string[][] = [];
  for (let i = 0; i < all.length; i += size) out.push(all.slice(i, i + size));
  return out;
}

/** The chunks as a text file: a heading line per chunk, then its addresses separated by "; ". */
export function bccText(chunks: string[][], language: Language): string {
  const t = COMMUNICATION_TEXTS[language];
  return chunks.map((c, i) => `${t.bccChunk(i + 1, chunks.length, c.length)}\r\n${c.join('; ')}\r\n`).join('\r\n');
}
