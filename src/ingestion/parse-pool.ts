/**
 * @module ingestion/parse-pool
 * Files are parsed in worker threads, never on the thread that serves HTTP: a hostile file can
 * then only cost its own worker, which is stopped at the time limit or dies at the memory limit
 * and is replaced, while the server keeps answering and the rest of the import goes on.
 * piscina keeps the pool (lazy start, reuse, resourceLimits, cancellation by AbortSignal).
 */
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { limitsWith, LIMIT_SETTINGS, type ImportLimits } from './limits.js';
import { errorMessage, failed, type ReadOutcome } from './reader.js';
import type { ParseTask } from './parse-worker.js';
import type { ImportOptions } from './types.js';

/** Two workers at most: imports are rare, and a small server must keep a core for answering. */
const THREADS = Math.max(1, Math.min(2, os.availableParallelism()));

// From the compiled dist/ the worker is JavaScript; under vitest or tsx it is the TypeScript
// source, which a worker thread can only load with tsx's loader.
const compiled = import.meta.url.endsWith('.js');
const WORKER = new URL(compiled ? './parse-worker.js' : './parse-worker.ts', import.meta.url);
// tsx by its full address: the worker resolves a bare name from the working folder, which may be anywhere.
const EXEC_ARGV = compiled ? [] : ['--import', import.meta.resolve('tsx')];

/** One pool per memory limit (a worker's heap is fixed when it starts); created on first use. */
const pools = new Map<number, Piscina<ParseTask, ReadOutcome>>();
const startErrors = new WeakMap<Piscina<ParseTask, ReadOutcome>, unknown>();

function poolFor(memoryMb: number): Piscina<ParseTask, ReadOutcome> {
  let pool = pools.get(memoryMb);
  if (!pool) {
    pool = new Piscina<ParseTask, ReadOutcome>({
      filename: fileURLToPath(WORKER),
      execArgv: EXEC_ARGV,
      minThreads: 0,
      maxThreads: THREADS,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.ceil(memoryMb / 8)) },
    });
    // An error with no task to fail: a worker that could not start (too little memory for the
    // parsers, a broken install). piscina then starts no more, and the files waiting would wait
    // until their time limit; the pool is dropped instead, so that they fail now, saying why.
    const dropped = pool;
    pool.on('error', (error: unknown) => {
      if (dropped.threads.length > 0) return;
      startErrors.set(dropped, error);
      pools.delete(memoryMb);
      void dropped.destroy();
    });
    pools.set(memoryMb, pool);
  }
  return pool;
}

/** Reads `file` in a worker; a file that overruns the time or memory limit becomes its problem. */
export async function parseInWorker(file: string, options: ImportOptions): Promise<ReadOutcome> {
  const limits: ImportLimits = limitsWith(options.limits);
  const task: ParseTask = { file, options: { ...options, limits } };
  // A timer of our own rather than AbortSignal.timeout, whose unref'd timer would let a CLI
  // process exit mid-import when nothing else keeps it alive.
  const controller = new AbortController();
  const { signal } = controller;
  const timer = setTimeout(() => controller.abort(), limits.timeoutSeconds * 1000);
  const pool = poolFor(limits.memoryMb);
  try {
    return await pool.run(task, { signal });
  } catch (error) {
    const startError = startErrors.get(pool);
    if (startError !== undefined) return failed(file, `could not be read: the parsing worker did not start (${errorMessage(startError)})`);
    if (signal.aborted) {
      return failed(file, `took longer than ${limits.timeoutSeconds} s to read; skipped (the limit is ${LIMIT_SETTINGS.timeoutSeconds})`);
    }
    if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return failed(file, `needs more than ${limits.memoryMb} MB of memory to read; skipped (the limit is ${LIMIT_SETTINGS.memoryMb})`);
    }
    return failed(file, `could not be read: ${errorMessage(error)}`);
  } finally {
    clearTimeout(timer);
  }
}

/** Stops every worker (tests, and a CLI that wants to exit at once). */
export async function closeParsePools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((p) => p.destroy()));
}
