/**
 * @module storage/pg-listener
 * LISTEN on a PostgreSQL channel over a connection of its own (a pooled one would be handed to
 * other queries), kept open across server restarts: a lost connection is reopened with backoff,
 * and the listener is then told once, since notifications sent meanwhile were missed.
 */
import pg from 'pg';

const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 30_000;

export async function listenPostgres(url: string, channel: string, onNotify: () => void): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let closed = false;
  let retryMs = FIRST_RETRY_MS;
  let timer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    // Without a listener an error event would end the process; 'end' below reconnects.
    next.on('error', () => undefined);
    next.on('notification', (message) => {
      if (message.channel === channel) onNotify();
    });
    next.on('end', () => {
      if (client === next) client = undefined;
      if (!closed) reconnectLater();
    });
    await next.connect();
    // Channel names are ours (a constant), never user input: safe to quote into the statement.
    await next.query(`LISTEN ${channel}`);
    client = next;
    retryMs = FIRST_RETRY_MS;
  };

  const reconnectLater = (): void => {
    if (timer || closed) return;
    timer = setTimeout(() => {
      timer = undefined;
      connect().then(
        () => onNotify(),
        () => {
          retryMs = Math.min(LAST_RETRY_MS, retryMs * 2);
          reconnectLater();
        },
      );
    }, retryMs);
    timer.unref();
  };

  await connect();
  return async () => {
    closed = true;
    clearTimeout(timer);
    await client?.end().catch(() => undefined);
  };
}
