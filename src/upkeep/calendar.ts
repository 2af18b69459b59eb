/**
 * @module upkeep/calendar
 * Days in the zone's time zone: "today" for validity and the daily job, and the instants a day
 * starts at for queries over timestamps. A zone in Beijing must not see its day turn at 8 a.m.
 */

/** The default zone: every high-tech zone is in China. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const DAY_MS = 86_400_000;

/** Whether `name` is a time zone this Node.js knows (IANA names such as `Asia/Shanghai`, or `UTC`). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The calendar day (`YYYY-MM-DD`) of the instant `at` in `timeZone`. */
export function dayIn(timeZone: string, at: Date = new Date()): string {
  const p = parts(timeZone, at);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** The instant `day` (`YYYY-MM-DD`) begins in `timeZone`. */
export function startOfDay(day: string, timeZone: string): Date {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  // Twice, so that a day on which the offset changes (daylight saving elsewhere) still comes out right.
  let instant = midnightUtc - offsetMs(timeZone, new Date(midnightUtc));
  instant = midnightUtc - offsetMs(timeZone, new Date(instant));
  return new Date(instant);
}

/** `day` moved by `days` (negative for earlier). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from one `YYYY-MM-DD` to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Whether `text` is a real calendar day written `YYYY-MM-DD`. */
export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}

/** How far the zone's wall clock is ahead of UTC at `at`. */
function offsetMs(timeZone: string, at: Date): number {
  const p = parts(timeZone, at);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** One formatter per time zone: building one costs far more than using it, and answering asks for the zone's day often. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function parts(timeZone: string, at: Date) {
  const formatted = formatterFor(timeZone).formatToParts(at);
  const get = (type: string) => Number(formatted.find((part) => part.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

const pad = (n: number) => String(n).padStart(2, '0');
