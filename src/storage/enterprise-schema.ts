/**
 * @module storage/enterprise-schema
 * Migration 7: enterprise accounts (issue #12) — enterprises and their users (local password or
 * an OpenID Connect subject), their login sessions (apart from staff's), pending OIDC logins,
 * and each enterprise's profile as facts with their source and an append-only history.
 */
import type { Migration } from './migrations.js';

export const ENTERPRISE_MIGRATION: Migration = {
  version: 7,
  name: 'enterprise accounts and profiles',
  sql: `
    CREATE TABLE enterprises (
      id text PRIMARY KEY,
      -- 统一社会信用代码, validated (GB 32100) before it gets here, upper-case.
      credit_code text NOT NULL UNIQUE,
      name text NOT NULL,
      -- pending: registered by itself or first seen through OIDC, waiting for staff to approve.
      status text NOT NULL CHECK (status IN ('pending', 'active', 'disabled')),
      contact_name text,
      contact_phone text,
      -- 'self' (registered in the portal), 'oidc', or the staff account that created it.
      created_by text NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      reviewed_by text,
      reviewed_at timestamptz
    );
    CREATE INDEX enterprises_status_idx ON enterprises (status);

    -- A person who acts for an enterprise: a local login (username + argon2id hash, unique within
    -- the enterprise) or an identity of the province's OIDC service (issuer + subject), or both.
    CREATE TABLE enterprise_users (
      id text PRIMARY KEY,
      enterprise_id text NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
      username text,
      password_hash text,
      oidc_subject text UNIQUE,
      display_name text,
      disabled boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      UNIQUE (enterprise_id, username),
      CHECK ((username IS NOT NULL AND password_hash IS NOT NULL) OR oidc_subject IS NOT NULL)
    );

    -- As login_sessions, but for enterprise users: found by the SHA-256 of the cookie's token.
    CREATE TABLE enterprise_sessions (
      token_hash text PRIMARY KEY,
      user_id text NOT NULL REFERENCES enterprise_users (id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX enterprise_sessions_user_idx ON enterprise_sessions (user_id);

    -- An OIDC login between its start and the provider's callback, in the database so that the
    -- callback may reach another instance. Used once; state is kept only as its SHA-256.
    CREATE TABLE oidc_logins (
      state_hash text PRIMARY KEY,
      code_verifier text NOT NULL,
      nonce text NOT NULL,
      expires_at timestamptz NOT NULL
    );

    -- The profile as it is now, one row per fact (employees, revenue.2023, ip.utilityModels,
    -- qualifications …): its value, where it came from, and who verified it.
    CREATE TABLE enterprise_facts (
      enterprise_id text NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
      fact_key text NOT NULL,
      value jsonb NOT NULL,
      source text NOT NULL CHECK (source IN ('self-declared', 'verified')),
      note text,
      verified_by text,
      verified_at timestamptz,
      version integer NOT NULL,
      updated_by text NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (enterprise_id, fact_key)
    );

    -- Every change of every fact, never updated or deleted: set, removed, verified.
    CREATE TABLE enterprise_fact_versions (
      enterprise_id text NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
      fact_key text NOT NULL,
      version integer NOT NULL,
      change text NOT NULL CHECK (change IN ('set', 'removed', 'verified')),
      value jsonb,
      source text,
      note text,
      verified_by text,
      verified_at timestamptz,
      changed_by text NOT NULL,
      changed_at timestamptz NOT NULL,
      PRIMARY KEY (enterprise_id, fact_key, version)
    );
    CREATE INDEX enterprise_fact_versions_time_idx ON enterprise_fact_versions (enterprise_id, changed_at);
  `,
};
