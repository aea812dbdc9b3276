import { writeFile } from 'node:fs/promises';
import type { Api } from '../../shared/contract';
import { KansliError, validationError } from '../../shared/result';
import { sql } from '../db/sql';
import { targetPath } from '../exports/file-name';
import { FILE_COLUMNS, logFile, surveyReportColumns, surveyScope } from '../exports/log-files';
import { longDate } from '../exports/texts';
import { mustGetMember } from '../members/queries';
import { isoDate, type ContextProvider } from '../register/context';
import { readSettings } from '../register/settings';
import { mustGetSegment } from '../segments/queries';
import { checkAnswers } from './answers';
import { applyPreferences, reviewPreferences } from './apply';
import { audiencePredicate } from './audience';
import { callList, recordCall } from './calls';
import { surveyCsv } from './export-csv';
import { formPdf, type FormRecipient } from './form-pdf';
import { previewImport, runImport } from './import-run';
import { memberPreferences } from './preferences';
import { reportPdf } from './report-pdf';
import { checkRespondent, currentResponse, insertResponse, listResponses, matchResponse, removeResponse } from './responses';
import { surveyResults, textAnswers } from './results';
import { deleteSurvey, listSurveys, mustGetSurvey, saveSurvey } from './store';
import { surveyTemplate } from './template';

export type SurveysApi = Pick<Api, Extract<keyof Api, `surveys.${string}`>>;

async function write(path: string, data: string | Buffer): Promise<void> {
  try {
    await writeFile(path, data, { mode: 0o600 });
  } catch {
    throw new KansliError('io', 'Could not write the file', { fields: [{ field: 'path', code: 'file-unwritable' }] });
  }
}

export function createSurveysHandlers(context: ContextProvider): SurveysApi {
  return {
    async 'surveys.list'() {
      return listSurveys(context().db);
    },
    async 'surveys.get'({ id }) {
      return mustGetSurvey(context().db, id);
    },
    async 'surveys.template'() {
      return surveyTemplate();
    },
    async 'surveys.save'(input) {
      return saveSurvey(context(), input);
    },
    async 'surveys.delete'({ id }) {
      deleteSurvey(context(), id);
      return { deleted: true };
    },

    async 'surveys.findMember'({ surveyId, memberNumber }) {
      const { db } = context();
      mustGetSurvey(db, surveyId);
      const m = db.get<{ id: number; first_name: string; last_name: string; archived_at: string | null }>(
        sql`SELECT id, first_name, last_name, archived_at FROM members WHERE member_number = ${memberNumber}`,
      );
      if (!m) throw new KansliError('not-found', `No member number ${memberNumber}`, { fields: [{ field: 'memberNumber', code: 'member-not-found' }] });
      return {
        memberId: m.id,
        memberNumber,
        firstName: m.first_name,
        lastName: m.last_name,
        archived: m.archived_at !== null,
        current: currentResponse(db, surveyId, m.id),
      };
    },
    async 'surveys.respond'({ surveyId, memberId, source, answeredOn, answers }) {
      const ctx = context();
      const survey = mustGetSurvey(ctx.db, surveyId);
      checkRespondent(ctx, memberId, answeredOn);
      const checked = checkAnswers(survey.questions, answers);
      if (checked.issues.length) throw validationError(checked.issues);
      return ctx.write(() => insertResponse(ctx, { surveyId, memberId, source, answeredOn, answers: checked.answers }));
    },
    async 'surveys.responses'(q) {
      const { db } = context();
      mustGetSurvey(db, q.surveyId);
      return listResponses(db, q);
    },
    async 'surveys.removeResponse'({ id }) {
      removeResponse(context(), id);
      return { removed: true };
    },
    async 'surveys.matchResponse'({ id, memberId }) {
      return matchResponse(context(), id, memberId);
    },

    async 'surveys.callList'({ surveyId, segment }) {
      const ctx = context();
      return callList(ctx, mustGetSurvey(ctx.db, surveyId), segment);
    },
    async 'surveys.recordCall'({ surveyId, ...call }) {
      const ctx = context();
      return recordCall(ctx, mustGetSurvey(ctx.db, surveyId), call);
    },

    async 'surveys.importPreview'({ surveyId, path, headerRow, mapping }) {
      const ctx = context();
      return previewImport(ctx, mustGetSurvey(ctx.db, surveyId), { path, headerRow, mapping });
    },
    async 'surveys.importRun'({ surveyId, path, headerRow, mapping }) {
      const ctx = context();
      return runImport(ctx, mustGetSurvey(ctx.db, surveyId), { path, headerRow, mapping });
    },

    async 'surveys.results'({ surveyId, segment }) {
      const ctx = context();
      return surveyResults(ctx, mustGetSurvey(ctx.db, surveyId), segment);
    },
    async 'surveys.textAnswers'({ surveyId, ...q }) {
      const ctx = context();
      return textAnswers(ctx, mustGetSurvey(ctx.db, surveyId), q);
    },
    async 'surveys.exportCsv'({ surveyId, path, language, segment }) {
      const ctx = context();
      const survey = mustGetSurvey(ctx.db, surveyId);
      const target = targetPath(path, 'csv');
      const { csv, rows, people } = surveyCsv(ctx, survey, language ?? ctx.language, segment);
      await write(target, csv);
      logFile(ctx, 'surveyResults', target, { people, columns: FILE_COLUMNS.surveyResults, segment: surveyScope(ctx, segment) });
      return { path: target, rows };
    },
    async 'surveys.reportPdf'({ surveyId, path, language, segment }) {
      const ctx = context();
      const survey = mustGetSurvey(ctx.db, surveyId);
      const target = targetPath(path, 'pdf');
      const lang = language ?? ctx.language;
      const results = surveyResults(ctx, survey, segment);
      const filterName = segment ? ('id' in segment ? mustGetSegment(ctx.db, segment.id).name : '…') : null;
      const pdf = await reportPdf({
        survey,
        results,
        association: readSettings(ctx.db).associationName,
        language: lang,
        date: longDate(isoDate(ctx.now()), lang),
        filterName,
      });
      await write(target, pdf);
      logFile(ctx, 'surveyReport', target, { people: results.responses, columns: surveyReportColumns(results), segment: surveyScope(ctx, segment) });
      return { path: target };
    },
    async 'surveys.formPdf'({ surveyId, path, language, segment, blank }) {
      const ctx = context();
      const survey = mustGetSurvey(ctx.db, surveyId);
      if (!survey.questions.length) throw validationError([{ field: 'surveyId', code: 'survey-no-questions' }]);
      const target = targetPath(path, 'pdf');
      let recipients: FormRecipient[];
      if (blank !== undefined) recipients = Array.from({ length: blank }, () => null);
      else {
        const who = audiencePredicate(ctx, survey, segment);
        recipients = ctx.db
          .all<{ member_number: number; first_name: string; last_name: string }>(sql`SELECT m.member_number, m.first_name, m.last_name
            FROM members m WHERE +m.archived_at IS NULL AND ${who} ORDER BY m.sort_last, m.sort_first, m.id`)
          .map((m) => ({ memberNumber: m.member_number, name: `${m.first_name} ${m.last_name}`.trim() }));
        if (!recipients.length) throw validationError([{ field: 'segment', code: 'segment-matches-nobody' }]);
      }
      const pdf = await formPdf({ survey, association: readSettings(ctx.db).associationName, recipients, language: language ?? ctx.language });
      await write(target, pdf);
      // Blank forms name nobody: not logged.
      if (blank === undefined) logFile(ctx, 'surveyForms', target, { people: recipients.length, columns: FILE_COLUMNS.surveyForms, segment: surveyScope(ctx, segment, survey) });
      return { path: target, forms: recipients.length };
    },

    async 'surveys.preferenceReview'({ surveyId }) {
      const ctx = context();
      return reviewPreferences(ctx, mustGetSurvey(ctx.db, surveyId));
    },
    async 'surveys.applyPreferences'({ surveyId, token }) {
      const ctx = context();
      return applyPreferences(ctx, mustGetSurvey(ctx.db, surveyId), token);
    },
    async 'surveys.memberPreferences'({ memberId }) {
      const { db } = context();
      mustGetMember(db, memberId);
      return memberPreferences(db, memberId);
    },
  };
}
