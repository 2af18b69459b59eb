/**
 * @module storage/questions
 * The question log in the `question_log` table: one row a turn, its feedback, and pages of it.
 */
import type { Db } from './db.js';
import type {
  Feedback,
  LoggedQuestion,
  NewQuestion,
  QuestionLogPage,
  QuestionLogQuery,
} from './store.js';

interface QuestionRow {
  id: string;
  session_id: string | null;
  channel: string;
  question: string;
  question_key: string;
  answer_type: string;
  confidence: number | string;
  cited_ids: unknown;
  created_at: Date | string;
  helpful: boolean | null;
  feedback_comment: string | null;
  feedback_at: Date | string | null;
  question_kind: string | null;
  theme: string | null;
  logged_by: string | null;
  staff_note: string | null;
}

export async function insertQuestion(db: Db, q: NewQuestion, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO question_log (id, session_id, channel, question, question_key, answer_type, confidence, cited_ids, created_at,
       question_kind, theme, logged_by, staff_note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::timestamptz, $10, $11, $12, $13)
     -- A turn written again after a connection broke mid-write (did it land?) is stored once.
     ON CONFLICT (id) DO NOTHING`,
    [
      q.id,
      q.sessionId ?? null,
      q.channel,
      storable(q.question),
      storable(q.questionKey),
      q.answerType,
      q.confidence,
      JSON.stringify(q.citedIds),
      now.toISOString(),
      q.questionKind ?? null,
      q.theme === undefined ? null : storable(q.theme),
      q.loggedBy ?? null,
      q.note === undefined ? null : storable(q.note),
    ],
  );
}

export async function selectQuestion(db: Db, id: string): Promise<LoggedQuestion | undefined> {
  const rows = await db.query<QuestionRow>('SELECT * FROM question_log WHERE id = $1', [id]);
  return rows[0] && questionFromRow(rows[0]);
}

export async function updateFeedback(db: Db, id: string, feedback: Feedback, now: Date): Promise<boolean> {
  const rows = await db.query(
    `UPDATE question_log SET helpful = $2, feedback_comment = $3, feedback_at = $4::timestamptz
     WHERE id = $1 RETURNING id`,
    [id, feedback.helpful, feedback.comment === undefined ? null : storable(feedback.comment), now.toISOString()],
  );
  return rows.length > 0;
}

export async function selectQuestionPage(db: Db, query: QuestionLogQuery): Promise<QuestionLogPage> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    conditions.push(sql.replace('?', `$${params.length}`));
  };
  if (query.since) add('created_at >= ?::timestamptz', query.since.toISOString());
  if (query.until) add('created_at < ?::timestamptz', query.until.toISOString());
  if (query.channel) add('channel = ?', query.channel);
  if (query.answerType) add('answer_type = ?', query.answerType);
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const counted = await db.query<{ n: number | string }>(`SELECT count(*) AS n FROM question_log ${where}`, params);
  const rows = await db.query<QuestionRow>(
    `SELECT * FROM question_log ${where} ORDER BY created_at DESC, id COLLATE "C" DESC
     LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, query.limit, query.offset],
  );
  return { total: Number(counted[0]?.n ?? 0), questions: rows.map(questionFromRow) };
}

function questionFromRow(row: QuestionRow): LoggedQuestion {
  const cited = typeof row.cited_ids === 'string' ? (JSON.parse(row.cited_ids) as unknown) : row.cited_ids;
  return {
    id: row.id,
    ...(row.session_id !== null ? { sessionId: row.session_id } : {}),
    channel: row.channel,
    question: row.question,
    questionKey: row.question_key,
    answerType: row.answer_type,
    confidence: Number(row.confidence),
    citedIds: Array.isArray(cited) ? cited.map(String) : [],
    createdAt: new Date(row.created_at).toISOString(),
    ...(row.helpful !== null ? { helpful: row.helpful } : {}),
    ...(row.feedback_comment !== null ? { feedbackComment: row.feedback_comment } : {}),
    ...(row.feedback_at !== null ? { feedbackAt: new Date(row.feedback_at).toISOString() } : {}),
    ...(row.question_kind !== null ? { questionKind: row.question_kind } : {}),
    ...(row.theme !== null ? { theme: row.theme } : {}),
    ...(row.logged_by !== null ? { loggedBy: row.logged_by } : {}),
    ...(row.staff_note !== null ? { note: row.staff_note } : {}),
  };
}

/** PostgreSQL cannot store NUL or lone surrogates; what people type must never fail a turn for that. */
function storable(text: string): string {
  return text.replace(/\u0000|\p{Surrogate}/gu, '\uFFFD');
}
