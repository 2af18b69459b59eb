/**
 * @module cli/commands/serve
 * `xiaoxin serve [--port N] [--host H] [--data DIR] [--demo]`: the HTTP server. With `--demo` an
 * empty store is first filled with the demo knowledge base, so that a fresh install answers at once.
 * The server listens while the search index is built (health checks answer, /readyz says 503) and
 * says "listening" once it answers questions. It also runs the daily upkeep job (once a day across
 * every instance on the same database).
 */
import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_ZONE_NAME } from '../../config/env.js';
import { loadDemoDirectoryIfEmpty } from '../../demo/directory.js';
import { DEMO_ZONE_NAME, loadDemoIfEmpty } from '../../demo/load.js';
import { buildServer } from '../../server/app.js';
import { StoreWatch } from '../../server/store-watch.js';
import { startSpeech } from '../../speech/index.js';
import type { Store } from '../../storage/index.js';
import { dayIn } from '../../upkeep/calendar.js';
import { DailyUpkeepJob } from '../../upkeep/daily-job.js';
import { cliConfig, createAssistant, indexFileFor, note, openCliStore } from '../context.js';
import { EXIT_OK, UsageError } from '../errors.js';
import { readTlsFiles } from '../tls-files.js';
import { isWorker, leaveCluster, runWorkers } from '../workers.js';

interface ServeFlags {
  port?: number;
  host?: string;
  data?: string;
  demo?: boolean;
}

export function registerServe(program: Command, setExit: (code: number) => void): void {
  program
    .command('serve')
    .description(
      'start the HTTP server: the web app at /, the API under /api/ (described at /api/docs), /healthz, /readyz, /metrics',
    )
    .option('--port <n>', 'port to listen on (default: XIAOXIN_PORT or 8080)', portNumber)
    .option('--host <address>', 'address to listen on (default: XIAOXIN_HOST or 0.0.0.0)')
    .option('--data <dir>', 'PGlite data folder (default: XIAOXIN_DATA or ./data)')
    .option('--demo', 'load the demo knowledge base of the fictional 星河高新区 when the store is empty')
    .action(async (flags: ServeFlags) => {
      setExit(await runServe(flags));
    });
}

export async function runServe(flags: ServeFlags): Promise<number> {
  const config = cliConfig();
  const https = config.tls ? await readTlsFiles(config.tls) : undefined;
  if (config.workers > 1 && !isWorker()) return runPrimary(flags, config.workers, config.databaseUrl, config.seedsDir);
  const store = await openCliStore(flags);
  try {
    // With workers, the primary loaded the demo (once, before they started).
    if (flags.demo && !isWorker()) await loadDemo(store, config.seedsDir);
    const today = () => dayIn(config.timeZone);
    // Policy validity by the zone's calendar, not UTC: in Beijing a new day starts at 16:00 UTC.
    // The web app's name is the home zone, the demo's under `--demo` unless one is configured.
    const zoneName = flags.demo && config.zoneName === DEFAULT_ZONE_NAME ? DEMO_ZONE_NAME : config.zoneName;
    const storeWatch = new StoreWatch(store, { log: (m) => note(m) });
    // The engine's conversations outlive a database outage (their context does not).
    const assistant = createAssistant(storeWatch.forAnswering(), { today, zoneName, indexFile: indexFileFor(flags) });
    // Handled here below; this keeps an early failure from counting as unhandled meanwhile.
    assistant.catch(() => undefined);
    const dailyJob = new DailyUpkeepJob(store, {
      today,
      windowDays: config.reviewWindowDays,
      alerts: { ...config.alerts, zoneName: config.zoneName },
      logError: (m) => note(m),
    });
    // Checked before listening, so that the log says at once whether the assistant can speak and hear.
    const speech = await startSpeech(config.speech, note);
    const app = buildServer(assistant, store, {
      hotline: config.hotline,
      zoneName,
      serviceWindow: config.serviceWindow,
      kioskIdleSeconds: config.kioskIdleSeconds,
      kiosk: config.kiosk,
      rateLimit: config.rateLimit,
      answerQueue: config.answerQueue,
      embedOrigins: config.embedOrigins,
      trustProxy: config.trustProxy,
      logNote: note,
      today,
      timeZone: config.timeZone,
      reviewWindowDays: config.reviewWindowDays,
      secureCookies: config.secureCookies,
      ...(config.metricsToken ? { metricsToken: config.metricsToken } : {}),
      allowSelfPublish: config.allowSelfPublish,
      importLimits: config.importLimits,
      ...(config.oidc ? { oidc: config.oidc } : {}),
      // The notices' e-mail uses the alerts' SMTP server and sender.
      alerts: { ...config.alerts, zoneName: config.zoneName },
      noticeWebhookHosts: config.noticeWebhookHosts,
      dailyJob,
      storeWatch,
      speech,
      ...(https ? { https } : {}),
    });
    const port = flags.port ?? config.port;
    const host = flags.host ?? config.host;
    // Listening for signals before the "listening" line: a supervisor (or a test) that stops the
    // server as soon as it reads that line must not meet the default, abrupt SIGTERM action.
    const stop = untilSignal();
    try {
      // Listening first, so that /healthz answers (and /readyz says 503) while the index is built.
      await app.listen({ port, host });
      await assistant;
    } catch (error) {
      await app.close();
      throw error;
    }
    // The port actually bound: with --port 0 the system picks one.
    const address = app.server.address();
    const bound = address && typeof address === 'object' ? address.port : port;
    const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
    note(`小新 is listening on ${https ? 'https' : 'http'}://${shown}:${bound} (${await store.countItems()} items; Ctrl+C stops)`);
    // Checked now and every hour; it runs when no instance has done today yet.
    const upkeep = dailyJob.schedule(undefined, (r) =>
      note(`daily upkeep for ${r.day}: ${r.due.length} items due, ${r.expiredToday.length} newly expired, ${r.alerts.filter((a) => a.ok).length} alerts sent`),
    );
    await stop;
    note('stopping');
    await upkeep.stop();
    await app.close();
  } finally {
    // Also on a failed start: the PGlite folder lock must be released for the next try.
    await store.close();
    // A worker's channel to its primary would keep it running.
    leaveCluster();
  }
  return EXIT_OK;
}

/**
 * XIAOXIN_WORKERS > 1: the database is prepared once (migrations, the demo), then the workers
 * start, each running `runServe` as a single server does (cli/workers).
 */
async function runPrimary(flags: ServeFlags, workers: number, databaseUrl: string | undefined, seedsDir: string | undefined): Promise<number> {
  if (!databaseUrl) {
    throw new UsageError(`XIAOXIN_WORKERS=${workers} needs PostgreSQL (DATABASE_URL): PGlite is one process's database and cannot be shared; unset XIAOXIN_WORKERS or set DATABASE_URL`);
  }
  const store = await openCliStore(flags);
  try {
    if (flags.demo) await loadDemo(store, seedsDir);
  } finally {
    await store.close();
  }
  return runWorkers(workers, note);
}

async function loadDemo(store: Store, seedsDir: string | undefined): Promise<void> {
  const load = await loadDemoIfEmpty(store, { seedsDir });
  // The directory on its own: a store whose knowledge came before the directory existed gets it too.
  const entries = await loadDemoDirectoryIfEmpty(store);
  if (entries) note(`--demo: loaded ${entries} demo directory entries (七找)`);
  if (!load) {
    note('--demo: the store already holds items, so the demo was not loaded');
    return;
  }
  for (const line of load.notes) note(`--demo: ${line}`);
  note(`--demo: loaded ${load.stored.created.length} demo items${seedsDir ? ` (seed pages from ${seedsDir})` : ''}`);
}

/**
 * Resolves on the first SIGINT or SIGTERM; later ones are taken too, so that they do not kill the
 * process half-way through its stop (a worker gets Ctrl+C from the terminal and SIGTERM from its primary).
 */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.on('SIGINT', () => resolve());
    process.on('SIGTERM', () => resolve());
  });
}

function portNumber(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new InvalidArgumentError('must be a port number from 0 to 65535');
  return n;
}
