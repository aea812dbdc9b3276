import type { Api } from '../../shared/contract';
import { isoDate, type ContextProvider } from '../register/context';
import { journeyCounts, journeyOf } from './queries';

export function createJourneyHandlers(context: ContextProvider): Pick<Api, 'journey.forMember' | 'journey.counts'> {
  return {
    async 'journey.forMember'({ memberId, at }) {
      const ctx = context();
      return journeyOf(ctx.db, memberId, at ?? isoDate(ctx.now()));
    },
    async 'journey.counts'({ at }) {
      const ctx = context();
      return journeyCounts(ctx.db, at ?? isoDate(ctx.now()));
    },
  };
}
