/**
 * @module storage/hot-questions-schema
 * Migration 5: what staff decided about the home screen's hot questions, so that every instance
 * shows the same list.
 */
import type { Migration } from './migrations.js';

export const HOT_QUESTIONS_MIGRATION: Migration = {
  version: 5,
  name: 'hot question curation',
  sql: `
    -- One row an item staff pinned (always shown, by position) or hid (never shown); an item
    -- without a row is ranked by how many people it answered.
    CREATE TABLE hot_question_curation (
      item_id text PRIMARY KEY,
      state text NOT NULL CHECK (state IN ('pinned', 'hidden')),
      position integer NOT NULL DEFAULT 0,
      updated_by text NOT NULL,
      updated_at timestamptz NOT NULL
    );
  `,
};
