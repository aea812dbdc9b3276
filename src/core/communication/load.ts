import { FREQUENCY_WINDOW_DAYS, type Audience, type MemberPreferences, type OptOutChannel, type SendOutChannel } from '../../shared/contract';
import { sql } from '../db/sql';
import { isoDate, type RegisterContext } from '../register/context';
import { audiencePredicate } from './audience';
import { selectRecipients, type Candidate, type FrequencyReason, type Selection } from './recipients';
import { readCommunicationSettings } from './settings';
import { frequencyAllows, preferencesByMember, prefersRoute } from '../surveys/preferences';

export interface Draft {
  id?: number;
  channel: SendOutChannel;
  audience: Audience;
  plannedOn: string | null;
  frequencyLimit: number | null;
  paperForOthers: boolean;
  important: boolean;
}

export interface LoadedSelection extends Selection {
  audienceSize: number;
  frequencyLimit: number;
  frequencyDefault: number;
  window: { from: string; to: string };
}

/** The window's first day: the send-out's date minus 29 days, so the window holds 30 days. */
export function windowStart(on: string): string {
  const d = new Date(`${on}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - (FREQUENCY_WINDOW_DAYS - 1));
  return d.toISOString().slice(0, 10);
}

type Row = [number, number, string, string, string | null, string | null, number, number, number, number, number | null];

/**
 * The audience's members (not archived), in the order they were registered (rowid: no sort, which
 * would be most of the time of a 100,000-member send-out — by name, through the index or sorted,
 * it costs three times the read itself). So the first member on a shared phone, its addressee, is
 * the longest-registered one; lists for the eye are sorted by name where they are shown. One JSON
 * array per row through column(): sql.js builds an object per row in all(), slower still.
 */
export function loadCandidates(ctx: RegisterContext, audience: Audience, at: string): Candidate[] {
  const predicate = audiencePredicate(ctx, audience, at);
  return ctx.db
    .column<string>(
      sql`SELECT json_array(m.id, m.member_number, m.first_name, m.last_name, m.mobile, m.email, m.consent_sms, m.consent_email,
                            m.consent_post, (coalesce(m.street, '') != '' AND coalesce(m.postcode, '') != ''), m.household_id)
          FROM members m WHERE +m.archived_at IS NULL AND ${predicate} ORDER BY m.id`,
    )
    .map((json) => {
      const r = JSON.parse(json) as Row;
      return {
        id: r[0], memberNumber: r[1], firstName: r[2], lastName: r[3], mobile: r[4], email: r[5],
        consentSms: r[6] === 1, consentEmail: r[7] === 1, consentPost: r[8] === 1, hasAddress: r[9] === 1, householdId: r[10],
      };
    });
}

/**
 * Every opt-out, as member ids per channel (a few hundred rows at most). An opt-out given under a
 * record that was later merged into another (duplicates.merge) holds for the kept member too.
 */
export function loadOptOuts(ctx: RegisterContext): Record<OptOutChannel, Set<number>> {
  const out: Record<OptOutChannel, Set<number>> = { sms: new Set(), email: new Set(), post: new Set() };
  const rows = ctx.db.all<{ id: number; channel: OptOutChannel }>(
    sql`WITH RECURSIVE up(id, channel) AS (
          SELECT member_id, channel FROM opt_outs
          UNION SELECT m.merged_into, up.channel FROM up JOIN members m ON m.id = up.id WHERE m.merged_into IS NOT NULL)
        SELECT id, channel FROM up`,
  );
  for (const r of rows) out[r.channel].add(r.id);
  return out;
}

/**
 * Send-out messages per member in [from, to], not counting `exceptSendOut`'s own. The ids are
 * counted here rather than with GROUP BY: SQLite would sort 100,000 rows to group them, which
 * costs more than reading them.
 */
export function loadSentCounts(ctx: RegisterContext, from: string, to: string, exceptSendOut: number | undefined): Map<number, number> {
  const out = new Map<number, number>();
  const ids = ctx.db.column<number>(
    sql`SELECT member_id FROM contact_log
        WHERE send_out_id IS NOT NULL AND on_date >= ${from} AND on_date <= ${to} AND send_out_id != ${exceptSendOut ?? 0}`,
  );
  for (const id of ids) out.set(id, (out.get(id) ?? 0) + 1);
  return out;
}

/** The day the last send-out reached each member who stated how often they want to hear from us. */
function loadLastSent(ctx: RegisterContext, on: string, exceptSendOut: number | undefined): Map<number, string> {
  const rows = ctx.db.all<{ member_id: number; last: string }>(
    sql`SELECT member_id, max(on_date) AS last FROM contact_log
        WHERE send_out_id IS NOT NULL AND send_out_id != ${exceptSendOut ?? 0} AND on_date <= ${on}
          AND member_id IN (SELECT member_id FROM member_preferences WHERE frequency IS NOT NULL)
        GROUP BY member_id`,
  );
  return new Map(rows.map((r) => [r.member_id, r.last]));
}

/**
 * Why the member's stated "how often" holds the message back (null: it does not). The rule is the
 * surveys' frequencyAllows: "only important news" admits exactly the send-outs marked important;
 * weekly, monthly and quarterly count days since the last send-out whether or not this one is
 * important (they asked for a pace, not for a kind of news). The register's frequency limit is
 * separate and holds for important send-outs too (a send-out can lift it: "no limit").
 */
function frequencyReason(pref: MemberPreferences | undefined, message: Parameters<typeof frequencyAllows>[1]): FrequencyReason | null {
  if (frequencyAllows(pref, message)) return null;
  return pref?.frequency === 'important' ? 'prefers-important-only' : 'prefers-less-often';
}

/** The recipients of a send-out (saved or draft) as the register stands now. */
export function loadSelection(ctx: RegisterContext, d: Draft): LoadedSelection {
  const at = d.plannedOn ?? isoDate(ctx.now());
  const frequencyDefault = readCommunicationSettings(ctx.db).frequencyLimit;
  const frequencyLimit = d.frequencyLimit ?? frequencyDefault;
  const window = { from: windowStart(at), to: at };
  const candidates = loadCandidates(ctx, d.audience, at);
  const optOuts = loadOptOuts(ctx);
  const sent = frequencyLimit > 0 ? loadSentCounts(ctx, window.from, window.to, d.id) : new Map<number, number>();
  const preferences = preferencesByMember(ctx.db);
  const lastSent = loadLastSent(ctx, at, d.id);
  const selection = selectRecipients(candidates, {
    channel: d.channel,
    paperForOthers: d.paperForOthers,
    frequencyLimit,
    optedOut: (id, channel: OptOutChannel) => optOuts[channel].has(id),
    sentInWindow: (id) => sent.get(id) ?? 0,
    prefersRoute: (id, route) => prefersRoute(preferences.get(id), route),
    frequencyHoldsBack: (id) => frequencyReason(preferences.get(id), { today: at, lastSentOn: lastSent.get(id) ?? null, important: d.important }),
  });
  return { ...selection, audienceSize: candidates.length, frequencyLimit, frequencyDefault, window };
}
