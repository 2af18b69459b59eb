/**
 * @module storage/insights
 * The figures of the back office's insights dashboard, computed in SQL over the question log for
 * a period: questions a day and how many were answered and found helpful, the hottest questions,
 * themes, kinds and channels, and the questions the knowledge base failed (for clustering).
 * Days are counted in the zone's time zone, not UTC: 8 a.m. in Beijing is the same day.
 */
import type { Db } from './db.js';

export interface InsightsPeriod {
  from: Date;
  /** Exclusive. */
  to: Date;
  /** An IANA zone such as `Asia/Shanghai`. */
  timeZone: string;
}

export interface DailyFigures {
  /** `YYYY-MM-DD` in the period's time zone. */
  day: string;
  asked: number;
  /** Answered with an item (not "not found", not a clarifying question). */
  answered: number;
  helpful: number;
  notHelpful: number;
}

export interface CountedValue {
  value: string;
  count: number;
}

export interface HotQuestion {
  question: string;
  questionKey: string;
  count: number;
}

export interface InsightsSummary {
  totals: { asked: number; answered: number; helpful: number; notHelpful: number; answeredShare: number; helpfulShare: number };
  daily: DailyFigures[];
  hotQuestions: HotQuestion[];
  themes: CountedValue[];
  kinds: CountedValue[];
  channels: CountedValue[];
}

/** Below this confidence an answer counts as a failure worth a staff member's look. */
export const LOW_CONFIDENCE = 0.5;

const ANSWERED = `answer_type NOT IN ('none', 'clarify')`;

export async function insightsSummary(db: Db, period: InsightsPeriod, hotLimit = 20): Promise<InsightsSummary> {
  const where = 'created_at >= $1::timestamptz AND created_at < $2::timestamptz';
  const base = [period.from.toISOString(), period.to.toISOString()];
  const daily = await db.query<{ day: string; asked: string | number; answered: string | number; helpful: string | number; not_helpful: string | number }>(
    `SELECT to_char((created_at AT TIME ZONE $3)::date, 'YYYY-MM-DD') AS day,
            count(*) AS asked,
            count(*) FILTER (WHERE ${ANSWERED}) AS answered,
            count(*) FILTER (WHERE helpful IS TRUE) AS helpful,
            count(*) FILTER (WHERE helpful IS FALSE) AS not_helpful
     FROM question_log WHERE ${where}
     GROUP BY 1 ORDER BY 1`,
    [...base, period.timeZone],
  );
  const hot = await db.query<{ question: string; question_key: string; n: string | number }>(
    `SELECT question_key, (array_agg(question ORDER BY created_at DESC))[1] AS question, count(*) AS n
     FROM question_log WHERE ${where} AND question_key <> ''
     GROUP BY question_key ORDER BY n DESC, max(created_at) DESC, question_key COLLATE "C" LIMIT $3`,
    [...base, hotLimit],
  );
  const counted = async (column: string) =>
    (
      await db.query<{ value: string; n: string | number }>(
        `SELECT coalesce(${column}, 'other') AS value, count(*) AS n FROM question_log WHERE ${where}
         GROUP BY 1 ORDER BY n DESC, coalesce(${column}, 'other') COLLATE "C"`,
        base,
      )
    ).map((r) => ({ value: r.value, count: Number(r.n) }));

  const days = daily.map((r) => ({
    day: r.day,
    asked: Number(r.asked),
    answered: Number(r.answered),
    helpful: Number(r.helpful),
    notHelpful: Number(r.not_helpful),
  }));
  const sum = (key: keyof Omit<DailyFigures, 'day'>) => days.reduce((total, d) => total + d[key], 0);
  const asked = sum('asked');
  const answered = sum('answered');
  const helpful = sum('helpful');
  const notHelpful = sum('notHelpful');
  return {
    totals: {
      asked,
      answered,
      helpful,
      notHelpful,
      answeredShare: asked ? answered / asked : 0,
      // Of the answers people rated: most people rate nothing.
      helpfulShare: helpful + notHelpful ? helpful / (helpful + notHelpful) : 0,
    },
    daily: days,
    hotQuestions: hot.map((r) => ({ question: r.question, questionKey: r.question_key, count: Number(r.n) })),
    themes: await counted('theme'),
    kinds: await counted('question_kind'),
    channels: await counted('channel'),
  };
}

/**
 * The questions the knowledge base failed in the period — not found, low confidence, or marked
 * unhelpful — one row per distinct question with how often it was asked.
 */
export async function failedQuestions(
  db: Db,
  period: Omit<InsightsPeriod, 'timeZone'>,
  lowConfidence = LOW_CONFIDENCE,
): Promise<{ text: string; questionKey: string; count: number }[]> {
  const rows = await db.query<{ question: string; question_key: string; n: string | number }>(
    `SELECT question_key, (array_agg(question ORDER BY created_at DESC))[1] AS question, count(*) AS n
     FROM question_log
     WHERE created_at >= $1::timestamptz AND created_at < $2::timestamptz AND question_key <> ''
       AND (answer_type = 'none' OR confidence < $3 OR helpful IS FALSE)
     GROUP BY question_key ORDER BY n DESC, question_key COLLATE "C"`,
    [period.from.toISOString(), period.to.toISOString(), lowConfidence],
  );
  return rows.map((r) => ({ text: r.question, questionKey: r.question_key, count: Number(r.n) }));
}

/** The insights queries as the rest of xiaoxin sees them. */
export class InsightsQueries {
  constructor(private readonly db: Db) {}

  summary(period: InsightsPeriod, hotLimit?: number): Promise<InsightsSummary> {
    return insightsSummary(this.db, period, hotLimit);
  }

  failed(period: Omit<InsightsPeriod, 'timeZone'>, lowConfidence?: number) {
    return failedQuestions(this.db, period, lowConfidence);
  }
}
