import type { Migration } from './index';

/**
 * Two small additions:
 * - invoices.written_off_at: when a write-off was recorded (written_off_on is the date it is
 *   booked on, which the treasurer may set back), so the dues log orders it among the day's other
 *   events. NULL for write-offs made before this migration.
 * - send_outs.important: a send-out marked important reaches members who asked for "only
 *   important news" (surveys' preferred frequency); others do not.
 */
export const m011: Migration = {
  version: 11,
  name: 'write-off-time-important',
  up: `
    ALTER TABLE invoices ADD COLUMN written_off_at TEXT;
    ALTER TABLE send_outs ADD COLUMN important INTEGER NOT NULL DEFAULT 0 CHECK (important IN (0, 1));
  `,
};
