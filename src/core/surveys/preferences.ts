import type { MemberPreferences, PreferredChannel, PreferredFrequency, ResponseSource } from '../../shared/contract';
import type { Db } from '../db/database';
import { sql, type SqlQuery } from '../db/sql';

/**
 * The members' stated preferences (from the survey), for everyone who sends something.
 *
 * For communication (send-outs): a member who said which channels they want is reached only
 * through those; a member who said nothing is reached as before (consent and opt-outs decide).
 * `prefersRoute` per member, or `preferredRouteSql` as a condition over `members m`; and
 * `frequencyAllows` for the stated "how often".
 */

interface DbPreferences {
  member_id: number;
  channels: string | null;
  frequency: PreferredFrequency | null;
  interests: string | null;
  consent_on: string | null;
  consent_source: ResponseSource | null;
  survey_id: number | null;
  updated_at: string;
}

const toPreferences = (r: DbPreferences): MemberPreferences => ({
  memberId: r.member_id,
  channels: r.channels === null ? null : r.channels === '' ? [] : (r.channels.split(',') as PreferredChannel[]),
  frequency: r.frequency,
  interests: r.interests === null ? null : (JSON.parse(r.interests) as string[]),
  consentOn: r.consent_on,
  consentSource: r.consent_source,
  surveyId: r.survey_id,
  updatedAt: r.updated_at,
});

export function memberPreferences(db: Db, memberId: number): MemberPreferences | null {
  const r = db.get<DbPreferences>(sql`SELECT * FROM member_preferences WHERE member_id = ${memberId}`);
  return r ? toPreferences(r) : null;
}

/** Everyone's stated preferences (members who stated none are absent), for a send-out's selection. */
export function preferencesByMember(db: Db): Map<number, MemberPreferences> {
  return new Map(db.all<DbPreferences>(sql`SELECT * FROM member_preferences`).map((r) => [r.member_id, toPreferences(r)]));
}

/** A send-out's route (communication's 'sms' | 'email' | 'post') as the channel a member may prefer. */
export const ROUTE_CHANNEL = { sms: 'sms', email: 'email', post: 'letter' } as const satisfies Record<string, PreferredChannel>;
export type SendRoute = keyof typeof ROUTE_CHANNEL;

/** True unless the member stated preferred channels and `route` is not among them. */
export function prefersRoute(pref: MemberPreferences | null | undefined, route: SendRoute): boolean {
  if (!pref?.channels?.length) return true;
  return pref.channels.includes(ROUTE_CHANNEL[route]);
}

/** `prefersRoute` as SQL over `members m` (channels are stored as comma-joined keys). */
export function preferredRouteSql(route: SendRoute): SqlQuery {
  const needle = `,${ROUTE_CHANNEL[route]},`;
  return sql`NOT EXISTS (SELECT 1 FROM member_preferences p WHERE p.member_id = m.id AND coalesce(p.channels, '') != ''
    AND instr(',' || p.channels || ',', ${needle}) = 0)`;
}

/** Days that should pass between two messages to a member who stated a frequency. */
export const FREQUENCY_DAYS: Record<Exclude<PreferredFrequency, 'important'>, number> = { weekly: 7, monthly: 28, quarterly: 84 };

/**
 * Whether one more message now respects the member's "how often": no wish stated → yes;
 * "only important news" → only an important message; else enough days since the last one.
 */
export function frequencyAllows(
  pref: MemberPreferences | null | undefined,
  message: { today: string; lastSentOn: string | null; important: boolean },
): boolean {
  const f = pref?.frequency;
  if (!f) return true;
  if (f === 'important') return message.important;
  if (message.lastSentOn === null) return true;
  const days = (Date.parse(`${message.today}T00:00:00Z`) - Date.parse(`${message.lastSentOn}T00:00:00Z`)) / 86_400_000;
  return days >= FREQUENCY_DAYS[f];
}
