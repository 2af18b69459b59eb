/**
 * @module server/admin/period
 * `from` and `to` query parameters as calendar days in the zone's time zone (`to` inclusive),
 * turned into the instants the stored timestamps are compared with.
 */
import { addDays, isDay, startOfDay } from '../../upkeep/calendar.js';
import { badRequest } from '../errors.js';

export interface DayPeriod {
  fromDay: string;
  toDay: string;
  /** The instant `fromDay` begins. */
  from: Date;
  /** The instant after `toDay` ends (exclusive). */
  to: Date;
}

/** The longest period one request may ask for. */
export const MAX_PERIOD_DAYS = 366;

/** The period asked for; without `from`, the `defaultDays` up to `to` (or today). */
export function periodOf(query: { from?: string; to?: string }, today: string, timeZone: string, defaultDays = 30): DayPeriod {
  for (const field of ['from', 'to'] as const) {
    const value = query[field];
    if (value !== undefined && !isDay(value)) throw badRequest(`${field}: must be a real date written YYYY-MM-DD`);
  }
  const toDay = query.to ?? today;
  const fromDay = query.from ?? addDays(toDay, -(defaultDays - 1));
  if (fromDay > toDay) throw badRequest('from: must not be after to');
  if (fromDay < addDays(toDay, -(MAX_PERIOD_DAYS - 1))) throw badRequest(`from: the period may be at most ${MAX_PERIOD_DAYS} days`);
  return { fromDay, toDay, from: startOfDay(fromDay, timeZone), to: startOfDay(addDays(toDay, 1), timeZone) };
}

/** Optional bounds for filters (the audit log): each given day to its instant. */
export function boundsOf(query: { from?: string; to?: string }, timeZone: string): { since?: Date; until?: Date } {
  for (const field of ['from', 'to'] as const) {
    const value = query[field];
    if (value !== undefined && !isDay(value)) throw badRequest(`${field}: must be a real date written YYYY-MM-DD`);
  }
  if (query.from && query.to && query.from > query.to) throw badRequest('from: must not be after to');
  return {
    ...(query.from ? { since: startOfDay(query.from, timeZone) } : {}),
    ...(query.to ? { until: startOfDay(addDays(query.to, 1), timeZone) } : {}),
  };
}
