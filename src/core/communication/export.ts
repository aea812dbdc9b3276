import { basename, dirname, join } from 'node:path';
import {
  FILE_KINDS_BY_CHANNEL,
  type Language,
  type Route,
  type SendOutEntity,
  type SendOutExportResult,
  type SendOutFileKind,
  type SendOutMergeField,
} from '../../shared/contract';
import { validationError } from '../../shared/result';
import { parseMarkdown } from '../../shared/text/markdown';
import { templateFields } from '../../shared/text/merge-fields';
import { sql } from '../db/sql';
import { sanitizeFileName, targetPath } from '../exports/file-name';
import { logExport } from '../exports/log';
import { conflict, invalid } from '../members/errors';
import { isoDate, isoTime, type RegisterContext } from '../register/context';
import { readSettings } from '../register/settings';
import { bccChunks, bccText, emailCsv } from './email-export';
import { lettersAndLabels, newsletterPdf } from './letters';
import { loadSelection, type LoadedSelection } from './load';
import { newsletterHtml } from './newsletter';
import type { Message } from './recipients';
import { bodyIssues } from './rules';
import { readCommunicationSettings } from './settings';
import { freezeRoute } from './send-outs';
import { compileTemplate, mergeSms, numbersList, smsCsv } from './sms-export';
import { audienceText, COMMUNICATION_TEXTS, FILE_EXTENSION } from './texts';
import { writeAll } from './write-files';

/** Which recipients a file is for; the newsletter's own files hold no one. */
export const ROUTE_OF: Record<SendOutFileKind, Route | null> = {
  smsCsv: 'sms',
  smsNumbers: 'sms',
  emailCsv: 'email',
  bcc: 'email',
  letters: 'post',
  newsletterHtml: null,
  newsletterPdf: null,
};

/** A message that starts like a formula would reach the gateway with an apostrophe in front. */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** What must hold before any file is made; every refusal comes before any work. */
export function checkExportable(s: SendOutEntity, kind: SendOutFileKind): void {
  if (s.status === 'sent') throw conflict('send-out-sent');
  const offered = FILE_KINDS_BY_CHANNEL[s.channel].includes(kind) && (kind !== 'letters' || s.channel === 'letter' || s.paperForOthers);
  if (!offered) throw invalid('kind', 'export-kind-not-for-channel');
  const issues = bodyIssues({ channel: s.channel, body: s.body, status: 'ready', plannedOn: s.plannedOn }).filter((i) => i.field === 'body');
  if (issues.length) throw validationError(issues);
  if (ROUTE_OF[kind] === 'sms' && FORMULA_START.test(s.body.normalize('NFC'))) throw invalid('body', 'message-formula-start');
  if (kind === 'smsNumbers' && templateFields(s.body).length) throw invalid('body', 'merge-fields-need-csv');
}

export function selectionOf(ctx: RegisterContext, s: SendOutEntity): LoadedSelection {
  return loadSelection(ctx, {
    id: s.id,
    channel: s.channel,
    audience: s.audience,
    plannedOn: s.plannedOn,
    frequencyLimit: s.frequencyLimit,
    paperForOthers: s.paperForOthers,
    important: s.important,
  });
}

export function messagesFor(selection: LoadedSelection, route: Route): Message[] {
  const out = selection.messages.filter((m) => m.route === route);
  if (!out.length) throw invalid('recipients', 'no-recipients');
  return out;
}

interface Built {
  files: { path: string; data: string | Buffer }[];
  people: number;
  messages: number;
  sms?: SendOutExportResult['sms'];
  route: Route | null;
  memberIds: number[];
}

async function build(ctx: RegisterContext, s: SendOutEntity, kind: SendOutFileKind, path: string, language: Language, chunkSize: number): Promise<Built> {
  const target = targetPath(path, FILE_EXTENSION[kind]);
  const association = readSettings(ctx.db).associationName;
  const date = s.plannedOn ?? isoDate(ctx.now());
  const route = ROUTE_OF[kind];
  if (route === null) {
    const blocks = parseMarkdown(s.body).blocks;
    const data = kind === 'newsletterHtml' ? newsletterHtml(blocks, s.title, association, ctx.language) : await newsletterPdf(blocks, s.title, association, date, ctx.language);
    return { files: [{ path: target, data }], people: 0, messages: 0, route, memberIds: [] };
  }
  const messages = messagesFor(selectionOf(ctx, s), route);
  const memberIds = messages.flatMap((m) => m.members.map((x) => x.id));
  const common = { people: memberIds.length, messages: messages.length, route, memberIds };
  switch (kind) {
    case 'smsCsv':
    case 'smsNumbers': {
      const sms = mergeSms(messages, s.body, ctx.language);
      const segments = sms.reduce((n, x) => n + x.segments, 0);
      const stats = {
        segments,
        maxSegments: sms.reduce((n, x) => Math.max(n, x.segments), 0),
        ucs2Messages: sms.filter((x) => x.ucs2).length,
        cost: segments * readCommunicationSettings(ctx.db).smsPricePerSegment,
      };
      return { ...common, sms: stats, files: [{ path: target, data: kind === 'smsCsv' ? smsCsv(sms, language) : numbersList(sms) }] };
    }
    case 'emailCsv':
      return { ...common, files: [{ path: target, data: emailCsv(messages, templateFields(s.body) as SendOutMergeField[], language) }] };
    case 'bcc':
      return { ...common, files: [{ path: target, data: bccText(bccChunks(messages, chunkSize), language) }] };
    case 'letters': {
      const body = s.channel === 'newsletter' ? { blocks: parseMarkdown(s.body).blocks } : { template: compileTemplate(s.body) };
      const out = await lettersAndLabels(ctx, { messages, title: s.title, association, date, body, language: ctx.language, country: ctx.country });
      const stem = basename(target, '.pdf');
      const labels = join(dirname(target), `${sanitizeFileName(`${stem} – ${COMMUNICATION_TEXTS[language].files.labels}`)}.pdf`);
      return { ...common, files: [{ path: target, data: out.letters }, { path: labels, data: out.labels }] };
    }
    default:
      throw new Error(`Unhandled kind ${kind}`);
  }
}

/**
 * Makes one kind of file for a send-out, all of it or nothing, then records it: the route's
 * recipients are frozen (what "mark sent" logs), the file goes into the send-out's list and the
 * register's export log, and the send-out becomes exported.
 */
export async function exportSendOut(
  ctx: RegisterContext,
  s: SendOutEntity,
  kind: SendOutFileKind,
  path: string,
  language: Language,
  chunkSize: number | undefined,
): Promise<Omit<SendOutExportResult, 'send'>> {
  checkExportable(s, kind);
  const built = await build(ctx, s, kind, path, language, chunkSize ?? readCommunicationSettings(ctx.db).bccChunkSize);
  await writeAll(built.files);
  recordExport(ctx, s, kind, built.route, built.memberIds, built.files.map((f) => basename(f.path)), built.people, built.messages);
  return { paths: built.files.map((f) => f.path), people: built.people, messages: built.messages, ...(built.sms ? { sms: built.sms } : {}) };
}

/**
 * What an export leaves in the register: the route's recipients frozen (what "mark sent" logs),
 * the files in the send-out's list and in the register's export log (accountability: personal
 * data left the register), and the send-out exported. `fileNames` empty: shown on screen to copy.
 */
export function recordExport(
  ctx: RegisterContext,
  s: SendOutEntity,
  kind: SendOutFileKind,
  route: Route | null,
  memberIds: number[],
  fileNames: string[],
  people: number,
  messages: number,
): void {
  const at = isoTime(ctx.now());
  const names = fileNames.length ? fileNames : [''];
  ctx.write(() => {
    if (route) freezeRoute(ctx.db, s.id, route, memberIds, at);
    for (const name of names) {
      ctx.db.run(sql`INSERT INTO send_out_files (send_out_id, at, kind, file_name, people, messages)
                     VALUES (${s.id}, ${at}, ${kind}, ${name}, ${people}, ${messages})`);
    }
    ctx.db.run(sql`UPDATE send_outs SET status = 'exported', exported_at = ${at}, updated_at = ${at} WHERE id = ${s.id}`);
  });
  // The log's "who": a saved segment by id and name, all members as everyone, a group or roles by their words.
  const segment =
    s.audience.kind === 'segment'
      ? { id: s.audience.segmentId, name: s.audienceName }
      : { id: null, name: s.audience.kind === 'all' ? null : audienceText(s, ctx.language) };
  for (const name of names) {
    logExport(ctx, { kind: 'sendOut', format: FILE_EXTENSION[kind], segment, people, columns: [kind], fileName: name });
  }
}
