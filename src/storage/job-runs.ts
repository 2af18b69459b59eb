/**
 * @module storage/job-runs
 * Claims for scheduled jobs that must run once a day across every instance sharing the database:
 * the first instance to claim a day gets it, every other claim for that day is refused.
 */
import type { Db } from './db.js';

export class JobRuns {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  /**
   * Claims `day` (`YYYY-MM-DD`) for the job; true for exactly one caller a day. One statement, so
   * PostgreSQL serialises concurrent claims on the row: the loser sees the winner's day and its
   * `WHERE` fails.
   */
  async claim(name: string, day: string): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO job_runs (name, last_day, ran_at) VALUES ($1, $2, $3::timestamptz)
       ON CONFLICT (name) DO UPDATE SET last_day = EXCLUDED.last_day, ran_at = EXCLUDED.ran_at
       WHERE job_runs.last_day < EXCLUDED.last_day
       RETURNING name`,
      [name, day, this.now().toISOString()],
    );
    return rows.length > 0;
  }

  /** Records `day` as done whatever was claimed before (a run forced by a person). */
  async markDone(name: string, day: string): Promise<void> {
    await this.db.query(
      `INSERT INTO job_runs (name, last_day, ran_at) VALUES ($1, $2, $3::timestamptz)
       ON CONFLICT (name) DO UPDATE SET last_day = GREATEST(job_runs.last_day, EXCLUDED.last_day), ran_at = EXCLUDED.ran_at`,
      [name, day, this.now().toISOString()],
    );
  }

  /** Gives a claimed day back (the run failed), so that the next check tries again. */
  async release(name: string, day: string, previousDay: string): Promise<void> {
    await this.db.query('UPDATE job_runs SET last_day = $3 WHERE name = $1 AND last_day = $2', [name, day, previousDay]);
  }

  /** The last day claimed, or undefined when the job never ran. */
  async lastDay(name: string): Promise<string | undefined> {
    const rows = await this.db.query<{ last_day: string }>('SELECT last_day FROM job_runs WHERE name = $1', [name]);
    return rows[0]?.last_day;
  }
}
