import type { MemberPageEntity } from '../../shared/contract';
import { listContacts } from '../contact-log/queries';
import { listFields, memberValues } from '../custom-fields/queries';
import { memberRoles } from '../groups/queries';
import { listHistory } from '../history/queries';
import { getHousehold } from '../households/queries';
import { journeyOf } from '../journey/queries';
import { typePeriods } from '../membership-types/queries';
import type { Db } from '../db/database';
import { statusEvents } from './lifecycle';
import { mustGetMember } from './queries';

/** Everything the member page shows, each part through its own indexed query. */
export function memberPage(db: Db, id: number, today: string): MemberPageEntity {
  const member = mustGetMember(db, id);
  const history = listHistory(db, id, 0, 100);
  return {
    member,
    typePeriods: typePeriods(db, id),
    statusEvents: statusEvents(db, id),
    roles: memberRoles(db, id),
    household: member.householdId !== null ? getHousehold(db, member.householdId) : null,
    customFields: listFields(db, false),
    customValues: memberValues(db, id),
    contacts: listContacts(db, id, 100),
    history: history.rows,
    historyTotal: history.total,
    journey: journeyOf(db, id, today),
  };
}
