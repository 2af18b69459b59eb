/**
 * @module server/app
 * The HTTP server: the API of docs/API.md under /api/ (rate-limited, documented at /api/docs), the
 * back office's API of docs/ADMIN-API.md under /api/admin/, probes and metrics, and the web app at
 * /. Each part is a module of its own; this one puts them
 * together in order: validation (and the guard against unstorable text) and errors, metrics, security headers, docs, routes, static files.
 */
import { readFileSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  DEFAULT_HOTLINE,
  DEFAULT_KIOSK_IDLE_SECONDS,
  DEFAULT_RATE_LIMIT,
  DEFAULT_SERVICE_WINDOW,
  DEFAULT_ZONE_NAME,
} from '../config/env.js';
import { OidcClient, type OidcSettings } from '../enterprise/accounts/oidc.js';
import { NoticeJob } from '../enterprise/notices/job.js';
import { RuleBook, shippedRuleFiles } from '../enterprise/rule-book/index.js';
import type { ImportLimits } from '../ingestion/index.js';
import type { Store } from '../storage/index.js';
import type { AlertSettings } from '../upkeep/alerts.js';
import { DEFAULT_TIME_ZONE, dayIn } from '../upkeep/calendar.js';
import { DailyUpkeepJob } from '../upkeep/daily-job.js';
import { DEFAULT_DUE_WINDOW_DAYS } from '../upkeep/due.js';
import { DEFAULT_LOGIN_RATE_LIMIT, registerAdminApi } from './admin/index.js';
import { registerEnterpriseApi } from './enterprise/index.js';
import { KnowledgeCatalog } from './catalog.js';
import type { ServerContext } from './context.js';
import { registerDocs } from './docs.js';
import { EngineGate, type ChatEngine } from './engine.js';
import { frameworkError, installErrorHandling } from './errors.js';
import { HotQuestionsService } from './hot.js';
import { ServerMetrics } from './metrics.js';
import { registerRateLimit } from './rate-limit.js';
import { DEFAULT_REFRESH_MS, startRefresher } from './refresher.js';
import { chatRoutes } from './routes/chat.js';
import { directoryPublicRoutes } from './directory/public-routes.js';
import { configRoutes } from './routes/config.js';
import { feedbackRoutes } from './routes/feedback.js';
import { healthRoutes } from './routes/health.js';
import { hotRoutes } from './routes/hot.js';
import { itemRoutes } from './routes/items.js';
import { speechRoutes } from './routes/speech.js';
import { suggestRoutes } from './routes/suggest.js';
import { transcribeRoutes } from './routes/transcribe.js';
import type { SpeechServices } from './context.js';
import { MAX_MESSAGE_CHARS } from './schemas.js';
import { registerSecurityHeaders } from './security.js';
import { DEFAULT_WEB_DIR, registerWebApp } from './static.js';
import { installInputGuard } from './input-guard.js';
import { installValidation } from './validation.js';
import { StoreWatch } from './store-watch.js';
import { AnswerQueue, type AnswerQueueOptions } from './answer-queue.js';

export type { ChatEngine } from './engine.js';
export { MAX_MESSAGE_CHARS } from './schemas.js';

export interface ServerOptions {
  /** How often to check the store for changes made elsewhere; 0 turns checking off. */
  refreshMs?: number;
  /** Where unexpected errors are reported (stderr by default). */
  logError?: (message: string) => void;
  /** Where notes for the operator go (stderr by default). */
  logNote?: (message: string) => void;
  /** Shown by the web app (GET /api/config). */
  zoneName?: string;
  hotline?: string;
  serviceWindow?: string;
  kioskIdleSeconds?: number;
  /** Kiosk mode for every browser (GET /api/config says so to the web app). */
  kiosk?: boolean;
  /** Requests a minute per client address to /api/*; 0 turns limiting off (default 120). */
  rateLimit?: number;
  /** Origins that may frame the widget's page (`/?embed=1`); `['*']` (the default) for any. Nothing else may be framed. */
  embedOrigins?: string[];
  /** Fastify's trustProxy: take the client address from X-Forwarded-For (off by default). */
  trustProxy?: boolean | number | string[];
  /** The built web app (default: dist/web of this package). */
  webDir?: string;
  /** How long GET /api/hot reuses its answer (default a minute). */
  hotCacheMs?: number;
  /** A bearer token that lets other machines read /metrics (default: this machine only). */
  metricsToken?: string;
  /** Include Node.js process metrics in /metrics (default true). */
  processMetrics?: boolean;
  /** `YYYY-MM-DD` for policy validity (default: today in `timeZone`). */
  today?: () => string;
  /** The zone's time zone (default Asia/Shanghai): "today", and the days of the insights. */
  timeZone?: string;
  /** How far ahead the review queue and the daily alert look (default 30 days). */
  reviewWindowDays?: number;
  /** Mark the back office's cookie Secure even over plain HTTP (TLS ends at a proxy in front). */
  secureCookies?: boolean;
  /** Let the author of a change publish it themselves (default false: four eyes). */
  allowSelfPublish?: boolean;
  /** Back-office login attempts a minute per client address; 0 turns the limit off (default 10). */
  adminLoginRateLimit?: number;
  /** Where the daily job sends its alert (used when `dailyJob` is not given). */
  alerts?: AlertSettings;
  /** The daily upkeep job behind POST /api/admin/upkeep/run (default: one over `store` with `alerts`). */
  dailyJob?: DailyUpkeepJob;
  /** Caps on reading one imported file (XIAOXIN_IMPORT_*; default DEFAULT_IMPORT_LIMITS). */
  importLimits?: Partial<ImportLimits>;
  /**
   * Watches the database for outages (give the engine its `forAnswering()` store, so that a
   * conversation outlives one); default: one over `store`, logging to `logError`.
   */
  storeWatch?: StoreWatch;
  /** How many questions are answered at once, may wait, and how long (defaults in server/answer-queue). */
  answerQueue?: AnswerQueueOptions;
  /** Enterprise login through the province's identity service (XIAOXIN_OIDC_*); off when unset. */
  oidc?: OidcSettings;
  /**
   * The job that notifies enterprises of the rules they newly fit (default: one over `store` with
   * the shipped rules, e-mail through `alerts.smtpUrl`). It runs in the background when `refreshMs` > 0.
   */
  notices?: NoticeJob;
  /** Hosts whose enterprise webhooks may use http:// and private addresses (XIAOXIN_NOTICE_WEBHOOK_HOSTS). */
  noticeWebhookHosts?: string[];
  /**
   * Speech out (POST /api/speech: a started `Speaker`) and in (POST /api/transcribe: a
   * `Transcriber`); each off when absent, and GET /api/config says so to the web app.
   */
  speech?: SpeechServices;
  /** PEM certificate and key: the server speaks HTTPS itself (XIAOXIN_TLS_CERT, XIAOXIN_TLS_KEY). */
  https?: { cert: Buffer; key: Buffer };
}

/**
 * The server over `store`, answering with `engine`. The engine may still be building (a promise):
 * the server answers health checks meanwhile, and /api/chat with 503 until it is ready.
 */
export function buildServer(
  engine: ChatEngine | Promise<ChatEngine>,
  store: Store,
  options: ServerOptions = {},
): FastifyInstance {
  const logError = options.logError ?? ((m: string) => process.stderr.write(`xiaoxin serve: ${m}\n`));
  const logNote = options.logNote ?? ((m: string) => process.stderr.write(`xiaoxin serve: ${m}\n`));
  const embedOrigins = options.embedOrigins ?? ['*'];
  const metrics = new ServerMetrics(options.processMetrics ?? true);
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const today = options.today ?? (() => dayIn(timeZone));
  const reviewWindowDays = options.reviewWindowDays ?? DEFAULT_DUE_WINDOW_DAYS;
  const catalog = new KnowledgeCatalog(store, today);
  const now = () => new Date();
  const storeWatch = options.storeWatch ?? new StoreWatch(store, { log: logError });
  metrics.watchStore(storeWatch);
  const answerQueue = new AnswerQueue(options.answerQueue);
  // The shipped rule files are checked now: a broken one stops the start, as it always did.
  const shippedRules = shippedRuleFiles();
  const ruleBook = new RuleBook(store, { logError, shipped: () => shippedRules });
  metrics.watchQueue(answerQueue);
  const ctx: ServerContext = {
    engine: new EngineGate(engine, (e) => {
      metrics.error('startup');
      logError(`the assistant could not start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }),
    answerQueue,
    store,
    storeWatch,
    catalog,
    metrics,
    settings: {
      zoneName: options.zoneName ?? DEFAULT_ZONE_NAME,
      hotline: options.hotline ?? DEFAULT_HOTLINE,
      serviceWindow: options.serviceWindow ?? DEFAULT_SERVICE_WINDOW,
      kioskIdleSeconds: options.kioskIdleSeconds ?? DEFAULT_KIOSK_IDLE_SECONDS,
      kiosk: options.kiosk ?? false,
      maxMessageChars: MAX_MESSAGE_CHARS,
    },
    today,
    now,
    hot: new HotQuestionsService(store, catalog, now, options.hotCacheMs ?? 60_000),
    logError,
    ...(options.metricsToken ? { metricsToken: options.metricsToken } : {}),
    admin: {
      timeZone,
      reviewWindowDays,
      secureCookies: options.secureCookies ?? false,
      allowSelfPublish: options.allowSelfPublish ?? false,
      loginRateLimit: options.adminLoginRateLimit ?? DEFAULT_LOGIN_RATE_LIMIT,
      dailyJob:
        options.dailyJob ??
        new DailyUpkeepJob(store, { today, windowDays: reviewWindowDays, ...(options.alerts ? { alerts: options.alerts } : {}), logError }),
      ...(options.importLimits ? { importLimits: options.importLimits } : {}),
    },
    enterprise: {
      rules: ruleBook,
      ...(options.oidc ? { oidc: new OidcClient(options.oidc) } : {}),
      notices:
        options.notices ??
        new NoticeJob(store, {
          rules: ruleBook,
          today,
          send: {
            webhookAllowHosts: options.noticeWebhookHosts ?? [],
            ...(options.alerts?.smtpUrl ? { smtpUrl: options.alerts.smtpUrl } : {}),
            ...(options.alerts?.emailFrom ? { emailFrom: options.alerts.emailFrom } : {}),
            zoneName: options.zoneName ?? DEFAULT_ZONE_NAME,
          },
          logError,
        }),
    },
    speech: options.speech ?? {},
  };

  // A question is at most 500 characters; nothing the API takes comes near 16 KiB.
  // Plugins load while the search index is read or built on the same thread: at 100,000 items a
  // start-up step may hold it longer than Fastify's default 10 s for a plugin (which then fails the start).
  const settings = { logger: false, bodyLimit: 16 * 1024, trustProxy: trustProxy(options.trustProxy), frameworkErrors: frameworkError, pluginTimeout: 120_000 };
  // Over HTTPS the routes, hooks and cookies are the same (a request's protocol says https, so the
  // cookies are Secure); only the server's type differs, which nothing here depends on.
  const app = options.https ? (Fastify({ ...settings, https: options.https }) as unknown as FastifyInstance) : Fastify(settings);
  installValidation(app);
  installInputGuard(app);
  metrics.install(app);
  registerSecurityHeaders(app, embedOrigins);
  registerDocs(app, packageVersion());
  app.register(async (api) => {
    await registerRateLimit(api, options.rateLimit ?? DEFAULT_RATE_LIMIT);
    for (const routes of [chatRoutes, feedbackRoutes, itemRoutes, suggestRoutes, hotRoutes, configRoutes, speechRoutes, transcribeRoutes, directoryPublicRoutes]) {
      await api.register(routes, ctx);
    }
  });
  // Beside the public API, not inside it: the back office has its own limits (login) and none otherwise.
  registerAdminApi(app, ctx);
  // The enterprise portal's API: its own session cookie, beside the back office's.
  registerEnterpriseApi(app, ctx);
  app.register(healthRoutes, ctx);
  const fallback = registerWebApp(app, { webDir: options.webDir ?? DEFAULT_WEB_DIR, note: logNote });
  installErrorHandling(app, { logError, onInternalError: () => metrics.error('internal'), isOutage: (e) => storeWatch.failed(e), fallback });
  app.addHook('onClose', async () => storeWatch.close());
  // Before the server stops: questions still waiting for a turn would otherwise be answered after
  // the store is closed (their clients may have gone, their handlers have not).
  app.addHook('preClose', async () => answerQueue.close());

  // Built in the background, so that the first keystroke does not wait for it; once the engine
  // is up (or has failed), for at start-up reading every item would slow down what /readyz waits for.
  const engineSettled = Promise.resolve(engine).then(
    () => undefined,
    () => undefined,
  );
  app.addHook('onReady', async () => {
    void engineSettled.then(() => ctx.catalog.current()).catch((e: unknown) => logError(`could not read the knowledge base for completion: ${String(e)}`));
  });

  const refreshMs = options.refreshMs ?? DEFAULT_REFRESH_MS;
  if (refreshMs > 0) {
    const knowledge = {
      // The engine first: answers are what a publish waits for; then the catalogue (completion,
      // the home screen). Each reads only the items that changed.
      refresh: async () => {
        const index = (await ctx.engine.current?.refresh()) ?? false;
        const catalog = await ctx.catalog.refresh();
        return catalog || index;
      },
    };
    const refresher = startRefresher(knowledge, refreshMs, (e) => {
      // An outage is logged once by the watch; answers go on from the index in memory.
      if (storeWatch.failed(e)) return;
      metrics.error('index_refresh');
      logError(`index refresh failed: ${String(e)}`);
    });
    // Told at once of changes by any instance; the interval above is the fallback.
    const listening = store.watchRevision(() => refresher.poke()).catch((e: unknown) => {
      logError(`not notified of changes (the store is polled every ${refreshMs} ms instead): ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    });
    app.addHook('onClose', async () => {
      refresher.stop();
      await (await listening)?.();
    });
    // Notices are background work like the refresh: off in tests that drive the job themselves.
    // Started once the engine is up, unless the server is closing by then.
    let closing = false;
    let starting: Promise<void> | undefined;
    app.addHook('onReady', async () => {
      void engineSettled.then(() => {
        if (closing) return;
        starting = ctx.enterprise.notices.start().catch((e: unknown) => logError(`enterprise notices could not start: ${String(e)}`));
      });
    });
    app.addHook('preClose', async () => {
      closing = true;
      await starting;
      await ctx.enterprise.notices.stop();
    });
  }
  return app;
}

/** Fastify takes a hop count at run time but not in its types; the same as a function. */
function trustProxy(value: boolean | number | string[] = false): boolean | string[] | ((a: string, hop: number) => boolean) {
  return typeof value === 'number' ? (_address, hop) => hop < value : value;
}

let version: string | undefined;
function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;
  return version;
}
