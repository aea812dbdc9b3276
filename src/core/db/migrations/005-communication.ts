import type { Migration } from './index';

/**
 * Send-outs: the plan of newsletters, SMS, e-mails and letters, who each export went to, and the
 * members' opt-outs per channel.
 *
 * - `send_outs.audience` is JSON (all members, a saved segment, a group's roles, roles anywhere),
 *   checked by the core before it is stored.
 * - `send_out_routes` keeps, per send-out and route (sms / email / post), the members the latest
 *   export of that route went to, as a JSON array of ids: marking the send-out sent gives exactly
 *   those members a contact-log entry, whatever changed in the register since.
 * - `contact_log.send_out_id` marks the entries a send-out wrote: the frequency limit counts them,
 *   undoing "sent" removes exactly them, and the journey does not take a mass message for a
 *   personal contact.
 */
export const m005: Migration = {
  version: 5,
  name: 'communication',
  up: `
    CREATE TABLE send_outs (
      id              INTEGER PRIMARY KEY,
      title           TEXT NOT NULL,
      channel         TEXT NOT NULL CHECK (channel IN ('newsletter', 'sms', 'email', 'letter')),
      status          TEXT NOT NULL CHECK (status IN ('idea', 'planned', 'ready', 'exported', 'sent')),
      planned_on      TEXT,
      audience        TEXT NOT NULL,
      body            TEXT NOT NULL DEFAULT '',
      dues_year       INTEGER,
      dues_step       TEXT CHECK (dues_step IS NULL OR dues_step IN ('invoice', 'reminder1', 'reminder2', 'reminder3', 'strikeOff')),
      -- NULL: the register's default limit; 0: no limit for this send-out.
      frequency_limit INTEGER CHECK (frequency_limit IS NULL OR frequency_limit >= 0),
      paper_for_others INTEGER NOT NULL DEFAULT 0,
      exported_at     TEXT,
      sent_on         TEXT,
      created_at      TEXT NOT NULL,
      updated_at      TEXT NOT NULL
    );
    CREATE INDEX send_outs_planned ON send_outs(planned_on);

    CREATE TABLE send_out_routes (
      send_out_id INTEGER NOT NULL REFERENCES send_outs(id) ON DELETE CASCADE,
      route       TEXT NOT NULL CHECK (route IN ('sms', 'email', 'post')),
      member_ids  TEXT NOT NULL,
      exported_at TEXT NOT NULL,
      PRIMARY KEY (send_out_id, route)
    ) WITHOUT ROWID;

    CREATE TABLE send_out_files (
      id          INTEGER PRIMARY KEY,
      send_out_id INTEGER NOT NULL REFERENCES send_outs(id) ON DELETE CASCADE,
      at          TEXT NOT NULL,
      kind        TEXT NOT NULL,
      file_name   TEXT NOT NULL,
      people      INTEGER NOT NULL,
      messages    INTEGER NOT NULL
    );
    CREATE INDEX send_out_files_send_out ON send_out_files(send_out_id, at);

    CREATE TABLE opt_outs (
      member_id  INTEGER NOT NULL REFERENCES members(id),
      channel    TEXT NOT NULL CHECK (channel IN ('sms', 'email', 'post')),
      on_date    TEXT NOT NULL,
      source     TEXT NOT NULL CHECK (source IN ('member-page', 'pasted-list')),
      note       TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      PRIMARY KEY (member_id, channel)
    ) WITHOUT ROWID;

    ALTER TABLE contact_log ADD COLUMN send_out_id INTEGER REFERENCES send_outs(id);
    CREATE INDEX contact_log_send_out ON contact_log(send_out_id) WHERE send_out_id IS NOT NULL;
    -- The frequency limit: send-out messages per member in a 30-day window, for 100,000 members.
    CREATE INDEX contact_log_send_out_on ON contact_log(on_date, member_id) WHERE send_out_id IS NOT NULL;
  `,
};
