/**
 * @module storage/back-office-schema
 * Migration 3: what the back office needs — staff accounts and their login sessions, the audit
 * log, every version of every item, and the question log's classification.
 */
import type { Migration } from './migrations.js';

export const BACK_OFFICE_MIGRATION: Migration = {
  version: 3,
  name: 'accounts, audit log, item versions',
  sql: `
    CREATE TABLE accounts (
      name text PRIMARY KEY,
      role text NOT NULL CHECK (role IN ('admin', 'editor', 'reviewer', 'window')),
      display_name text,
      password_hash text NOT NULL,
      disabled boolean NOT NULL DEFAULT false,
      failed_logins integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );

    -- Looked up by the SHA-256 of the cookie's token: the table alone opens no doors.
    CREATE TABLE login_sessions (
      token_hash text PRIMARY KEY,
      user_name text NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX login_sessions_user_idx ON login_sessions (user_name);

    CREATE TABLE audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL,
      actor text NOT NULL,
      action text NOT NULL,
      target text,
      before jsonb,
      after jsonb,
      detail text
    );
    CREATE INDEX audit_log_at_idx ON audit_log (at);
    CREATE INDEX audit_log_target_idx ON audit_log (target);

    -- Every saved version; the published one is also in items, which is what is answered from.
    CREATE TABLE item_versions (
      item_id text NOT NULL,
      version integer NOT NULL,
      status text NOT NULL CHECK (status IN ('draft', 'in_review', 'published', 'rejected', 'superseded', 'withdrawn')),
      kind text NOT NULL,
      title text NOT NULL,
      category text,
      data jsonb NOT NULL,
      content_hash text NOT NULL,
      author text NOT NULL,
      note text,
      created_at timestamptz NOT NULL,
      reviewed_by text,
      reviewed_at timestamptz,
      review_note text,
      PRIMARY KEY (item_id, version)
    );
    CREATE INDEX item_versions_status_idx ON item_versions (status);

    -- Items stored before versions existed start their history as version 1.
    INSERT INTO item_versions (item_id, version, status, kind, title, category, data, content_hash, author, created_at)
    SELECT id, 1, 'published', kind, title, category, data, content_hash, 'import', updated_at FROM items;

    -- What sort of question, and about what, for the insights; who logged a counter question.
    ALTER TABLE question_log ADD COLUMN question_kind text;
    ALTER TABLE question_log ADD COLUMN theme text;
    ALTER TABLE question_log ADD COLUMN logged_by text;
  `,
};
