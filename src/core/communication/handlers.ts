import type { Api, SendOutEntity } from '../../shared/contract';
import { validationError } from '../../shared/result';
import { sql } from '../db/sql';
import { sanitizeFileName, targetPath } from '../exports/file-name';
import { logExport } from '../exports/log';
import { conflict, invalid } from '../members/errors';
import { mustGetMember } from '../members/queries';
import { isoDate, isoTime, type ContextProvider } from '../register/context';
import { readSettings } from '../register/settings';
import { checkAudience } from './audience';
import { bccChunks } from './email-export';
import { checkExportable, exportSendOut, messagesFor, recordExport, selectionOf } from './export';
import { planIcs } from './ics';
import { loadSelection } from './load';
import { mergeValueStats } from './merge';
import { matchPasted, memberOptOuts, readPastedList, recordOptOut, removeOptOut } from './opt-outs';
import { bodyIssues, changesExport, smsSegmentsAtLongest, tooLong } from './rules';
import { clearRoutes, listFiles, listSendOuts, mustGetSendOut } from './send-outs';
import { removeSentEntries, writeSentEntries } from './sent';
import { readCommunicationSettings, writeCommunicationSettings } from './settings';
import { summarize } from './summary';
import { COMMUNICATION_TEXTS, FILE_EXTENSION } from './texts';
import { writeAll } from './write-files';

type CommunicationApi = Pick<Api, Extract<keyof Api, `sendOuts.${string}` | `optOuts.${string}`>>;

export function createCommunicationHandlers(context: ContextProvider): CommunicationApi {
  return {
    async 'sendOuts.list'({ from, to }) {
      return listSendOuts(context().db, from, to);
    },

    async 'sendOuts.get'({ id }) {
      const { db } = context();
      return { ...mustGetSendOut(db, id), files: listFiles(db, id) };
    },

    async 'sendOuts.save'({ id, ...input }) {
      const ctx = context();
      const before = id ? mustGetSendOut(ctx.db, id) : null;
      if (before?.status === 'sent') throw conflict('send-out-sent');
      checkAudience(ctx.db, input.audience);
      const issues = bodyIssues(input);
      // The SMS limit at the recipients' longest names: the composer's own count, checked again here.
      if (!issues.length && input.channel === 'sms' && input.body.trim()) {
        const selection = loadSelection(ctx, { ...input, id });
        const sms = selection.messages.filter((m) => m.route === 'sms');
        const longest = mergeValueStats(sms, ctx.language);
        const at = (f: keyof typeof longest) => longest[f].longest;
        issues.push(...tooLong(smsSegmentsAtLongest(input.body, { firstName: at('firstName'), lastName: at('lastName'), fullName: at('fullName'), memberNumber: at('memberNumber') })));
      }
      if (issues.length) throw validationError(issues);
      const now = isoTime(ctx.now());
      const stale = before?.status === 'exported' && changesExport(before, input);
      const status = before?.status === 'exported' && !stale ? 'exported' : input.status;
      return ctx.write(() => {
        const audience = JSON.stringify(input.audience);
        let sendOutId = id;
        if (sendOutId) {
          ctx.db.run(sql`UPDATE send_outs SET title = ${input.title}, channel = ${input.channel}, status = ${status}, planned_on = ${input.plannedOn},
              audience = ${audience}, body = ${input.body}, dues_year = ${input.duesYear}, dues_step = ${input.duesStep},
              frequency_limit = ${input.frequencyLimit}, paper_for_others = ${input.paperForOthers}, important = ${input.important}, updated_at = ${now},
              exported_at = ${stale ? null : (before?.exportedAt ?? null)}
            WHERE id = ${sendOutId}`);
          if (stale) clearRoutes(ctx.db, sendOutId);
        } else {
          sendOutId = ctx.db.run(sql`INSERT INTO send_outs (title, channel, status, planned_on, audience, body, dues_year, dues_step, frequency_limit,
              paper_for_others, important, created_at, updated_at)
            VALUES (${input.title}, ${input.channel}, ${status}, ${input.plannedOn}, ${audience}, ${input.body}, ${input.duesYear}, ${input.duesStep},
              ${input.frequencyLimit}, ${input.paperForOthers}, ${input.important}, ${now}, ${now})`).lastId;
        }
        return mustGetSendOut(ctx.db, sendOutId);
      });
    },

    async 'sendOuts.delete'({ id }) {
      const ctx = context();
      const s = mustGetSendOut(ctx.db, id);
      if (s.status === 'sent') throw conflict('send-out-sent');
      ctx.write(() => ctx.db.run(sql`DELETE FROM send_outs WHERE id = ${id}`));
      return { deleted: true };
    },

    async 'sendOuts.recipients'({ limit, ...draft }) {
      const ctx = context();
      return summarize(loadSelection(ctx, draft), ctx.language, limit);
    },

    async 'sendOuts.export'({ id, kind, path, bccChunkSize, language }) {
      const ctx = context();
      const s = mustGetSendOut(ctx.db, id);
      const result = await exportSendOut(ctx, s, kind, path, language ?? ctx.language, bccChunkSize);
      return { ...result, send: mustGetSendOut(ctx.db, id) };
    },

    async 'sendOuts.defaultName'({ id, kind, language }) {
      const ctx = context();
      const s = mustGetSendOut(ctx.db, id);
      const t = COMMUNICATION_TEXTS[language ?? ctx.language];
      const parts = [t.files[kind], s.title, s.plannedOn ?? isoDate(ctx.now())];
      return { name: `${sanitizeFileName(parts.join(' – '))}.${FILE_EXTENSION[kind]}` };
    },

    async 'sendOuts.bccChunks'({ id, chunkSize }) {
      const ctx = context();
      const s = mustGetSendOut(ctx.db, id);
      checkExportable(s, 'bcc');
      const messages = messagesFor(selectionOf(ctx, s), 'email');
      const memberIds = messages.flatMap((m) => m.members.map((x) => x.id));
      // Shown to be copied into a mail program: as much an export as the file.
      recordExport(ctx, s, 'bcc', 'email', memberIds, [], memberIds.length, messages.length);
      return { chunks: bccChunks(messages, chunkSize ?? readCommunicationSettings(ctx.db).bccChunkSize), people: memberIds.length };
    },

    async 'sendOuts.markSent'({ id, on }) {
      const ctx = context();
      const s = mustGetSendOut(ctx.db, id);
      if (s.status === 'sent') throw conflict('send-out-sent');
      if (!s.exportedRoutes.length) throw invalid('id', 'send-out-not-exported');
      const today = isoDate(ctx.now());
      const day = on ?? today;
      if (day > today) throw invalid('on', 'date-in-future');
      return ctx.write(() => {
        const entries = writeSentEntries(ctx, id, s.title, day, isoTime(ctx.now()));
        ctx.db.run(sql`UPDATE send_outs SET status = 'sent', sent_on = ${day}, updated_at = ${isoTime(ctx.now())} WHERE id = ${id}`);
        return { send: mustGetSendOut(ctx.db, id), entries };
      });
    },

    async 'sendOuts.undoSent'({ id }) {
      const ctx = context();
      const s = mustGetSendOut(ctx.db, id);
      if (s.status !== 'sent') throw invalid('id', 'send-out-not-sent');
      return ctx.write(() => {
        const removed = removeSentEntries(ctx, id);
        ctx.db.run(sql`UPDATE send_outs SET status = 'exported', sent_on = NULL, updated_at = ${isoTime(ctx.now())} WHERE id = ${id}`);
        return { send: mustGetSendOut(ctx.db, id), removed };
      });
    },

    async 'sendOuts.exportPlan'({ path, from, to, language }) {
      const ctx = context();
      if (from && to && to < from) throw invalid('to', 'date-range-reversed');
      const target = targetPath(path, 'ics');
      const lang = language ?? ctx.language;
      const list: SendOutEntity[] = listSendOuts(ctx.db, from, to).filter((s) => s.plannedOn);
      const association = readSettings(ctx.db).associationName;
      await writeAll([{ path: target, data: planIcs(list, association, isoTime(ctx.now()), lang) }]);
      logExport(ctx, { kind: 'sendOut', format: 'ics', segment: { id: null, name: null }, people: 0, columns: ['plan'], fileName: target.split(/[\\/]/).pop()! });
      return { path: target, events: list.length };
    },

    async 'sendOuts.settings'() {
      return readCommunicationSettings(context().db);
    },

    async 'sendOuts.saveSettings'(settings) {
      const ctx = context();
      ctx.write(() => writeCommunicationSettings(ctx.db, settings));
      return readCommunicationSettings(ctx.db);
    },

    async 'optOuts.member'({ memberId }) {
      const { db } = context();
      mustGetMember(db, memberId);
      return memberOptOuts(db, memberId);
    },

    async 'optOuts.set'({ memberId, channel, optedOut, note }) {
      const ctx = context();
      mustGetMember(ctx.db, memberId);
      return ctx.write(() => {
        if (optedOut) recordOptOut(ctx.db, { memberId, channel, on: isoDate(ctx.now()), source: 'member-page', note, at: isoTime(ctx.now()) });
        else removeOptOut(ctx.db, memberId, channel);
        return memberOptOuts(ctx.db, memberId);
      });
    },

    async 'optOuts.pasteList'({ text, apply, skipUnknown }) {
      const ctx = context();
      const { values, invalid: unreadable } = readPastedList(text, ctx.country);
      if (!values.length && !unreadable.length) throw invalid('text', 'opt-out-list-empty');
      const { entries, unknown } = matchPasted(ctx.db, values);
      if (!apply) return { entries, unknown, invalid: unreadable, recorded: 0 };
      if ((unknown.length || unreadable.length) && !skipUnknown) {
        throw validationError([{ field: 'text', code: 'opt-out-list-unknown' }]);
      }
      const on = isoDate(ctx.now());
      const at = isoTime(ctx.now());
      const recorded = ctx.write(() => {
        let n = 0;
        for (const e of entries) {
          for (const m of e.members) if (recordOptOut(ctx.db, { memberId: m.memberId, channel: e.channel, on, source: 'pasted-list', note: e.input.slice(0, 500), at })) n++;
        }
        return n;
      });
      return { entries, unknown, invalid: unreadable, recorded };
    },
  };
}
