import { z } from 'zod';
import { CONTACT_OUTCOMES, type ContactOutcome } from './contact-log';
import { handler } from './define';
import { LANGUAGES, type Language } from './register';
import { segmentRefSchema } from './segments';
import { idArgs, idSchema, isoDateSchema } from './types';

/**
 * The members-wishes survey: questions per language, answers collected on paper, by phone or from
 * a form tool's CSV, results, and the members' preferences the special questions feed.
 */

export const QUESTION_KINDS = ['single', 'multiple', 'scale', 'short', 'long', 'channels', 'frequency'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
/** Kinds answered by choosing among options (their answers are option keys). */
export const CHOICE_KINDS: readonly QuestionKind[] = ['single', 'multiple', 'channels', 'frequency'];
/** Kinds whose options are fixed by Kansli: they map onto member preferences. */
export const SPECIAL_KINDS: readonly QuestionKind[] = ['channels', 'frequency'];

export const PREFERRED_CHANNELS = ['sms', 'email', 'letter', 'phone'] as const;
export type PreferredChannel = (typeof PREFERRED_CHANNELS)[number];
/** "important" = only important news. */
export const PREFERRED_FREQUENCIES = ['weekly', 'monthly', 'quarterly', 'important'] as const;
export type PreferredFrequency = (typeof PREFERRED_FREQUENCIES)[number];

/** How an answer reached the register; also the source of the consent it records. */
export const RESPONSE_SOURCES = ['paper', 'phone', 'form'] as const;
export type ResponseSource = (typeof RESPONSE_SOURCES)[number];

export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
export const SHORT_TEXT_MAX = 500;
export const LONG_TEXT_MAX = 4000;
export const SURVEY_LIMITS = { questions: 60, options: 30 } as const;

/** A text in the languages it was written in; shown in the wanted one, else the first present. */
export type LocalText = Partial<Record<Language, string>>;

export interface SurveyOption {
  /** Stable key the answers store ("o1"; the special kinds' own keys: "sms", "monthly" …). */
  key: string;
  text: LocalText;
}

export interface SurveyQuestion {
  id: number;
  kind: QuestionKind;
  text: LocalText;
  required: boolean;
  options: SurveyOption[];
  /** Its chosen options become the member's interests when preferences are applied. */
  interests: boolean;
}

export interface SurveyEntity {
  id: number;
  title: LocalText;
  intro: LocalText;
  /** The saved segment the survey asks (response rate is counted against it); null = every active member. */
  audienceSegmentId: number | null;
  questions: SurveyQuestion[];
  /** Current responses matched to a member. */
  responses: number;
  createdAt: string;
  updatedAt: string;
}

export interface SurveySummary {
  id: number;
  title: LocalText;
  questions: number;
  responses: number;
  /** Imported rows waiting for a member. */
  unmatched: number;
  updatedAt: string;
}

/** One answer: an option key (single, frequency), option keys (multiple, channels), 1–5 (scale), text. */
export type AnswerValue = string | string[] | number;
/** Answers keyed by question id. An unanswered question is absent. */
export type Answers = Record<string, AnswerValue>;

const localText = (max: number) =>
  z.object({
    sv: z.string().trim().max(max).optional(),
    nb: z.string().trim().max(max).optional(),
    en: z.string().trim().max(max).optional(),
  });

const optionInputSchema = z.object({
  key: z.string().regex(/^[a-z0-9-]{1,20}$/).optional(),
  text: localText(200),
});

export const questionInputSchema = z.object({
  /** Absent for a new question. */
  id: idSchema.optional(),
  kind: z.enum(QUESTION_KINDS),
  text: localText(500),
  required: z.boolean().default(false),
  /** Ignored for scale, text and the special kinds (Kansli's own options). */
  options: z.array(optionInputSchema).max(SURVEY_LIMITS.options).default([]),
  interests: z.boolean().default(false),
});
export type QuestionInput = z.input<typeof questionInputSchema>;

export const surveyInputSchema = z.object({
  id: idSchema.optional(),
  title: localText(200),
  intro: localText(2000).default({}),
  audienceSegmentId: idSchema.nullable().default(null),
  /** In the order asked. */
  questions: z.array(questionInputSchema).max(SURVEY_LIMITS.questions),
});
export type SurveyInput = z.input<typeof surveyInputSchema>;

/** A survey not saved yet (the template). */
export interface SurveyDraft {
  title: LocalText;
  intro: LocalText;
  audienceSegmentId: null;
  questions: Omit<SurveyQuestion, 'id'>[];
}

export const answersSchema = z.record(
  z.string().regex(/^\d{1,9}$/),
  z.union([z.string().max(LONG_TEXT_MAX * 2), z.array(z.string().max(20)).max(SURVEY_LIMITS.options), z.number().int()]),
);

/** An answer kept aside because it could not be stored as given (imports): shown, never dropped. */
export interface AnswerProblem {
  /** Null: the row's date ("answered on") could not be used; the response is dated the import's day. */
  questionId: number | null;
  /** answer-not-an-option, answer-out-of-scale, answer-too-long, answer-required … */
  code: string;
  /** The value as the file had it. */
  value: string;
}

/** What an imported row said about who answered: shown while it waits for a member. */
export interface ImportedIdentity {
  row: number;
  name: string | null;
  memberNumber: string | null;
  email: string | null;
  mobile: string | null;
  /** Why no member was found: none matched, or the row's details matched different members. */
  reason: 'no-match' | 'ambiguous' | null;
}

export interface ResponseRow {
  id: number;
  surveyId: number;
  memberId: number | null;
  memberNumber: number | null;
  name: string | null;
  source: ResponseSource;
  answeredOn: string;
  answers: Answers;
  /** The member's newer response that replaced this one (newer wins; the older is kept). */
  replacedBy: number | null;
  problems: AnswerProblem[];
  imported: ImportedIdentity | null;
  appliedAt: string | null;
}

export interface RespondResult {
  response: ResponseRow;
  /** The member's earlier response this one replaced. */
  replaced: number | null;
  /** The member already had a newer response: this one is kept, but the newer stays current. */
  olderThanCurrent: boolean;
}

/** A member found by number for the paper entry screen. */
export interface EntryMember {
  memberId: number;
  memberNumber: number;
  firstName: string;
  lastName: string;
  archived: boolean;
  /** The member's current response, when there is one (a new one would replace it). */
  current: ResponseRow | null;
}

export interface CallListRow {
  memberId: number;
  memberNumber: number;
  firstName: string;
  lastName: string;
  mobile: string | null;
  answered: boolean;
  /** The latest call made for this survey. */
  lastOutcome: ContactOutcome | null;
  lastCallOn: string | null;
  calls: number;
}

/** A CSV column's meaning: who answered, when, or a question's answers. */
export type SurveyColumnTarget = 'memberNumber' | 'email' | 'mobile' | 'name' | 'answeredOn' | `q:${number}`;
const columnTargetSchema = z.union([
  z.enum(['memberNumber', 'email', 'mobile', 'name', 'answeredOn']),
  z.string().regex(/^q:\d{1,9}$/),
]) as z.ZodType<SurveyColumnTarget>;

export interface SurveyRowProblem {
  /** The row's line in the file. */
  row: number;
  questionId: number | null;
  code: string;
  value: string;
}

export interface SurveyImportCheck {
  rows: number;
  matched: number;
  unmatched: number;
  /** Rows of the file for a member another row (or an earlier response) also answered for: newer wins. */
  repeats: number;
  problems: SurveyRowProblem[];
  problemCount: number;
}

export interface SurveyImportPreview {
  fileName: string;
  headerRow: number;
  headers: string[];
  /** The first data rows as in the file. */
  sample: string[][];
  /** The one given, else Kansli's suggestion (by the headers' names and the questions' texts). */
  mapping: (SurveyColumnTarget | null)[];
  check: SurveyImportCheck;
}

export interface SurveyImportResult extends SurveyImportCheck {
  importId: number;
  imported: number;
}

export interface TextAnswer {
  responseId: number;
  memberNumber: number;
  name: string;
  answeredOn: string;
  text: string;
}

export interface QuestionResult {
  questionId: number;
  kind: QuestionKind;
  /** Responses (in the filter) that answered it. */
  answered: number;
  /** Per option key (choices) or per step "1"…"5" (scale), in the options' order; empty for text. */
  counts: { key: string; count: number }[];
  /** Scale only. */
  mean: number | null;
  /** Text questions: the newest answers first (up to 50) and how many there are. */
  texts: { total: number; first: TextAnswer[] };
}

export interface SurveyResults {
  surveyId: number;
  /** Members asked (the audience, within the filter). */
  audience: number;
  /** Of them, members with a current response. */
  responded: number;
  /** Current responses counted in the charts (within the filter; may include members outside the audience). */
  responses: number;
  unmatched: number;
  /** Older responses replaced by a newer one from the same member (kept, not counted). */
  replaced: number;
  /** Every saved segment: its members in the audience and how many of them answered. */
  perSegment: { segmentId: number; name: string; members: number; responded: number }[];
  questions: QuestionResult[];
}

export const PREFERENCE_FIELDS = ['channels', 'frequency', 'interests', 'consentSms', 'consentEmail', 'consentPost'] as const;
export type PreferenceField = (typeof PREFERENCE_FIELDS)[number];

/**
 * One change applying would make. Values as text: channels "sms,letter" (keys), frequency a key,
 * interests the chosen options' texts joined with "; ", consents "1"/"0".
 */
export interface PreferenceChange {
  memberId: number;
  memberNumber: number;
  name: string;
  responseId: number;
  source: ResponseSource;
  answeredOn: string;
  field: PreferenceField;
  oldValue: string | null;
  newValue: string | null;
}

export interface PreferenceReview {
  /** Hands the reviewed list back to apply: refused when the list has changed since. */
  token: string;
  changes: PreferenceChange[];
  /** Members the changes concern. */
  members: number;
  skipped: {
    /** Responses applied before. */
    alreadyApplied: number;
    /** The member's preferences come from a newer answer (another survey). */
    olderThanCurrent: number;
    /** Nothing in the response that would change anything. */
    unchanged: number;
  };
}

export interface MemberPreferences {
  memberId: number;
  channels: PreferredChannel[] | null;
  frequency: PreferredFrequency | null;
  interests: string[] | null;
  /** When and how the member said so (the response's date and source). */
  consentOn: string | null;
  consentSource: ResponseSource | null;
  surveyId: number | null;
  updatedAt: string;
}

const surveyId = { surveyId: idSchema };
/** Every file the survey writes: the path the user picked (absolute); name sanitised, extension set. */
const fileArgs = { path: z.string().min(1).max(4096), language: z.enum(LANGUAGES).optional(), segment: segmentRefSchema.optional() };
const importArgs = {
  ...surveyId,
  path: z.string().min(1).max(4096),
  /** 1-based; detected when absent. */
  headerRow: z.number().int().min(1).max(50).optional(),
  mapping: z.array(columnTargetSchema.nullable()).max(500).optional(),
};

export const surveysContract = {
  'surveys.list': handler<SurveySummary[]>()(z.object({})),
  'surveys.get': handler<SurveyEntity>()(idArgs),
  /** The field's questions (how often, which channels, which topics, how to be active, may we call), unsaved. */
  'surveys.template': handler<SurveyDraft>()(z.object({})),
  /**
   * Creates (no id) or replaces a survey's title, intro, audience and questions. Refused
   * (validation, field `questions.N…`): `survey-title-missing`, `survey-no-questions`,
   * `question-text-missing`, `question-no-options`, `option-text-missing`, `option-duplicate`,
   * `question-special-twice`, `interests-not-a-choice`, `interests-twice`; once answered:
   * `question-has-answers` (a removed question, a changed kind or a removed option that holds answers).
   */
  'surveys.save': handler<SurveyEntity>()(surveyInputSchema),
  /** Refused once it holds responses: `survey-has-responses` (conflict). */
  'surveys.delete': handler<{ deleted: true }>()(idArgs),

  /** Paper entry: the member with this number, and their current response. `member-not-found`. */
  'surveys.findMember': handler<EntryMember>()(z.object({ ...surveyId, memberNumber: z.number().int().positive() })),
  /**
   * One member's answers (paper entry, a form filled in on screen). Refused: `answer-required`,
   * `answer-not-an-option`, `answer-out-of-scale`, `answer-too-long`, `answer-wrong-type`,
   * `answer-unknown-question` (field `answers.<questionId>`), `date-in-future`, `member-archived`.
   */
  'surveys.respond': handler<RespondResult>()(
    z.object({ ...surveyId, memberId: idSchema, source: z.enum(RESPONSE_SOURCES), answeredOn: isoDateSchema, answers: answersSchema }),
  ),
  'surveys.responses': handler<{ total: number; rows: ResponseRow[] }>()(
    z.object({
      ...surveyId,
      /** all: every response, replaced ones too (beside the newer); unmatched: imported rows without a member. */
      filter: z.enum(['all', 'current', 'unmatched']).default('all'),
      memberId: idSchema.optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
  ),
  /** Removes one response (a mistake); the member's previous response, if any, becomes current again. */
  'surveys.removeResponse': handler<{ removed: true }>()(idArgs),
  /** An unmatched imported row given its member by hand. `response-already-matched`, `member-archived`. */
  'surveys.matchResponse': handler<RespondResult>()(z.object({ id: idSchema, memberId: idSchema })),

  /** Phone interviews: the segment's members (the survey's audience when absent), by name. */
  'surveys.callList': handler<CallListRow[]>()(z.object({ ...surveyId, segment: segmentRefSchema.optional() })),
  /**
   * One call: its outcome goes into the contact log (a call, noted with the survey); answers given
   * (outcome `reached`) are stored as a phone response, in the same transaction. Refused as
   * `surveys.respond`, and `answers-need-reached` for answers with another outcome.
   */
  'surveys.recordCall': handler<{ contactId: number; response: RespondResult | null }>()(
    z.object({
      ...surveyId,
      memberId: idSchema,
      on: isoDateSchema,
      outcome: z.enum(CONTACT_OUTCOMES),
      answers: answersSchema.optional(),
      notes: z.string().max(4000).default(''),
      madeBy: z.string().trim().max(100).default(''),
      followUpOn: isoDateSchema.nullable().default(null),
    }),
  ),

  /**
   * A form tool's CSV (or .xlsx): columns mapped to who answered (member number, e-mail, mobile,
   * name), the date and the questions; members matched by number, then e-mail, then mobile.
   * Refused as the member import refuses a file (`file-empty`, `not-tabular`, `too-many-rows` …),
   * and `import-no-identity-column`, `import-column-twice`, `import-no-question-columns`.
   */
  'surveys.importPreview': handler<SurveyImportPreview>()(z.object(importArgs)),
  /** Imports every row: matched rows as responses (source form), the others kept unmatched for matching by hand. */
  'surveys.importRun': handler<SurveyImportResult>()(z.object({ ...importArgs, headerRow: z.number().int().min(1).max(50), mapping: importArgs.mapping.unwrap() })),

  'surveys.results': handler<SurveyResults>()(z.object({ ...surveyId, segment: segmentRefSchema.optional() })),
  'surveys.textAnswers': handler<{ total: number; rows: TextAnswer[] }>()(
    z.object({
      ...surveyId,
      questionId: idSchema,
      segment: segmentRefSchema.optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(100),
    }),
  ),
  /** One row per response (replaced ones too, marked), one column per question. */
  'surveys.exportCsv': handler<{ path: string; rows: number }>()(z.object({ ...surveyId, ...fileArgs })),
  /** The results for the board: response rates, a chart per question, the free-text answers. */
  'surveys.reportPdf': handler<{ path: string }>()(z.object({ ...surveyId, ...fileArgs })),
  /**
   * Printable forms: one per member of `segment` (the survey's audience when absent) with name and
   * member number printed, or `blank` copies to fill in by hand. `survey-no-questions`, `segment-matches-nobody`.
   */
  'surveys.formPdf': handler<{ path: string; forms: number }>()(
    z.object({ ...surveyId, ...fileArgs, blank: z.number().int().min(1).max(500).optional() }),
  ),

  /** Every change applying the survey's special answers would make, for review. */
  'surveys.preferenceReview': handler<PreferenceReview>()(z.object(surveyId)),
  /** Applies the reviewed changes. `changed-since-review` (conflict) when the list differs; `nothing-to-apply`. */
  'surveys.applyPreferences': handler<{ members: number; changes: number }>()(z.object({ ...surveyId, token: z.string().min(1).max(200) })),
  'surveys.memberPreferences': handler<MemberPreferences | null>()(z.object({ memberId: idSchema })),
} as const;
