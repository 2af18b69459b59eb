/**
 * @module storage/hot-questions
 * What the home screen's hot questions are made of: the items that confidently answered people
 * (counted from the question log, never its text), and staff's pins and hides in the
 * `hot_question_curation` table. Every change is audited in its transaction.
 */
import { recordAudit } from './audit.js';
import type { Db } from './db.js';

export interface AnsweredItemsQuery {
  /** Only turns at or after this moment. */
  since: Date;
  /** Only turns answered with one of these types. */
  answerTypes: readonly string[];
  /** Only answers at least this confident (0–1). */
  minConfidence: number;
  /** Only items that answered at least this many sessions (default 1). */
  minSessions?: number;
  limit: number;
}

export interface AnsweredItem {
  /** The item the answer cited first: the one that answered. */
  itemId: string;
  /** Distinct sessions it answered; a turn without a session counts alone. */
  sessions: number;
  /** Turns it answered. */
  answered: number;
}

export type CurationState = 'pinned' | 'hidden';

export interface Curation {
  itemId: string;
  state: CurationState;
  /** The order among the pinned, from 0. */
  position: number;
  updatedBy: string;
  updatedAt: string;
}

interface CurationRow {
  item_id: string;
  state: CurationState;
  position: number | string;
  updated_by: string;
  updated_at: Date | string;
}

export class HotQuestionRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  /** The items that answered most sessions confidently, most first; "not helpful" answers do not count. */
  async answeredItems(query: AnsweredItemsQuery): Promise<AnsweredItem[]> {
    const rows = await this.db.query<{ item_id: string; sessions: number | string; answered: number | string }>(
      `SELECT cited_ids->>0 AS item_id,
              count(DISTINCT coalesce(session_id, 'turn:' || id)) AS sessions,
              count(*) AS answered
       FROM question_log
       WHERE created_at >= $1::timestamptz AND confidence >= $2 AND helpful IS NOT FALSE
         AND answer_type IN (SELECT jsonb_array_elements_text($3::jsonb))
         AND jsonb_array_length(cited_ids) > 0
       GROUP BY cited_ids->>0
       HAVING count(DISTINCT coalesce(session_id, 'turn:' || id)) >= $4
       ORDER BY sessions DESC, answered DESC, (cited_ids->>0) COLLATE "C"
       LIMIT $5`,
      [query.since.toISOString(), query.minConfidence, JSON.stringify(query.answerTypes), Math.max(1, query.minSessions ?? 1), query.limit],
    );
    return rows.map((r) => ({ itemId: r.item_id, sessions: Number(r.sessions), answered: Number(r.answered) }));
  }

  /** Every pinned item in its order, then every hidden one. */
  async curation(): Promise<Curation[]> {
    const rows = await this.db.query<CurationRow>(
      `SELECT * FROM hot_question_curation ORDER BY state DESC, position, item_id COLLATE "C"`,
    );
    return rows.map(curationFromRow);
  }

  /**
   * Pins (at the end of the pinned), hides, or with `undefined` returns an item to the ranking.
   * Returns whether anything changed.
   */
  async setState(itemId: string, state: CurationState | undefined, actor: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await lockCuration(tx);
      const before = (await tx.query<CurationRow>('SELECT * FROM hot_question_curation WHERE item_id = $1', [itemId]))[0];
      if (before?.state === state) return false;
      if (!before && state === undefined) return false;
      const now = this.now().toISOString();
      if (state === undefined) {
        await tx.query('DELETE FROM hot_question_curation WHERE item_id = $1', [itemId]);
      } else {
        const last = await tx.query<{ n: number | string | null }>(
          `SELECT max(position) AS n FROM hot_question_curation WHERE state = 'pinned'`,
        );
        const position = state === 'pinned' ? Number(last[0]?.n ?? -1) + 1 : 0;
        await tx.query(
          `INSERT INTO hot_question_curation (item_id, state, position, updated_by, updated_at)
           VALUES ($1, $2, $3, $4, $5::timestamptz)
           ON CONFLICT (item_id) DO UPDATE SET state = excluded.state, position = excluded.position,
             updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
          [itemId, state, position, actor, now],
        );
      }
      const action = state === 'pinned' ? 'hot-question.pin' : state === 'hidden' ? 'hot-question.hide' : 'hot-question.reset';
      await recordAudit(
        tx,
        { actor, action, target: itemId, before: { state: before?.state ?? 'ranked' }, after: { state: state ?? 'ranked' } },
        this.now(),
      );
      return true;
    });
  }

  /**
   * Puts the pinned items in the order of `itemIds`, which must name each pinned item once;
   * otherwise throws a `CurationOrderError` (someone else changed the pins meanwhile).
   */
  async orderPinned(itemIds: readonly string[], actor: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await lockCuration(tx);
      const pinned = (
        await tx.query<{ item_id: string }>(
          `SELECT item_id FROM hot_question_curation WHERE state = 'pinned' ORDER BY position, item_id COLLATE "C"`,
        )
      ).map((r) => r.item_id);
      const same = itemIds.length === pinned.length && new Set(itemIds).size === pinned.length && itemIds.every((id) => pinned.includes(id));
      if (!same) {
        throw new CurationOrderError(`pinned: must list each pinned question once; the pinned now are ${JSON.stringify(pinned)}`);
      }
      const now = this.now().toISOString();
      for (const [position, id] of itemIds.entries()) {
        await tx.query('UPDATE hot_question_curation SET position = $2, updated_by = $3, updated_at = $4::timestamptz WHERE item_id = $1', [
          id,
          position,
          actor,
          now,
        ]);
      }
      await recordAudit(tx, { actor, action: 'hot-question.order', before: { pinned }, after: { pinned: itemIds } }, this.now());
    });
  }
}

/** The pins asked for are not the pins there are. */
export class CurationOrderError extends Error {
  override name = 'CurationOrderError';
}

/** One writer at a time, so that two pins never take the same position (PGlite ignores it: one connection). */
async function lockCuration(tx: Db): Promise<void> {
  await tx.query('LOCK TABLE hot_question_curation IN SHARE ROW EXCLUSIVE MODE');
}

function curationFromRow(row: CurationRow): Curation {
  return {
    itemId: row.item_id,
    state: row.state,
    position: Number(row.position),
    updatedBy: row.updated_by,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
