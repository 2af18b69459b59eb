/**
 * @module storage/login-failures-schema
 * Migration 6: failed logins counted per (account, client address), per address and per account,
 * in the database so that every instance sharing it sees the same counts (see accounts/lockout).
 */
import type { Migration } from './migrations.js';

export const LOGIN_FAILURES_MIGRATION: Migration = {
  version: 6,
  name: 'login failures',
  sql: `
    -- One row a counter. account is the name as typed (lower-cased; it need not exist, so that an
    -- unknown name is throttled like a real one) or '*' for every name; address is the client's
    -- address (an IPv6 address by its /64) or '*' for every address. Counted with one upsert.
    CREATE TABLE login_failures (
      account text NOT NULL,
      address text NOT NULL,
      failures integer NOT NULL,
      window_start timestamptz NOT NULL,
      locked_until timestamptz,
      PRIMARY KEY (account, address)
    );
    -- For pruning the rows whose window and lock-out are over.
    CREATE INDEX login_failures_window_idx ON login_failures (window_start);

    -- The per-account counter of migration 3 is replaced by the table above.
    COMMENT ON COLUMN accounts.failed_logins IS 'unused since migration 6 (login_failures)';
    COMMENT ON COLUMN accounts.locked_until IS 'unused since migration 6 (login_failures)';
  `,
};
