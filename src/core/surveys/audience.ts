import type { SegmentRef, SurveyEntity } from '../../shared/contract';
import { sql, type SqlQuery } from '../db/sql';
import type { RegisterContext } from '../register/context';
import { segmentPredicate } from '../segments/queries';

/**
 * Who the survey asks, as a predicate over `members m`: its saved segment, or every active member.
 * (Archived members are left out by the callers' `m.archived_at IS NULL`.)
 */
export function surveyAudience(ctx: RegisterContext, survey: Pick<SurveyEntity, 'audienceSegmentId'>): SqlQuery {
  return survey.audienceSegmentId !== null ? segmentPredicate(ctx, { id: survey.audienceSegmentId }) : sql`m.status = 'active'`;
}

/** The members chosen for a list or a form run: the given segment, else the survey's audience. */
export function audiencePredicate(ctx: RegisterContext, survey: Pick<SurveyEntity, 'audienceSegmentId'>, segment?: SegmentRef): SqlQuery {
  return segment ? segmentPredicate(ctx, segment) : surveyAudience(ctx, survey);
}
