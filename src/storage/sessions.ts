/**
 * @module storage/sessions
 * Conversation state in the `sessions` table: saved every turn, forgotten after a day without one.
 */
import { z } from 'zod';
import type { Db } from './db.js';
import type { SessionState } from './store.js';

/** A session not saved for this long is over; follow-ups would no longer make sense. */
export const SESSION_IDLE_MS = 24 * 60 * 60 * 1000;

const MAX_SESSION_ID_LENGTH = 200;

// Loose, so that fields added to SessionState later survive a round trip through older code.
const sessionStateSchema = z.looseObject({
  topicItemId: z.string().optional(),
  lastQuestion: z.string().optional(),
  offeredItemIds: z.array(z.string()).optional(),
  eligibility: z.record(z.string(), z.unknown()).optional(),
  turns: z.number().int().nonnegative(),
});

/** The session's state, or undefined when unknown or idle too long (and then deleted). */
export async function loadSession(
  db: Db,
  id: string,
  now: Date,
  idleMs: number,
): Promise<SessionState | undefined> {
  checkSessionId(id);
  const rows = await db.query<{ state: unknown; updated_at: Date | string }>(
    'SELECT state, updated_at FROM sessions WHERE id = $1',
    [id],
  );
  const row = rows[0];
  if (!row) return undefined;
  const cutoff = new Date(now.getTime() - idleMs);
  if (new Date(row.updated_at) < cutoff) {
    // Only if still stale: another instance may have saved this session a moment ago.
    await db.query('DELETE FROM sessions WHERE id = $1 AND updated_at < $2::timestamptz', [id, cutoff.toISOString()]);
    return undefined;
  }
  const state = typeof row.state === 'string' ? safeJsonParse(row.state) : row.state;
  const parsed = sessionStateSchema.safeParse(state);
  if (!parsed.success) throw new Error(`xiaoxin storage: stored session "${id}" is corrupt: ${describe(parsed.error)}`);
  return parsed.data as SessionState;
}

/** Inserts or replaces the session's state and marks it active at `now`. */
export async function saveSessionState(db: Db, id: string, state: SessionState, now: Date): Promise<void> {
  checkSessionId(id);
  const parsed = sessionStateSchema.safeParse(state);
  if (!parsed.success) throw new Error(`xiaoxin storage: cannot save session "${id}": ${describe(parsed.error)}`);
  await db.query(
    `INSERT INTO sessions (id, state, updated_at) VALUES ($1, $2::jsonb, $3::timestamptz)
     ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
    [id, JSON.stringify(parsed.data, storableText), now.toISOString()],
  );
}

/** Deletes every session idle longer than `idleMs`, returning how many went. */
export async function purgeIdleSessions(db: Db, now: Date, idleMs: number): Promise<number> {
  const cutoff = new Date(now.getTime() - idleMs);
  const rows = await db.query('DELETE FROM sessions WHERE updated_at < $1::timestamptz RETURNING id', [
    cutoff.toISOString(),
  ]);
  return rows.length;
}

function checkSessionId(id: string): void {
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_SESSION_ID_LENGTH) {
    const shown = typeof id === 'string' ? `"${id.slice(0, 40)}${id.length > 40 ? '…' : ''}"` : String(id);
    throw new Error(
      `xiaoxin storage: session id ${shown} is not valid (it must be 1 to ${MAX_SESSION_ID_LENGTH} characters)`,
    );
  }
}

/**
 * A JSON.stringify replacer for text PostgreSQL cannot store (NUL, lone surrogates). Session state
 * holds what users typed, and a stray control character must not make a conversation fail.
 */
function storableText(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? value.replace(/\u0000|\p{Surrogate}/gu, '\uFFFD') : value;
}

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'state'}: ${issue.message}`).join('; ');
}

function safeJsonParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
