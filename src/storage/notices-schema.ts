/**
 * @module storage/notices-schema
 * Migration 8: policies delivered to the enterprises they fit (issue #12, 精准直达) — a notice per
 * enterprise, rule and rule version (the unique key that keeps several instances from notifying
 * twice), its deliveries by channel with their attempts and errors, each enterprise's notice
 * settings, and the rule versions the last sweep saw.
 */
import type { Migration } from './migrations.js';

export const NOTICES_MIGRATION: Migration = {
  version: 8,
  name: 'enterprise notices and their deliveries',
  sql: `
    -- One notice tells one enterprise that a rule (policy, qualification, fund) fits it, or might
    -- once it adds the missing facts. rule_version is a hash of the rule and its guide item, so a
    -- changed rule or guide notifies again, and the same one never twice.
    CREATE TABLE enterprise_notices (
      id text PRIMARY KEY,
      enterprise_id text NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
      rule_id text NOT NULL,
      rule_version text NOT NULL,
      verdict text NOT NULL CHECK (verdict IN ('eligible', 'missing-facts')),
      title text NOT NULL,
      body text NOT NULL,
      -- { reasons, missingFactLabels, benefit, guide, applicationPeriod } at the time of the notice
      detail jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      read_at timestamptz,
      UNIQUE (enterprise_id, rule_id, rule_version, verdict)
    );
    CREATE INDEX enterprise_notices_inbox_idx ON enterprise_notices (enterprise_id, created_at);
    CREATE INDEX enterprise_notices_rule_idx ON enterprise_notices (rule_id, enterprise_id);

    -- How a notice went out: inbox (at once), webhook, email. A delivery is claimed by pushing
    -- next_attempt_at forward in one UPDATE, so two instances never send it at once.
    CREATE TABLE notice_deliveries (
      notice_id text NOT NULL REFERENCES enterprise_notices (id) ON DELETE CASCADE,
      channel text NOT NULL CHECK (channel IN ('inbox', 'webhook', 'email')),
      target text,
      status text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      last_error text,
      next_attempt_at timestamptz,
      delivered_at timestamptz,
      PRIMARY KEY (notice_id, channel)
    );
    CREATE INDEX notice_deliveries_due_idx ON notice_deliveries (status, next_attempt_at);

    -- An enterprise's choice: notices off (none are created), a webhook, an e-mail address.
    CREATE TABLE enterprise_notice_settings (
      enterprise_id text PRIMARY KEY REFERENCES enterprises (id) ON DELETE CASCADE,
      notices_off boolean NOT NULL DEFAULT false,
      webhook_url text,
      email text,
      updated_by text NOT NULL,
      updated_at timestamptz NOT NULL
    );
  `,
};
