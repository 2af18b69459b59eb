/**
 * @module storage/upkeep-schema
 * Migration 4: the runs of scheduled jobs (so that the daily upkeep job runs once a day however
 * many instances share the database), and a note a counter clerk may add to a logged question.
 */
import type { Migration } from './migrations.js';

export const UPKEEP_MIGRATION: Migration = {
  version: 4,
  name: 'job runs, question notes',
  sql: `
    -- One row a job: the last day (YYYY-MM-DD in the zone's time zone) it was claimed for. An
    -- instance claims a day with one conditional upsert, so two instances never both run it.
    CREATE TABLE job_runs (
      name text PRIMARY KEY,
      last_day text NOT NULL,
      ran_at timestamptz NOT NULL
    );

    ALTER TABLE question_log ADD COLUMN staff_note text;
    CREATE INDEX question_log_channel_idx ON question_log (channel, created_at);
  `,
};
