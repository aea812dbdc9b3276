import type { ReminderRoundEntity, ReminderRoundInput } from '../../../shared/contract';
import { amountInputText, parseAmount } from '../money';

/** A round as the form holds it: the fee as typed; `id` and `runAt` only for saved rounds. */
export interface RoundDraft {
  key: string;
  id: number | null;
  round: number | null;
  runAt: string | null;
  reminded: number;
  owedTotal: number;
  remindOn: string;
  dueOn: string;
  fee: string;
  text: string;
}

let nextKey = 0;
const newKey = () => `round-${++nextKey}`;

export function toDraft(r: ReminderRoundEntity, language: string): RoundDraft {
  return {
    key: `saved-${r.id}`,
    id: r.id,
    round: r.round,
    runAt: r.runAt,
    reminded: r.reminded,
    owedTotal: r.owedTotal,
    remindOn: r.remindOn,
    dueOn: r.dueOn,
    fee: r.fee ? amountInputText(r.fee, language) : '',
    text: r.text,
  };
}

/** A new round a month after the last one (or in April), due two weeks later, with the last one's text. */
export function newDraft(after: RoundDraft | undefined, year: number): RoundDraft {
  const start = after ? addDays(after.remindOn, 30) : `${year}-04-15`;
  return { key: newKey(), id: null, round: null, runAt: null, reminded: 0, owedTotal: 0, remindOn: start, dueOn: addDays(start, 14), fee: after?.fee ?? '', text: after?.text ?? '' };
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The fee typed, in minor units: empty is none (0); null when it is not an amount. */
export function feeOf(d: RoundDraft): number | null {
  return d.fee.trim() === '' ? 0 : parseAmount(d.fee);
}

/** What `dues.saveRounds` gets, or the index of the first fee that is not an amount. */
export function toInputs(drafts: RoundDraft[]): { rounds: ReminderRoundInput[] } | { badFee: number } {
  const rounds: ReminderRoundInput[] = [];
  for (const [i, d] of drafts.entries()) {
    const fee = feeOf(d);
    if (fee === null) return { badFee: i };
    rounds.push({ remindOn: d.remindOn, dueOn: d.dueOn, fee, text: d.text });
  }
  return { rounds };
}

/** Whether the form differs from what is saved (then preview and run wait for a save). */
export function isDirty(drafts: RoundDraft[], saved: ReminderRoundEntity[]): boolean {
  if (drafts.length !== saved.length) return true;
  return drafts.some((d, i) => {
    const s = saved[i];
    return d.id !== s.id || d.remindOn !== s.remindOn || d.dueOn !== s.dueOn || feeOf(d) !== s.fee || d.text !== s.text;
  });
}
