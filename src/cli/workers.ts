/**
 * @module cli/workers
 * `XIAOXIN_WORKERS=N` (PostgreSQL only): N server processes share the port — node:cluster hands
 * the connections round — each with its own search index, so that answering uses N cores. This
 * is the scale-out a zone gets from several machines on one database, on one machine: the
 * processes learn of each other's changes as separate instances do (LISTEN/NOTIFY, the revision
 * poll), and the daily job runs once a day across all of them. PGlite is one process's database,
 * so it cannot be shared.
 *
 * The primary only starts, restarts and stops the workers: a worker that dies is started again
 * after a pause; SIGTERM or SIGINT stops every worker (each finishes the answers it is giving)
 * before the primary exits.
 */
import cluster, { type Worker } from 'node:cluster';

/** A worker that dies is started again after this long (a crash loop costs a little, not a core). */
const RESTART_DELAY_MS = 1_000;

/** Resolves with the exit code once every worker stopped: 0 when asked to stop, 1 when one could not start. */
export async function runWorkers(count: number, note: (message: string) => void): Promise<number> {
  let stopping = false;
  let failed = false;
  const live = new Set<Worker>();
  let stopAll = (): void => undefined;
  const start = (): void => {
    const worker = cluster.fork();
    let listening = false;
    live.add(worker);
    worker.once('listening', () => (listening = true));
    worker.once('exit', (code, signal) => {
      live.delete(worker);
      if (stopping) return;
      if (!listening) {
        // It never got as far as listening (a wrong setting, a port in use): starting it again would fail the same way.
        note(`worker ${worker.process.pid} could not start (${signal ?? `exit code ${code}`}); stopping`);
        failed = true;
        stopAll();
        return;
      }
      note(`worker ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}); starting another in ${RESTART_DELAY_MS / 1000} s`);
      setTimeout(() => {
        if (!stopping) start();
      }, RESTART_DELAY_MS).unref();
    });
  };
  note(`starting ${count} server processes on one PostgreSQL database (XIAOXIN_WORKERS)`);
  for (let i = 0; i < count; i++) start();
  await new Promise<void>((resolve) => {
    stopAll = (): void => {
      if (stopping) return;
      stopping = true;
      for (const worker of live) worker.process.kill('SIGTERM');
      const check = (): void => {
        if (live.size === 0) resolve();
      };
      for (const worker of live) worker.once('exit', check);
      check();
    };
    process.once('SIGINT', stopAll);
    process.once('SIGTERM', stopAll);
  });
  return failed ? 1 : 0;
}

/** Whether this process is one of the workers `runWorkers` started. */
export const isWorker = (): boolean => cluster.isWorker;

/** A worker done serving lets go of its primary, so that it can exit (nothing happens elsewhere). */
export function leaveCluster(): void {
  if (cluster.isWorker && cluster.worker?.isConnected()) cluster.worker.disconnect();
}
