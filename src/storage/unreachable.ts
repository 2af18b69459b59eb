/**
 * @module storage/unreachable
 * Whether an error means the database cannot be reached (down, restarting, the network), as
 * opposed to a query it refused: the first is an outage to ride out, the second a bug or bad input.
 */

/** Socket errors of a connection that cannot be made or was cut. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/**
 * SQLSTATEs of a server going away: class 08 (connection exception), and operator intervention
 * 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up).
 */
const SERVER_GONE = /^(08...|57P0[123])$/;

/** node-postgres says these in words, without a code. */
const PG_MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection closed/i;

export function isUnreachable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_GONE.test(code))) return true;
    if (PG_MESSAGES.test(e.message)) return true;
    // A pool whose every attempt failed reports an AggregateError of the addresses it tried.
    if (e instanceof AggregateError && e.errors.some((inner) => isUnreachable(inner))) return true;
  }
  return false;
}
