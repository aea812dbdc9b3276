import { z } from 'zod';
import { handler } from './define';
import { ROLES, type Role } from './groups';
import { LANGUAGES } from './register';
import { idSchema, isoDateSchema } from './types';

/**
 * Send-outs: the plan of newsletters, SMS, e-mails and printed letters; who they reach; the
 * files a gateway or mail tool sends from; the sent log (contact-log entries) and opt-outs.
 * Kansli plans and prepares; it never sends anything itself.
 */

export const SEND_OUT_CHANNELS = ['newsletter', 'sms', 'email', 'letter'] as const;
export type SendOutChannel = (typeof SEND_OUT_CHANNELS)[number];
/** idea → planned → ready are set by the user; exported and sent follow from what is done. */
export const SEND_OUT_STATUSES = ['idea', 'planned', 'ready', 'exported', 'sent'] as const;
export type SendOutStatus = (typeof SEND_OUT_STATUSES)[number];
export const EDITABLE_STATUSES = ['idea', 'planned', 'ready'] as const;
/** A moment of the dues year a send-out goes with ("with the February invoice"). */
export const DUES_STEPS = ['invoice', 'reminder1', 'reminder2', 'reminder3', 'strikeOff'] as const;
export type DuesStep = (typeof DUES_STEPS)[number];
/** How a message reaches one member: the channel's own way, or a printed letter. */
export const ROUTES = ['sms', 'email', 'post'] as const;
export type Route = (typeof ROUTES)[number];
export const OPT_OUT_CHANNELS = ['sms', 'email', 'post'] as const;
export type OptOutChannel = (typeof OPT_OUT_CHANNELS)[number];

/** Merge fields a send-out's text may use, e.g. "Hej {firstName}!". */
export const SEND_OUT_MERGE_FIELDS = ['firstName', 'lastName', 'fullName', 'memberNumber'] as const;
export type SendOutMergeField = (typeof SEND_OUT_MERGE_FIELDS)[number];

/** Longest SMS accepted (a longer text is almost always a mistake, and costly). */
export const MAX_SMS_SEGMENTS = 10;
/** Days the frequency limit looks back from a send-out's date. */
export const FREQUENCY_WINDOW_DAYS = 30;
export const DEFAULT_FREQUENCY_LIMIT = 2;
export const DEFAULT_BCC_CHUNK = 50;

/**
 * Who a send-out is for. "All members" is every active member; a group's roles are those held
 * on the send-out's date (the board: a group of kind board, any role); roles anywhere are e.g.
 * all local leaders, whatever group they lead.
 */
export type Audience =
  | { kind: 'all' }
  | { kind: 'segment'; segmentId: number }
  | { kind: 'group'; groupId: number; roles?: Role[] }
  | { kind: 'roles'; roles: Role[] };

export const audienceSchema: z.ZodType<Audience> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('segment'), segmentId: idSchema }),
  z.object({ kind: z.literal('group'), groupId: idSchema, roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length).optional() }),
  z.object({ kind: z.literal('roles'), roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length) }),
]) as z.ZodType<Audience>;

export interface SendOutEntity {
  id: number;
  title: string;
  channel: SendOutChannel;
  status: SendOutStatus;
  plannedOn: string | null;
  audience: Audience;
  /** The audience in words' building blocks: the segment's or group's name (null for all / roles). */
  audienceName: string | null;
  /** The message (SMS, e-mail, letter) or the newsletter in the editor's Markdown subset. */
  body: string;
  duesYear: number | null;
  duesStep: DuesStep | null;
  /** null = the register's default; 0 = no limit for this send-out. */
  frequencyLimit: number | null;
  /** Members the channel cannot reach (no consent or no address for it) get a printed letter. */
  paperForOthers: boolean;
  /**
   * Marked important: it also reaches members who asked (in a survey) for "only important news";
   * without the mark they are left out of it (`prefers-important-only`).
   */
  important: boolean;
  exportedAt: string | null;
  sentOn: string | null;
  createdAt: string;
  updatedAt: string;
  /** Routes whose recipients are frozen by an export (what "mark sent" logs). */
  exportedRoutes: Route[];
}

export interface SendOutFileEntry {
  id: number;
  at: string;
  kind: SendOutFileKind;
  fileName: string;
  people: number;
  messages: number;
}

export const sendOutInputSchema = z.object({
  title: z.string().trim().min(1).max(200),
  channel: z.enum(SEND_OUT_CHANNELS),
  status: z.enum(EDITABLE_STATUSES).default('idea'),
  plannedOn: isoDateSchema.nullable().default(null),
  audience: audienceSchema,
  body: z.string().max(50_000).default(''),
  duesYear: z.number().int().min(2000).max(2100).nullable().default(null),
  duesStep: z.enum(DUES_STEPS).nullable().default(null),
  frequencyLimit: z.number().int().min(0).max(50).nullable().default(null),
  paperForOthers: z.boolean().default(false),
  important: z.boolean().default(false),
});
export type SendOutInput = z.input<typeof sendOutInputSchema>;

/** Why a member of the audience gets nothing (first reason that applies, in this order). */
export const LEFT_OUT_REASONS = [
  'opted-out',
  'no-consent',
  'no-mobile',
  'no-email',
  'no-address',
  'prefers-other-channel',
  'frequency-limit',
  'prefers-less-often',
  'prefers-important-only',
] as const;
export type LeftOutReason = (typeof LEFT_OUT_REASONS)[number];

export interface PersonRef {
  memberId: number;
  memberNumber: number;
  firstName: string;
  lastName: string;
}

export interface LeftOutRow extends PersonRef {
  reason: LeftOutReason;
  /** For 'frequency-limit': the messages they got in the window. */
  messages?: number;
}

/** A member reached by someone else's message: the same mobile, e-mail address or household. */
export interface CombinedRow extends PersonRef {
  route: Route;
  /** Whose message it is (the first of them by name). */
  with: PersonRef;
}

export interface MergeValueStats {
  /** The longest value among the recipients (what the SMS counter counts with). */
  longest: string;
  /** Recipients whose value has characters outside GSM-7 (their SMS goes as UCS-2). */
  ucs2: number;
}

export interface RecipientSummary {
  /** Members in the audience (not archived). */
  audience: number;
  /** Messages per route after de-duplication (one SMS to a shared phone). */
  messages: Record<Route, number>;
  /** Members reached, counting those who share a message. */
  people: number;
  leftOut: { total: number; counts: Partial<Record<LeftOutReason, number>>; rows: LeftOutRow[] };
  combined: { total: number; rows: CombinedRow[] };
  /** The limit used (0 = none), and the default it came from when the send-out has none. */
  frequencyLimit: number;
  frequencyDefault: number;
  /** The frequency window, both ends inclusive. */
  window: { from: string; to: string };
  /** Merge-field values of the SMS recipients (all recipients for other channels). */
  mergeValues: Record<SendOutMergeField, MergeValueStats>;
}

export const SEND_OUT_FILE_KINDS = ['smsCsv', 'smsNumbers', 'emailCsv', 'bcc', 'letters', 'newsletterHtml', 'newsletterPdf'] as const;
export type SendOutFileKind = (typeof SEND_OUT_FILE_KINDS)[number];

/** Which files each channel offers; 'letters' only when some members get paper. */
export const FILE_KINDS_BY_CHANNEL: Record<SendOutChannel, SendOutFileKind[]> = {
  sms: ['smsCsv', 'smsNumbers', 'letters'],
  email: ['emailCsv', 'bcc', 'letters'],
  newsletter: ['newsletterHtml', 'emailCsv', 'bcc', 'newsletterPdf', 'letters'],
  letter: ['letters'],
};

export interface SendOutExportResult {
  /** The files written (letters: the letters and their labels). */
  paths: string[];
  /** Members the file reaches, and messages (rows, letters) in it. */
  people: number;
  messages: number;
  /** SMS only: segments over all messages, the longest message's, and the cost at the settings' price. */
  sms?: { segments: number; maxSegments: number; ucs2Messages: number; cost: number };
  send: SendOutEntity;
}

export interface CommunicationSettings {
  /** Price of one SMS segment in minor units (öre / øre). */
  smsPricePerSegment: number;
  /** Default maximum send-out messages per member in 30 days; 0 = no limit. */
  frequencyLimit: number;
  bccChunkSize: number;
}

export const communicationSettingsSchema = z.object({
  smsPricePerSegment: z.number().int().min(0).max(100_000),
  frequencyLimit: z.number().int().min(0).max(50),
  bccChunkSize: z.number().int().min(1).max(1000),
});

export interface OptOutEntity {
  memberId: number;
  channel: OptOutChannel;
  on: string;
  source: 'member-page' | 'pasted-list';
  note: string;
}

/** One line of a pasted opt-out list, understood. */
export interface OptOutListEntry {
  /** The line as pasted (trimmed). */
  input: string;
  channel: 'sms' | 'email';
  /** E.164 number or e-mail address. */
  value: string;
  members: PersonRef[];
  /** Members among them who had already opted out of the channel. */
  already: number;
}

export interface OptOutListResult {
  entries: OptOutListEntry[];
  /** Numbers and addresses no member has. */
  unknown: string[];
  /** Lines that hold neither a phone number nor an e-mail address. */
  invalid: string[];
  /** Opt-outs recorded (0 for a preview). */
  recorded: number;
}

const pathSchema = z.string().min(1).max(4096);
const languageSchema = z.enum(LANGUAGES).optional();

const draftSchema = z.object({
  /** The saved send-out whose own sent entries do not count against itself. */
  id: idSchema.optional(),
  channel: z.enum(SEND_OUT_CHANNELS),
  audience: audienceSchema,
  plannedOn: isoDateSchema.nullable().default(null),
  frequencyLimit: z.number().int().min(0).max(50).nullable().default(null),
  paperForOthers: z.boolean().default(false),
  important: z.boolean().default(false),
  /** Rows of the left-out and combined lists to return (the counts are always complete). */
  limit: z.number().int().min(0).max(10_000).default(500),
});

export const communicationContract = {
  /** The plan, by date (undated ideas last); `from`/`to` bound the planned date. */
  'sendOuts.list': handler<SendOutEntity[]>()(z.object({ from: isoDateSchema.optional(), to: isoDateSchema.optional() })),
  'sendOuts.get': handler<SendOutEntity & { files: SendOutFileEntry[] }>()(z.object({ id: idSchema })),
  /**
   * Creates (no id) or updates. Refused (validation): `date-required` (planned, ready),
   * `message-empty` (ready), `sms-too-long` (over 10 segments at the merge fields' longest
   * values), `merge-field-unknown`, `merge-field-unclosed`, `link-unsafe` (a newsletter link that
   * is not http(s) or mailto), `segment-not-found`, `group-not-found`; conflict `send-out-sent`.
   * Changing the text or audience of an exported send-out makes it ready again (its files are stale);
   * so does the important mark, which changes who gets it.
   */
  'sendOuts.save': handler<SendOutEntity>()(sendOutInputSchema.extend({ id: idSchema.optional() })),
  /** Refused: conflict `send-out-sent` (undo "sent" first; the contact log keeps it). */
  'sendOuts.delete': handler<{ deleted: true }>()(z.object({ id: idSchema })),
  /** Who a (draft) send-out reaches, who is left out and why. */
  'sendOuts.recipients': handler<RecipientSummary>()(draftSchema),
  /**
   * Writes one file kind (all files of it, or none). Refused: `export-kind-not-for-channel`,
   * `no-recipients`, `message-empty`, `sms-too-long` (a merged message over 10 segments),
   * `merge-field-*`, `path-not-absolute`; `io`. The send-out becomes exported.
   */
  'sendOuts.export': handler<SendOutExportResult>()(
    z.object({
      id: idSchema,
      kind: z.enum(SEND_OUT_FILE_KINDS),
      path: pathSchema,
      bccChunkSize: z.number().int().min(1).max(1000).optional(),
      language: languageSchema,
    }),
  ),
  /** A sanitised default file name, e.g. "SMS – Årsmöte – 2026-03-01.csv". */
  'sendOuts.defaultName': handler<{ name: string }>()(z.object({ id: idSchema, kind: z.enum(SEND_OUT_FILE_KINDS), language: languageSchema })),
  /**
   * BCC lists in chunks for copying into a mail program (same recipients as the e-mail export).
   * Shown is exported: the e-mail recipients are frozen for "sent" and the export log records it.
   */
  'sendOuts.bccChunks': handler<{ chunks: string[][]; people: number }>()(
    z.object({ id: idSchema, chunkSize: z.number().int().min(1).max(1000).optional() }),
  ),
  /**
   * Each member the exported files went to gets a contact-log entry (channel, date, subject).
   * Refused: `send-out-not-exported`, `date-in-future`; conflict `send-out-sent`.
   */
  'sendOuts.markSent': handler<{ send: SendOutEntity; entries: number }>()(z.object({ id: idSchema, on: isoDateSchema.optional() })),
  /** Takes back "sent": removes exactly the entries it wrote; the send-out is exported again. */
  'sendOuts.undoSent': handler<{ send: SendOutEntity; removed: number }>()(z.object({ id: idSchema })),
  /** The plan as iCalendar (.ics), one all-day event per dated send-out in [from, to]. */
  'sendOuts.exportPlan': handler<{ path: string; events: number }>()(
    z.object({ path: pathSchema, from: isoDateSchema.optional(), to: isoDateSchema.optional(), language: languageSchema }),
  ),
  'sendOuts.settings': handler<CommunicationSettings>()(z.object({})),
  'sendOuts.saveSettings': handler<CommunicationSettings>()(communicationSettingsSchema),

  'optOuts.member': handler<OptOutEntity[]>()(z.object({ memberId: idSchema })),
  /** Records or removes one member's opt-out of one channel (from the member page). */
  'optOuts.set': handler<OptOutEntity[]>()(
    z.object({ memberId: idSchema, channel: z.enum(OPT_OUT_CHANNELS), optedOut: z.boolean(), note: z.string().max(500).default('') }),
  ),
  /**
   * A pasted list of numbers and e-mail addresses (one a line; e.g. the replies "STOP"): numbers
   * opt out of SMS, addresses of e-mail. `apply` false previews. Applying a list with unknown or
   * unreadable lines is refused (`opt-out-list-unknown`) unless `skipUnknown`; `opt-out-list-empty`.
   */
  'optOuts.pasteList': handler<OptOutListResult>()(
    z.object({ text: z.string().max(500_000), apply: z.boolean().default(false), skipUnknown: z.boolean().default(false) }),
  ),
} as const;
