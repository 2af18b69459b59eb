/**
 * @module server/refresher
 * Keeps the assistant's search index in step with the store: every few seconds it asks the
 * assistant to rebuild when the store's revision moved (an import by another process into the
 * same PostgreSQL database, say). Runs in the background so that no request waits for a rebuild.
 */

export interface Refreshable {
  refresh(): Promise<boolean>;
}

export interface Refresher {
  stop(): void;
}

export const DEFAULT_REFRESH_MS = 5_000;

export function startRefresher(
  assistant: Refreshable,
  intervalMs: number = DEFAULT_REFRESH_MS,
  onError: (error: unknown) => void = () => undefined,
): Refresher {
  let running = false;
  const timer = setInterval(() => {
    // A rebuild slower than the interval must not start a second one beside it.
    if (running) return;
    running = true;
    assistant
      .refresh()
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  // The timer alone must never keep a process alive (tests, a server that is closing).
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
