/**
 * @module storage/rules-schema
 * Migration 10: eligibility rules edited in the back office (issue #12) — every version of every
 * rule, as staff wrote it (YAML) and as it was checked (JSON), with its place in the review path.
 * The shipped rules (resources/rules) are seeded as published versions by `author = 'shipped'`.
 */
import type { Migration } from './migrations.js';

export const RULES_MIGRATION: Migration = {
  version: 10,
  name: 'eligibility rule versions',
  sql: `
    CREATE TABLE rule_versions (
      rule_id text NOT NULL,
      version integer NOT NULL,
      status text NOT NULL CHECK (status IN ('draft', 'in_review', 'published', 'rejected', 'superseded', 'retired')),
      kind text NOT NULL,
      name text NOT NULL,
      -- The YAML as written, comments and layout kept: what the editor shows and the diff compares.
      source text NOT NULL,
      -- The rule's own OpenFisca-style test cases (YAML), run before it is submitted or published.
      tests text,
      -- The rule as the zod schema checked it (src/enterprise/rules/schema.ts).
      rule jsonb NOT NULL,
      author text NOT NULL,
      note text,
      created_at timestamptz NOT NULL,
      submitted_at timestamptz,
      reviewed_by text,
      reviewed_at timestamptz,
      review_note text,
      -- The hash of the shipped files a seeded version came from: a changed file is seeded again
      -- only while nobody has edited the rule in the back office.
      shipped_hash text,
      PRIMARY KEY (rule_id, version)
    );
    -- At most one published version of a rule, and one change on its way through review.
    CREATE UNIQUE INDEX rule_versions_published_idx ON rule_versions (rule_id) WHERE status = 'published';
    CREATE UNIQUE INDEX rule_versions_open_idx ON rule_versions (rule_id) WHERE status IN ('draft', 'in_review');
    CREATE INDEX rule_versions_status_idx ON rule_versions (status);
  `,
};
