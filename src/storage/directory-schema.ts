/**
 * @module storage/directory-schema
 * Migration 8: the 七找 directory (issue #12) — entries (government, funds, services, market
 * posts, talent, space) as validated JSON with their state, and every version of each (who, when),
 * as items keep theirs. Market posts carry the enterprise that posted them.
 */
import type { Migration } from './migrations.js';

export const DIRECTORY_MIGRATION: Migration = {
  version: 9,
  name: 'directory entries and their versions',
  sql: `
    CREATE TABLE directory_entries (
      id text PRIMARY KEY,
      kind text NOT NULL,
      type text NOT NULL,
      status text NOT NULL CHECK (status IN ('published', 'pending', 'rejected', 'archived')),
      -- The whole validated entry (src/directory/model.ts).
      data jsonb NOT NULL,
      -- No foreign key: the directory stays apart from the accounts' tables; an enterprise's
      -- posts are found by it and outlive its deletion as archived history.
      enterprise_id text,
      review_note text,
      version integer NOT NULL,
      created_at timestamptz NOT NULL,
      updated_by text NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX directory_entries_kind_idx ON directory_entries (kind, status);
    CREATE INDEX directory_entries_enterprise_idx ON directory_entries (enterprise_id);

    -- Append-only: every state of every entry, the first included.
    CREATE TABLE directory_entry_versions (
      entry_id text NOT NULL,
      version integer NOT NULL,
      -- created, edited, submitted, approved, rejected, archived, restored
      change text NOT NULL,
      status text NOT NULL,
      data jsonb NOT NULL,
      review_note text,
      changed_by text NOT NULL,
      changed_at timestamptz NOT NULL,
      PRIMARY KEY (entry_id, version)
    );

    -- A counter the answering engine reads to know when its copy of the directory is stale.
    CREATE TABLE directory_revision (
      id integer PRIMARY KEY CHECK (id = 1),
      value bigint NOT NULL
    );
    INSERT INTO directory_revision (id, value) VALUES (1, 0);
  `,
};
