import type { Migration } from './index';

/**
 * An index on every column that refers to a member and had none leading with it. Deleting
 * members (an import's undo removes tens of thousands) makes SQLite check each foreign key that
 * points at them; without an index that is a scan of the whole table per deleted member.
 */
export const m010: Migration = {
  version: 10,
  name: 'member-references',
  up: `
    CREATE INDEX dues_strike_off_members_member ON dues_strike_off_members(member_id);
    CREATE INDEX direct_debit_orders_member ON direct_debit_orders(member_id);
    CREATE INDEX survey_calls_member ON survey_calls(member_id);
  `,
};
