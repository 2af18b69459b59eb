/** Days in the zone's time zone: today, where a day starts, and moving by days. */
import { describe, expect, it } from 'vitest';
import { addDays, dayIn, isDay, isTimeZone, startOfDay } from './calendar.js';

describe('calendar', () => {
  it('turns the day at midnight in Beijing, not at midnight UTC', () => {
    expect(dayIn('Asia/Shanghai', new Date('2026-11-23T15:59:59Z'))).toBe('2026-11-23');
    expect(dayIn('Asia/Shanghai', new Date('2026-11-23T16:00:00Z'))).toBe('2026-11-24');
    expect(dayIn('UTC', new Date('2026-11-23T16:00:00Z'))).toBe('2026-11-23');
    expect(startOfDay('2026-11-24', 'Asia/Shanghai').toISOString()).toBe('2026-11-23T16:00:00.000Z');
  });

  it('finds the start of a day on which the clocks change', () => {
    // New York moves to daylight saving time at 2 a.m. on 8 March 2026; midnight is still UTC−5.
    expect(startOfDay('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfDay('2026-03-09', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
  });

  it('moves by days across month and year ends, and knows real days and zones', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('26-2-3')).toBe(false);
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Beijing')).toBe(false);
  });
});
