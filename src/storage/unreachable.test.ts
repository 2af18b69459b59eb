import { describe, expect, it } from 'vitest';
import { isUnreachable } from './unreachable.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isUnreachable', () => {
  it('reads a refused or cut connection as the database being unreachable', () => {
    expect(isUnreachable(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(true);
    expect(isUnreachable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isUnreachable(withCode('terminating connection due to administrator command', '57P01'))).toBe(true);
    expect(isUnreachable(withCode('the database system is starting up', '57P03'))).toBe(true);
    expect(isUnreachable(new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')]))).toBe(true);
    expect(isUnreachable(new Error('wrapped', { cause: withCode('read ECONNRESET', 'ECONNRESET') }))).toBe(true);
  });

  it('does not read a refused query as an outage', () => {
    expect(isUnreachable(withCode('duplicate key value violates unique constraint', '23505'))).toBe(false);
    expect(isUnreachable(withCode('invalid input syntax for type integer', '22P02'))).toBe(false);
    expect(isUnreachable(new Error('something else'))).toBe(false);
    expect(isUnreachable('a string')).toBe(false);
  });
});
