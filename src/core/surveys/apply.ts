import { createHash } from 'node:crypto';
import type { Answers, PreferenceChange, PreferenceReview, PreferredFrequency, ResponseSource, SurveyEntity } from '../../shared/contract';
import { KansliError } from '../../shared/result';
import { sql } from '../db/sql';
import { recordHistory, type FieldChange } from '../history/queries';
import { isoTime, type RegisterContext } from '../register/context';
import { proposeChanges, type PreferenceState } from './preference-mapping';
import { preferencesByMember } from './preferences';
import { CHANNEL_TEXTS, FREQUENCY_TEXTS, pick } from './texts';

interface Candidate {
  id: number;
  member_id: number;
  member_number: number;
  first_name: string;
  last_name: string;
  source: ResponseSource;
  answered_on: string;
  answers: string;
  applied_at: string | null;
  consent_sms: number;
  consent_email: number;
  consent_post: number;
}

interface Planned {
  response: Candidate;
  next: PreferenceState;
  changes: PreferenceChange[];
}

/** Every current response of a member still in the register, with what applying it would change. */
function plan(ctx: RegisterContext, survey: SurveyEntity): { planned: Planned[]; skipped: PreferenceReview['skipped'] } {
  const skipped = { alreadyApplied: 0, olderThanCurrent: 0, unchanged: 0 };
  const planned: Planned[] = [];
  const rows = ctx.db.all<Candidate>(sql`
    SELECT r.id, r.member_id, m.member_number, m.first_name, m.last_name, r.source, r.answered_on, r.answers, r.applied_at,
           m.consent_sms, m.consent_email, m.consent_post
    FROM survey_responses r JOIN members m ON m.id = r.member_id
    WHERE r.survey_id = ${survey.id} AND r.replaced_by IS NULL AND m.archived_at IS NULL
    ORDER BY m.sort_last, m.sort_first, m.id`);
  const prefs = preferencesByMember(ctx.db);
  for (const r of rows) {
    if (r.applied_at) {
      skipped.alreadyApplied++;
      continue;
    }
    const pref = prefs.get(r.member_id);
    // Preferences a newer answer set (another survey, a later call) are not overwritten by an older one.
    if (pref?.consentOn && pref.consentOn > r.answered_on) {
      skipped.olderThanCurrent++;
      continue;
    }
    const state: PreferenceState = {
      channels: pref?.channels ?? null,
      frequency: pref?.frequency ?? null,
      interests: pref?.interests ?? null,
      consentSms: r.consent_sms === 1,
      consentEmail: r.consent_email === 1,
      consentPost: r.consent_post === 1,
    };
    const { next, changes } = proposeChanges(survey.questions, JSON.parse(r.answers) as Answers, state, ctx.language);
    if (!changes.length) {
      skipped.unchanged++;
      continue;
    }
    planned.push({
      response: r,
      next,
      changes: changes.map((c) => ({
        memberId: r.member_id,
        memberNumber: r.member_number,
        name: `${r.first_name} ${r.last_name}`.trim(),
        responseId: r.id,
        source: r.source,
        answeredOn: r.answered_on,
        ...c,
      })),
    });
  }
  return { planned, skipped };
}

function tokenOf(planned: Planned[]): string {
  const h = createHash('sha256');
  for (const p of planned) for (const c of p.changes) h.update(`${c.responseId}|${c.field}|${c.oldValue}|${c.newValue}\n`);
  return h.digest('hex').slice(0, 32);
}

export function reviewPreferences(ctx: RegisterContext, survey: SurveyEntity): PreferenceReview {
  const { planned, skipped } = plan(ctx, survey);
  return { token: tokenOf(planned), changes: planned.flatMap((p) => p.changes), members: planned.length, skipped };
}

/** History keeps readable words (it shows stored text as is): channel and frequency names in the register's language. */
function historyChanges(ctx: RegisterContext, changes: PreferenceChange[]): FieldChange[] {
  const channels = (v: string | null) => (v === null ? null : v.split(',').filter(Boolean).map((k) => pick(CHANNEL_TEXTS[k as keyof typeof CHANNEL_TEXTS], ctx.language)).join(', '));
  const frequency = (v: string | null) => (v === null ? null : pick(FREQUENCY_TEXTS[v as PreferredFrequency], ctx.language));
  return changes.map((c) => {
    if (c.field === 'channels') return { field: 'preferredChannels', oldValue: channels(c.oldValue), newValue: channels(c.newValue) };
    if (c.field === 'frequency') return { field: 'preferredFrequency', oldValue: frequency(c.oldValue), newValue: frequency(c.newValue) };
    return { field: c.field, oldValue: c.oldValue, newValue: c.newValue };
  });
}

/**
 * Applies exactly the reviewed changes: preferences (with the consent's date and source), the
 * consents the chosen channels give, a history entry per change (source survey-phone/-paper/-form).
 */
export function applyPreferences(ctx: RegisterContext, survey: SurveyEntity, token: string): { members: number; changes: number } {
  const { planned } = plan(ctx, survey);
  if (!planned.length) throw new KansliError('conflict', 'Nothing to apply', { reason: 'nothing-to-apply' });
  if (tokenOf(planned) !== token) throw new KansliError('conflict', 'The changes differ from the reviewed list', { reason: 'changed-since-review' });
  const now = isoTime(ctx.now());
  return ctx.write(() => {
    let changes = 0;
    for (const p of planned) {
      const r = p.response;
      const n = p.next;
      ctx.db.run(sql`INSERT INTO member_preferences (member_id, channels, frequency, interests, consent_on, consent_source, survey_id, response_id, updated_at)
        VALUES (${r.member_id}, ${n.channels === null ? null : n.channels.join(',')}, ${n.frequency}, ${n.interests === null ? null : JSON.stringify(n.interests)},
                ${r.answered_on}, ${r.source}, ${survey.id}, ${r.id}, ${now})
        ON CONFLICT(member_id) DO UPDATE SET channels = excluded.channels, frequency = excluded.frequency, interests = excluded.interests,
          consent_on = excluded.consent_on, consent_source = excluded.consent_source, survey_id = excluded.survey_id,
          response_id = excluded.response_id, updated_at = excluded.updated_at`);
      ctx.db.run(sql`UPDATE members SET consent_sms = ${n.consentSms}, consent_email = ${n.consentEmail}, consent_post = ${n.consentPost},
        updated_at = ${now} WHERE id = ${r.member_id}`);
      changes += recordHistory(ctx.db, r.member_id, now, historyChanges(ctx, p.changes), `survey-${r.source}`);
      ctx.db.run(sql`UPDATE survey_responses SET applied_at = ${now} WHERE id = ${r.id}`);
    }
    return { members: planned.length, changes };
  });
}
