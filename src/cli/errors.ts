/**
 * @module cli/errors
 * Exit codes and the one-line error report: people get a sentence, not a stack trace
 * (set XIAOXIN_DEBUG=1 to see the stack of an unexpected error).
 */
import { CommanderError } from 'commander';
import { ConfigError } from '../config/env.js';

export const EXIT_OK = 0;
/** The command ran but something failed (a bad file in an import, a server that could not start). */
export const EXIT_FAILURE = 1;
/** The command line or the configuration is wrong; nothing was done. */
export const EXIT_USAGE = 2;

/** A mistake by the person running the command (a missing file, a bad value). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Prints `error` to stderr the way a person should see it and returns the exit code to use. */
export function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its message (or the help text).
    return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  }
  if (error instanceof ConfigError) {
    process.stderr.write(`xiaoxin: ${error.message}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`xiaoxin: ${error.message}\n`);
    return EXIT_USAGE;
  }
  const message = error instanceof Error ? error.message : String(error);
  // Library messages already start with "xiaoxin <part>:"; the rest get the prefix.
  const line = message.startsWith('xiaoxin') ? message : `xiaoxin: ${message}`;
  process.stderr.write(`${line.split('\n')[0]}\n`);
  if (process.env.XIAOXIN_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return EXIT_FAILURE;
}
