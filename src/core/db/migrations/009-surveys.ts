import type { Migration } from './index';

/**
 * The members-wishes survey and the members' preferences it feeds.
 *
 * - Texts are JSON `{sv?, nb?, en?}`; options JSON `[{key, text}]`; a response's answers JSON
 *   `{questionId: value}`. Results read 20,000 responses in one pass over `survey_responses`
 *   rather than grouping hundreds of thousands of answer rows.
 * - A member's responses to one survey: the newest (answered_on, then id) is current
 *   (`replaced_by` NULL); older ones point at it and are kept, shown, never counted.
 * - An imported row no member was found for has `member_id` NULL and `imported` (what the row
 *   said about who answered) until it is matched by hand.
 * - `survey_calls` ties contact-log calls to the survey they were made for (the call list's
 *   state), without altering the contact log.
 * - `member_preferences` is a table of its own rather than columns on members: channels as sorted
 *   comma-joined keys (so a send-out can test one with instr()), interests JSON, and the consent
 *   that set them (date, source). Changes are written to member_history with the sources
 *   'survey-phone', 'survey-paper', 'survey-form'; SQLite cannot alter a CHECK, so member_history
 *   is rebuilt as 006 built it, with those added.
 */
export const m009: Migration = {
  version: 9,
  name: 'surveys',
  up: `
    CREATE TABLE surveys (
      id                  INTEGER PRIMARY KEY,
      title               TEXT NOT NULL,
      intro               TEXT NOT NULL DEFAULT '{}',
      audience_segment_id INTEGER REFERENCES segments(id) ON DELETE SET NULL,
      created_at          TEXT NOT NULL,
      updated_at          TEXT NOT NULL
    );

    CREATE TABLE survey_questions (
      id        INTEGER PRIMARY KEY,
      survey_id INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
      position  INTEGER NOT NULL,
      kind      TEXT NOT NULL CHECK (kind IN ('single', 'multiple', 'scale', 'short', 'long', 'channels', 'frequency')),
      text      TEXT NOT NULL,
      required  INTEGER NOT NULL DEFAULT 0,
      options   TEXT NOT NULL DEFAULT '[]',
      interests INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX survey_questions_survey ON survey_questions(survey_id, position);

    CREATE TABLE survey_imports (
      id        INTEGER PRIMARY KEY,
      survey_id INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
      file_name TEXT NOT NULL,
      rows      INTEGER NOT NULL,
      matched   INTEGER NOT NULL,
      unmatched INTEGER NOT NULL,
      at        TEXT NOT NULL
    );

    CREATE TABLE survey_responses (
      id          INTEGER PRIMARY KEY,
      survey_id   INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
      member_id   INTEGER REFERENCES members(id),
      source      TEXT NOT NULL CHECK (source IN ('paper', 'phone', 'form')),
      answered_on TEXT NOT NULL,
      answers     TEXT NOT NULL,
      replaced_by INTEGER REFERENCES survey_responses(id),
      problems    TEXT NOT NULL DEFAULT '[]',
      imported    TEXT,
      import_id   INTEGER REFERENCES survey_imports(id),
      applied_at  TEXT,
      created_at  TEXT NOT NULL
    );
    CREATE INDEX survey_responses_survey ON survey_responses(survey_id, member_id);
    CREATE INDEX survey_responses_member ON survey_responses(member_id, survey_id) WHERE member_id IS NOT NULL;
    -- The current responses only: a member's current one, and the results' counts, without
    -- reading the response rows (answers and all).
    CREATE INDEX survey_responses_current ON survey_responses(survey_id, member_id) WHERE replaced_by IS NULL;

    CREATE TABLE survey_calls (
      contact_id INTEGER PRIMARY KEY REFERENCES contact_log(id) ON DELETE CASCADE,
      survey_id  INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
      member_id  INTEGER NOT NULL REFERENCES members(id)
    );
    CREATE INDEX survey_calls_survey ON survey_calls(survey_id, member_id);

    CREATE TABLE member_preferences (
      member_id      INTEGER PRIMARY KEY REFERENCES members(id),
      channels       TEXT,
      frequency      TEXT CHECK (frequency IS NULL OR frequency IN ('weekly', 'monthly', 'quarterly', 'important')),
      interests      TEXT,
      consent_on     TEXT,
      consent_source TEXT CHECK (consent_source IS NULL OR consent_source IN ('phone', 'paper', 'form')),
      survey_id      INTEGER REFERENCES surveys(id) ON DELETE SET NULL,
      response_id    INTEGER,
      updated_at     TEXT NOT NULL
    );

    CREATE TABLE member_history_new (
      id        INTEGER PRIMARY KEY,
      member_id INTEGER NOT NULL REFERENCES members(id),
      at        TEXT NOT NULL,
      field     TEXT NOT NULL,
      old_value TEXT,
      new_value TEXT,
      source    TEXT NOT NULL CHECK (source IN ('edit', 'bulk', 'merge', 'status', 'undo', 'dues', 'import',
                                                'survey-phone', 'survey-paper', 'survey-form')),
      op_id     INTEGER REFERENCES operations(id)
    );
    INSERT INTO member_history_new (id, member_id, at, field, old_value, new_value, source, op_id)
      SELECT id, member_id, at, field, old_value, new_value, source, op_id FROM member_history;
    DROP TABLE member_history;
    ALTER TABLE member_history_new RENAME TO member_history;
    CREATE INDEX member_history_member ON member_history(member_id, at);
    CREATE INDEX member_history_op ON member_history(op_id) WHERE op_id IS NOT NULL;
  `,
};
