/**
 * @module server/refresher
 * Keeps the assistant's search index in step with the store: at once when the store says its
 * revision moved (PostgreSQL's LISTEN/NOTIFY: an import or a publish by any instance on the same
 * database), and every few seconds as the fallback when no notification comes (a listener that is
 * reconnecting). Runs in the background so that no request waits for a rebuild.
 */

export interface Refreshable {
  refresh(): Promise<boolean>;
}

export interface Refresher {
  /** Refreshes as soon as the current refresh (if any) is done. */
  poke(): void;
  stop(): void;
}

export const DEFAULT_REFRESH_MS = 5_000;

export function startRefresher(
  assistant: Refreshable,
  intervalMs: number = DEFAULT_REFRESH_MS,
  onError: (error: unknown) => void = () => undefined,
): Refresher {
  let running = false;
  // A change announced while a refresh runs may have come after it read the store: once more.
  let again = false;
  let stopped = false;
  const run = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    again = false;
    assistant
      .refresh()
      .catch(onError)
      .finally(() => {
        running = false;
        if (again) run();
      });
  };
  const timer = setInterval(() => {
    // A rebuild slower than the interval must not start a second one beside it.
    if (!running) run();
  }, intervalMs);
  // The timer alone must never keep a process alive (tests, a server that is closing).
  timer.unref();
  return {
    poke: run,
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
