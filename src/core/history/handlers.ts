import type { Api } from '../../shared/contract';
import type { ContextProvider } from '../register/context';
import { mustGetMember } from '../members/queries';
import { listHistory } from './queries';

export function createHistoryHandlers(context: ContextProvider): Pick<Api, 'history.list'> {
  return {
    async 'history.list'({ memberId, offset, limit }) {
      const { db } = context();
      mustGetMember(db, memberId);
      return listHistory(db, memberId, offset, limit);
    },
  };
}
