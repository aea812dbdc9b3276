import {
  PREFERRED_CHANNELS,
  type Answers,
  type Language,
  type PreferenceField,
  type PreferredChannel,
  type PreferredFrequency,
  type SurveyQuestion,
} from '../../shared/contract';
import { pick } from './texts';

/** What the register holds for a member, as far as the survey can change it. */
export interface PreferenceState {
  channels: PreferredChannel[] | null;
  frequency: PreferredFrequency | null;
  interests: string[] | null;
  consentSms: boolean;
  consentEmail: boolean;
  consentPost: boolean;
}

export interface ProposedChange {
  field: PreferenceField;
  oldValue: string | null;
  newValue: string | null;
}

/** A channel the member asks for is also their consent to be reached through it. */
const CONSENT_OF: Partial<Record<PreferredChannel, 'consentSms' | 'consentEmail' | 'consentPost'>> = {
  sms: 'consentSms',
  email: 'consentEmail',
  letter: 'consentPost',
};

const joinKeys = (keys: string[] | null) => (keys === null ? null : keys.join(','));
const joinTexts = (texts: string[] | null) => (texts === null ? null : texts.join('; '));

/**
 * Maps one response onto the member's preferences: the channels question sets the preferred
 * channels (and gives consent for SMS, e-mail and post when chosen — never takes one away: a
 * member not choosing e-mail has not withdrawn from it, the channels say what they prefer), the
 * frequency question the frequency, and the question marked for interests the interests (its
 * chosen options' texts in the register's language). Unanswered questions change nothing.
 */
export function proposeChanges(
  questions: SurveyQuestion[],
  answers: Answers,
  state: PreferenceState,
  language: Language,
): { next: PreferenceState; changes: ProposedChange[] } {
  const next: PreferenceState = { ...state };
  const changes: ProposedChange[] = [];
  for (const q of questions) {
    const v = answers[String(q.id)];
    if (v === undefined) continue;
    if (q.kind === 'channels' && Array.isArray(v)) {
      const channels = PREFERRED_CHANNELS.filter((c) => v.includes(c));
      if (joinKeys(channels) !== joinKeys(state.channels)) changes.push({ field: 'channels', oldValue: joinKeys(state.channels), newValue: joinKeys(channels) });
      next.channels = channels;
      for (const c of channels) {
        const flag = CONSENT_OF[c];
        if (flag && !state[flag]) {
          changes.push({ field: flag, oldValue: '0', newValue: '1' });
          next[flag] = true;
        }
      }
    } else if (q.kind === 'frequency' && typeof v === 'string') {
      const f = v as PreferredFrequency;
      if (f !== state.frequency) changes.push({ field: 'frequency', oldValue: state.frequency, newValue: f });
      next.frequency = f;
    } else if (q.interests) {
      const keys = Array.isArray(v) ? v : [String(v)];
      const texts = q.options.filter((o) => keys.includes(o.key)).map((o) => pick(o.text, language));
      if (joinTexts(texts) !== joinTexts(state.interests)) changes.push({ field: 'interests', oldValue: joinTexts(state.interests), newValue: joinTexts(texts) });
      next.interests = texts;
    }
  }
  return { next, changes };
}
