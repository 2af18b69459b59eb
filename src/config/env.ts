/**
 * @module config/env
 * Reads and validates every environment variable xiaoxin understands, once, so that a bad setting
 * is reported at start-up (all of them together) instead of failing later in some request.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../ingestion/limits.js';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../upkeep/calendar.js';
import { DEFAULT_MAX_WAIT_MS, DEFAULT_MAX_WAITING } from '../server/answer-queue.js';
import { DEFAULT_OIDC_CLAIMS, type OidcSettings } from '../enterprise/accounts/oidc-settings.js';

/** The national government-service hotline (12345 政务服务便民热线), named in "not found" answers. */
export const DEFAULT_HOTLINE = '12345';
export const DEFAULT_PORT = 8080;
/** All interfaces: a service-hall kiosk or a reverse proxy has to reach the server. */
export const DEFAULT_HOST = '0.0.0.0';
/** How the web app names the installation when XIAOXIN_ZONE_NAME is not set. */
export const DEFAULT_ZONE_NAME = '高新区政务服务中心';
/** The human help named beside the hotline when XIAOXIN_SERVICE_WINDOW is not set. */
export const DEFAULT_SERVICE_WINDOW = '政务服务大厅综合咨询窗口';
/** A kiosk left alone this long starts over for the next person. */
export const DEFAULT_KIOSK_IDLE_SECONDS = 120;
/** Requests a minute per client address to /api/*: far above a person's pace, well below a script's. */
export const DEFAULT_RATE_LIMIT = 120;
/** Where a checkout beside the shared project folder finds the seed newspaper pages. */
export const DEFAULT_SEEDS_DIR = path.join('..', 'shared', 'context', 'seeds');
/** How far ahead the review queue and the daily alert look for expiry and review dates. */
export const DEFAULT_REVIEW_WINDOW_DAYS = 30;

export interface EmbeddingsConfig {
  url: string;
  model: string;
  key?: string;
}

/** XIAOXIN_TTS_* and XIAOXIN_ASR_*: the zone's OpenAI-compatible speech servers, each optional. */
export interface SpeechConfig {
  /** XIAOXIN_SPEECH_OUT=0: no voice from the server (the web app then uses the browser's own). */
  out?: false;
  /** A natural voice (`/v1/audio/speech`), tried before the embedded espeak-ng. */
  tts?: { url: string; model: string; voice?: string; key?: string };
  /** Transcription (`/v1/audio/transcriptions`) behind POST /api/transcribe. */
  asr?: { url: string; model: string; key?: string };
}

/** Where the daily job sends the list of due items; every part optional. */
export interface AlertConfig {
  webhookUrl?: string;
  smtpUrl?: string;
  emailTo: string[];
  emailFrom?: string;
}

export interface Config {
  /** XIAOXIN_DATA: the PGlite data folder (unset: `--data` or ./data decide). */
  dataDir?: string;
  /** DATABASE_URL: PostgreSQL instead of PGlite. */
  databaseUrl?: string;
  hotline: string;
  port: number;
  host: string;
  /** Optional dense retrieval through an OpenAI-compatible endpoint; passed through as given. */
  embeddings?: EmbeddingsConfig;
  /** Folder of seed pages the demo imports as articles; undefined when there is none. */
  seedsDir?: string;
  /**
   * XIAOXIN_LEXICON_DIR: a zone's own word lists (synonyms.txt, stopwords.txt, domain-dict.txt,
   * homophones.txt — the formats of resources/lexicon/), added to the shipped ones.
   */
  lexiconDir?: string;
  /**
   * XIAOXIN_INDEX_DIR: the folder the search index is saved in, to be read back at the next start
   * (cli/context `indexFileFor`); `off` saves none. Unset: beside the PGlite folder, or a folder of
   * this user's in the system's temporary folder with PostgreSQL.
   */
  indexDir?: string;
  /** XIAOXIN_ZONE_NAME: the name the web app shows, and the home zone when it names one (search/zone-scope). */
  zoneName: string;
  /** XIAOXIN_SERVICE_WINDOW: where to find a person to ask. */
  serviceWindow: string;
  kioskIdleSeconds: number;
  /** XIAOXIN_KIOSK: every browser that opens the web app gets kiosk mode (a hall terminal's own server). */
  kiosk: boolean;
  /** XIAOXIN_RATE_LIMIT: requests a minute per client address to /api/*; 0 turns limiting off. */
  rateLimit: number;
  /** XIAOXIN_ANSWER_QUEUE, XIAOXIN_ANSWER_WAIT_MS: questions that may wait for a turn, and for how long. */
  answerQueue: { maxWaiting: number; maxWaitMs: number };
  /** XIAOXIN_WORKERS: server processes sharing the port, each with its own index (PostgreSQL only). */
  workers: number;
  /** XIAOXIN_EMBED_ORIGINS: the origins that may frame the app (`['*']` for any). */
  embedOrigins: string[];
  /**
   * XIAOXIN_TRUST_PROXY: whether to take the client address from X-Forwarded-For (behind a
   * reverse proxy): true, a number of proxy hops, or the proxies' addresses. Off by default.
   */
  trustProxy: boolean | number | string[];
  /** XIAOXIN_ALERT_WEBHOOK, XIAOXIN_SMTP_URL, XIAOXIN_ALERT_EMAIL_TO/_FROM: the daily job's alerts. */
  alerts: AlertConfig;
  /** XIAOXIN_REVIEW_WINDOW_DAYS: how far ahead the review queue and alerts look. */
  reviewWindowDays: number;
  /** XIAOXIN_TIMEZONE: the zone's time zone, for "today" and the insights' days. */
  timeZone: string;
  /** XIAOXIN_SECURE_COOKIES: mark the back office's cookie Secure even when the request looks like plain HTTP. */
  secureCookies: boolean;
  /** XIAOXIN_METRICS_TOKEN: lets other machines read /metrics with this bearer token. */
  metricsToken?: string;
  /**
   * XIAOXIN_ALLOW_SELF_PUBLISH: let the author of a change publish it (a one-person centre). Off
   * by default: four eyes, someone else must publish; the audit log marks self-published changes.
   */
  allowSelfPublish: boolean;
  /** XIAOXIN_IMPORT_*: what one imported file may cost to read (pages, rows, characters, time, memory). */
  importLimits: ImportLimits;
  /**
   * XIAOXIN_OIDC_*: enterprise login through the province's unified identity service (OpenID
   * Connect); undefined when not configured (local enterprise accounts only).
   */
  oidc?: OidcSettings;
  /** XIAOXIN_NOTICE_WEBHOOK_HOSTS: hosts whose enterprise webhooks may use http:// and the zone's private addresses. */
  noticeWebhookHosts: string[];
  speech: SpeechConfig;
  /**
   * XIAOXIN_TLS_CERT and XIAOXIN_TLS_KEY: PEM files; `xiaoxin serve` then speaks HTTPS itself
   * (browsers give a kiosk's page the microphone only over HTTPS or on localhost).
   */
  tls?: { certFile: string; keyFile: string };
}

/** A configuration that cannot be used; `problems` names each variable that is wrong. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// `VAR=` in a compose file or .env usually means "not configured", so blank counts as unset.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), schema.optional());

const httpUrl = z.string().refine((s) => isUrl(s, ['http:', 'https:']), 'must be an http:// or https:// URL');
const postgresUrl = z
  .string()
  .refine((s) => isUrl(s, ['postgres:', 'postgresql:']), 'must be a postgres:// or postgresql:// connection string');
const port = z
  .string()
  .regex(/^\d+$/, 'must be a whole number')
  .transform(Number)
  .refine((n) => n <= 65535, 'must be at most 65535');

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be from ${min} to ${max}`);

// An origin as a browser sends it, optionally with a *. wildcard for subdomains (CSP allows that).
const ORIGIN = /^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/i;
const embedOrigins = z
  .string()
  .transform((s) => s.split(/[\s,]+/).filter(Boolean))
  .refine(
    (list) => (list.length === 1 && list[0] === '*') || (list.length > 0 && list.every((o) => ORIGIN.test(o))),
    'must be * or a list of origins such as https://www.example.gov.cn (separated by spaces or commas)',
  );
const hostList = z
  .string()
  .transform((s) => s.split(/[\s,]+/).filter(Boolean).map((h) => h.toLowerCase().replace(/^\[|\]$/g, '')))
  .refine((list) => list.length > 0 && list.length <= 50 && list.every((h) => /^[a-z0-9.:-]{1,253}$/.test(h)), 'must be host names or addresses such as oa.zone.local 10.0.0.8 (separated by spaces or commas)');
const trustProxy = z.string().transform((s): boolean | number | string[] => {
  if (/^(true|yes)$/i.test(s)) return true;
  if (/^(false|no|0)$/i.test(s)) return false;
  // A number is how many proxies stand in front (1: one nginx), the safe choice behind a known chain.
  if (/^\d+$/.test(s)) return Number(s);
  return s.split(/[\s,]+/).filter(Boolean);
});

const smtpUrl = z.string().refine((s) => isUrl(s, ['smtp:', 'smtps:']), 'must be an smtp:// or smtps:// URL');
// Deliberately loose: the mail server is the judge; this catches a missing @ or a stray space.
const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;
const email = z.string().regex(EMAIL, 'must be an e-mail address such as xiaoxin@zone.gov.cn');
const emailList = z
  .string()
  .transform((s) => s.split(/[\s,;]+/).filter(Boolean))
  .refine((list) => list.length > 0 && list.every((a) => EMAIL.test(a)), 'must be e-mail addresses separated by commas');
const flag = z
  .string()
  .regex(/^(1|0|true|false|yes|no|on|off)$/i, 'must be 1 or 0 (true/false, yes/no, on/off)')
  .transform((s) => /^(1|true|yes|on)$/i.test(s));
// https, or http for an identity service on this machine (a test provider, an SSH tunnel).
const oidcIssuer = z
  .string()
  .refine((s) => isUrl(s, ['https:']) || (isUrl(s, ['http:']) && isLoopbackUrl(s)), 'must be an https:// URL (http:// only for localhost or 127.0.0.1)');
const claimName = z.string().regex(/^[\w.:-]{1,100}$/, 'must be a claim name such as credit_code (letters, digits, _ . : -)');
const timeZone = z.string().refine(isTimeZone, 'must be a time zone name such as Asia/Shanghai');

const envSchema = z
  .object({
    XIAOXIN_DATA: optional(z.string()),
    XIAOXIN_INDEX_DIR: optional(z.string()),
    DATABASE_URL: optional(postgresUrl),
    XIAOXIN_HOTLINE: optional(
      z.string().regex(/^[0-9][0-9 +\-()]{1,28}[0-9]$/, 'must be a telephone number (digits, spaces, + - and brackets)'),
    ),
    XIAOXIN_PORT: optional(port),
    XIAOXIN_HOST: optional(z.string()),
    XIAOXIN_EMBEDDINGS_URL: optional(httpUrl),
    XIAOXIN_EMBEDDINGS_MODEL: optional(z.string()),
    XIAOXIN_EMBEDDINGS_KEY: optional(z.string()),
    XIAOXIN_SEEDS_DIR: optional(z.string()),
    XIAOXIN_LEXICON_DIR: optional(z.string()),
    XIAOXIN_ZONE_NAME: optional(z.string().max(50, 'must be at most 50 characters')),
    XIAOXIN_SERVICE_WINDOW: optional(z.string().max(100, 'must be at most 100 characters')),
    XIAOXIN_KIOSK_IDLE_SECONDS: optional(wholeNumber(10, 86400)),
    XIAOXIN_KIOSK: optional(flag),
    XIAOXIN_RATE_LIMIT: optional(wholeNumber(0, 1_000_000)),
    XIAOXIN_ANSWER_QUEUE: optional(wholeNumber(0, 100_000)),
    XIAOXIN_ANSWER_WAIT_MS: optional(wholeNumber(1, 600_000)),
    XIAOXIN_WORKERS: optional(wholeNumber(1, 64)),
    XIAOXIN_EMBED_ORIGINS: optional(embedOrigins),
    XIAOXIN_TRUST_PROXY: optional(trustProxy),
    XIAOXIN_ALERT_WEBHOOK: optional(httpUrl),
    XIAOXIN_SMTP_URL: optional(smtpUrl),
    XIAOXIN_ALERT_EMAIL_TO: optional(emailList),
    XIAOXIN_ALERT_EMAIL_FROM: optional(email),
    XIAOXIN_REVIEW_WINDOW_DAYS: optional(wholeNumber(1, 365)),
    XIAOXIN_TIMEZONE: optional(timeZone),
    XIAOXIN_SECURE_COOKIES: optional(flag),
    XIAOXIN_METRICS_TOKEN: optional(
      z.string().regex(/^[\x21-\x7e]{24,200}$/, 'must be 24 to 200 printable characters without spaces (e.g. from `openssl rand -hex 24`)'),
    ),
    XIAOXIN_ALLOW_SELF_PUBLISH: optional(flag),
    XIAOXIN_IMPORT_MAX_PAGES: optional(wholeNumber(1, 1_000_000)),
    XIAOXIN_IMPORT_MAX_ROWS: optional(wholeNumber(1, 100_000_000)),
    XIAOXIN_IMPORT_MAX_CHARS: optional(wholeNumber(1000, 500_000_000)),
    XIAOXIN_IMPORT_MAX_UNZIPPED_MB: optional(wholeNumber(1, 100_000)),
    XIAOXIN_IMPORT_TIMEOUT_SECONDS: optional(wholeNumber(1, 86_400)),
    // Below 128 MB a worker cannot even load the parsers.
    XIAOXIN_IMPORT_MEMORY_MB: optional(wholeNumber(128, 65_536)),
    XIAOXIN_NOTICE_WEBHOOK_HOSTS: optional(hostList),
    XIAOXIN_SPEECH_OUT: optional(flag),
    XIAOXIN_TLS_CERT: optional(z.string().min(1).max(1000, 'must be at most 1000 characters')),
    XIAOXIN_TLS_KEY: optional(z.string().min(1).max(1000, 'must be at most 1000 characters')),
    XIAOXIN_TTS_URL: optional(httpUrl),
    XIAOXIN_TTS_MODEL: optional(z.string().max(200, 'must be at most 200 characters')),
    XIAOXIN_TTS_VOICE: optional(z.string().max(200, 'must be at most 200 characters')),
    XIAOXIN_TTS_KEY: optional(z.string().max(500, 'must be at most 500 characters')),
    XIAOXIN_ASR_URL: optional(httpUrl),
    XIAOXIN_ASR_MODEL: optional(z.string().max(200, 'must be at most 200 characters')),
    XIAOXIN_ASR_KEY: optional(z.string().max(500, 'must be at most 500 characters')),
    XIAOXIN_IMPORT_MAX_OCR_PAGES: optional(wholeNumber(0, 100_000)),
    XIAOXIN_IMPORT_MAX_IMAGE_MEGAPIXELS: optional(wholeNumber(1, 1000)),
    XIAOXIN_OIDC_ISSUER: optional(oidcIssuer),
    XIAOXIN_OIDC_CLIENT_ID: optional(z.string().max(200, 'must be at most 200 characters')),
    XIAOXIN_OIDC_CLIENT_SECRET: optional(z.string().max(500, 'must be at most 500 characters')),
    XIAOXIN_OIDC_REDIRECT_URI: optional(httpUrl),
    XIAOXIN_OIDC_CREDIT_CODE_CLAIM: optional(claimName),
    XIAOXIN_OIDC_NAME_CLAIM: optional(claimName),
    XIAOXIN_OIDC_SCOPE: optional(
      z.string().regex(/^[\x21-\x7e]+( [\x21-\x7e]+)*$/, 'must be scopes separated by spaces').refine((s) => s.split(' ').includes('openid'), 'must include openid'),
    ),
  })
  .superRefine((env, ctx) => {
    const url = env.XIAOXIN_EMBEDDINGS_URL;
    if (url && !env.XIAOXIN_EMBEDDINGS_MODEL) {
      ctx.addIssue({ code: 'custom', path: ['XIAOXIN_EMBEDDINGS_MODEL'], message: 'must be set when XIAOXIN_EMBEDDINGS_URL is' });
    }
    for (const name of ['XIAOXIN_EMBEDDINGS_MODEL', 'XIAOXIN_EMBEDDINGS_KEY'] as const) {
      if (env[name] && !url) ctx.addIssue({ code: 'custom', path: [name], message: 'is set but XIAOXIN_EMBEDDINGS_URL is not' });
    }
    // A speech server needs its model; a model or key without a server is a half-done configuration.
    for (const kind of ['TTS', 'ASR'] as const) {
      const serverUrl = env[`XIAOXIN_${kind}_URL`];
      if (serverUrl && !env[`XIAOXIN_${kind}_MODEL`]) {
        ctx.addIssue({ code: 'custom', path: [`XIAOXIN_${kind}_MODEL`], message: `must be set when XIAOXIN_${kind}_URL is` });
      }
      const rest = kind === 'TTS' ? (['MODEL', 'VOICE', 'KEY'] as const) : (['MODEL', 'KEY'] as const);
      for (const part of rest) {
        const name = `XIAOXIN_${kind}_${part}` as const;
        if (env[name as keyof typeof env] !== undefined && !serverUrl) {
          ctx.addIssue({ code: 'custom', path: [name], message: `is set but XIAOXIN_${kind}_URL is not` });
        }
      }
    }
    // A certificate without its key (or the reverse) cannot serve HTTPS.
    if (!env.XIAOXIN_TLS_CERT !== !env.XIAOXIN_TLS_KEY) {
      const missing = env.XIAOXIN_TLS_CERT ? 'XIAOXIN_TLS_KEY' : 'XIAOXIN_TLS_CERT';
      const given = env.XIAOXIN_TLS_CERT ? 'XIAOXIN_TLS_CERT' : 'XIAOXIN_TLS_KEY';
      ctx.addIssue({ code: 'custom', path: [missing], message: `must be set when ${given} is` });
    }
    // Mail needs a server and someone to write to; either alone would fail silently every day.
    if (env.XIAOXIN_SMTP_URL && !env.XIAOXIN_ALERT_EMAIL_TO) {
      ctx.addIssue({ code: 'custom', path: ['XIAOXIN_ALERT_EMAIL_TO'], message: 'must be set when XIAOXIN_SMTP_URL is' });
    }
    for (const name of ['XIAOXIN_ALERT_EMAIL_TO', 'XIAOXIN_ALERT_EMAIL_FROM'] as const) {
      if (env[name] && !env.XIAOXIN_SMTP_URL) ctx.addIssue({ code: 'custom', path: [name], message: 'is set but XIAOXIN_SMTP_URL is not' });
    }
    // OIDC needs all four; some of them is a half-done configuration, not "off".
    const oidc = ['XIAOXIN_OIDC_ISSUER', 'XIAOXIN_OIDC_CLIENT_ID', 'XIAOXIN_OIDC_CLIENT_SECRET', 'XIAOXIN_OIDC_REDIRECT_URI'] as const;
    const oidcOptional = ['XIAOXIN_OIDC_CREDIT_CODE_CLAIM', 'XIAOXIN_OIDC_NAME_CLAIM', 'XIAOXIN_OIDC_SCOPE'] as const;
    if ([...oidc, ...oidcOptional].some((name) => env[name] !== undefined)) {
      for (const name of oidc) {
        if (env[name] === undefined) ctx.addIssue({ code: 'custom', path: [name], message: 'must be set with the other XIAOXIN_OIDC_* settings' });
      }
    }
  });

export type Env = Record<string, string | undefined>;

/**
 * The configuration from `env`. Relative folders are kept relative (resolved against `cwd` only to
 * check that they exist), so that log lines show them as the user wrote them.
 * @throws ConfigError listing every variable that is wrong.
 */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  let seedsDir: string | undefined;
  if (e.XIAOXIN_SEEDS_DIR) {
    // Named explicitly, so a missing folder is a mistake rather than "no seeds here".
    if (isDirectory(path.resolve(cwd, e.XIAOXIN_SEEDS_DIR))) seedsDir = e.XIAOXIN_SEEDS_DIR;
    else problems.push(`XIAOXIN_SEEDS_DIR: "${e.XIAOXIN_SEEDS_DIR}" is not a folder`);
  } else if (isDirectory(path.resolve(cwd, DEFAULT_SEEDS_DIR))) {
    seedsDir = DEFAULT_SEEDS_DIR;
  }
  if (e.XIAOXIN_LEXICON_DIR && !isDirectory(path.resolve(cwd, e.XIAOXIN_LEXICON_DIR))) {
    problems.push(`XIAOXIN_LEXICON_DIR: "${e.XIAOXIN_LEXICON_DIR}" is not a folder`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    dataDir: e.XIAOXIN_DATA,
    databaseUrl: e.DATABASE_URL,
    hotline: e.XIAOXIN_HOTLINE ?? DEFAULT_HOTLINE,
    port: e.XIAOXIN_PORT ?? DEFAULT_PORT,
    host: e.XIAOXIN_HOST ?? DEFAULT_HOST,
    embeddings: e.XIAOXIN_EMBEDDINGS_URL
      ? { url: e.XIAOXIN_EMBEDDINGS_URL, model: e.XIAOXIN_EMBEDDINGS_MODEL!, key: e.XIAOXIN_EMBEDDINGS_KEY }
      : undefined,
    seedsDir,
    lexiconDir: e.XIAOXIN_LEXICON_DIR,
    indexDir: e.XIAOXIN_INDEX_DIR,
    zoneName: e.XIAOXIN_ZONE_NAME ?? DEFAULT_ZONE_NAME,
    serviceWindow: e.XIAOXIN_SERVICE_WINDOW ?? DEFAULT_SERVICE_WINDOW,
    kioskIdleSeconds: e.XIAOXIN_KIOSK_IDLE_SECONDS ?? DEFAULT_KIOSK_IDLE_SECONDS,
    kiosk: e.XIAOXIN_KIOSK ?? false,
    rateLimit: e.XIAOXIN_RATE_LIMIT ?? DEFAULT_RATE_LIMIT,
    answerQueue: { maxWaiting: e.XIAOXIN_ANSWER_QUEUE ?? DEFAULT_MAX_WAITING, maxWaitMs: e.XIAOXIN_ANSWER_WAIT_MS ?? DEFAULT_MAX_WAIT_MS },
    workers: e.XIAOXIN_WORKERS ?? 1,
    embedOrigins: e.XIAOXIN_EMBED_ORIGINS ?? ['*'],
    trustProxy: e.XIAOXIN_TRUST_PROXY ?? false,
    alerts: {
      webhookUrl: e.XIAOXIN_ALERT_WEBHOOK,
      smtpUrl: e.XIAOXIN_SMTP_URL,
      emailTo: e.XIAOXIN_ALERT_EMAIL_TO ?? [],
      emailFrom: e.XIAOXIN_ALERT_EMAIL_FROM,
    },
    reviewWindowDays: e.XIAOXIN_REVIEW_WINDOW_DAYS ?? DEFAULT_REVIEW_WINDOW_DAYS,
    timeZone: e.XIAOXIN_TIMEZONE ?? DEFAULT_TIME_ZONE,
    secureCookies: e.XIAOXIN_SECURE_COOKIES ?? false,
    metricsToken: e.XIAOXIN_METRICS_TOKEN,
    allowSelfPublish: e.XIAOXIN_ALLOW_SELF_PUBLISH ?? false,
    importLimits: {
      maxPages: e.XIAOXIN_IMPORT_MAX_PAGES ?? DEFAULT_IMPORT_LIMITS.maxPages,
      maxRows: e.XIAOXIN_IMPORT_MAX_ROWS ?? DEFAULT_IMPORT_LIMITS.maxRows,
      maxChars: e.XIAOXIN_IMPORT_MAX_CHARS ?? DEFAULT_IMPORT_LIMITS.maxChars,
      maxUnzippedMb: e.XIAOXIN_IMPORT_MAX_UNZIPPED_MB ?? DEFAULT_IMPORT_LIMITS.maxUnzippedMb,
      timeoutSeconds: e.XIAOXIN_IMPORT_TIMEOUT_SECONDS ?? DEFAULT_IMPORT_LIMITS.timeoutSeconds,
      memoryMb: e.XIAOXIN_IMPORT_MEMORY_MB ?? DEFAULT_IMPORT_LIMITS.memoryMb,
      maxOcrPages: e.XIAOXIN_IMPORT_MAX_OCR_PAGES ?? DEFAULT_IMPORT_LIMITS.maxOcrPages,
      maxImageMegapixels: e.XIAOXIN_IMPORT_MAX_IMAGE_MEGAPIXELS ?? DEFAULT_IMPORT_LIMITS.maxImageMegapixels,
    },
    noticeWebhookHosts: e.XIAOXIN_NOTICE_WEBHOOK_HOSTS ?? [],
    oidc: e.XIAOXIN_OIDC_ISSUER
      ? {
          issuer: e.XIAOXIN_OIDC_ISSUER,
          clientId: e.XIAOXIN_OIDC_CLIENT_ID!,
          clientSecret: e.XIAOXIN_OIDC_CLIENT_SECRET!,
          redirectUri: e.XIAOXIN_OIDC_REDIRECT_URI!,
          creditCodeClaim: e.XIAOXIN_OIDC_CREDIT_CODE_CLAIM ?? DEFAULT_OIDC_CLAIMS.creditCodeClaim,
          nameClaim: e.XIAOXIN_OIDC_NAME_CLAIM ?? DEFAULT_OIDC_CLAIMS.nameClaim,
          scope: e.XIAOXIN_OIDC_SCOPE ?? DEFAULT_OIDC_CLAIMS.scope,
        }
      : undefined,
    speech: {
      ...(e.XIAOXIN_SPEECH_OUT === false ? { out: false as const } : {}),
      ...(e.XIAOXIN_TTS_URL
        ? { tts: { url: e.XIAOXIN_TTS_URL, model: e.XIAOXIN_TTS_MODEL!, voice: e.XIAOXIN_TTS_VOICE, key: e.XIAOXIN_TTS_KEY } }
        : {}),
      ...(e.XIAOXIN_ASR_URL ? { asr: { url: e.XIAOXIN_ASR_URL, model: e.XIAOXIN_ASR_MODEL!, key: e.XIAOXIN_ASR_KEY } } : {}),
    },
    ...(e.XIAOXIN_TLS_CERT && e.XIAOXIN_TLS_KEY ? { tls: { certFile: e.XIAOXIN_TLS_CERT, keyFile: e.XIAOXIN_TLS_KEY } } : {}),
  };
}

/** The variables `loadConfig` reads, for `--help` and the README. */
export const ENV_VARS = [
  'XIAOXIN_DATA',
  'DATABASE_URL',
  'XIAOXIN_HOTLINE',
  'XIAOXIN_PORT',
  'XIAOXIN_HOST',
  'XIAOXIN_EMBEDDINGS_URL',
  'XIAOXIN_EMBEDDINGS_MODEL',
  'XIAOXIN_EMBEDDINGS_KEY',
  'XIAOXIN_SEEDS_DIR',
  'XIAOXIN_LEXICON_DIR',
  'XIAOXIN_INDEX_DIR',
  'XIAOXIN_ZONE_NAME',
  'XIAOXIN_SERVICE_WINDOW',
  'XIAOXIN_KIOSK_IDLE_SECONDS',
  'XIAOXIN_KIOSK',
  'XIAOXIN_RATE_LIMIT',
  'XIAOXIN_ANSWER_QUEUE',
  'XIAOXIN_ANSWER_WAIT_MS',
  'XIAOXIN_WORKERS',
  'XIAOXIN_EMBED_ORIGINS',
  'XIAOXIN_TRUST_PROXY',
  'XIAOXIN_ALERT_WEBHOOK',
  'XIAOXIN_SMTP_URL',
  'XIAOXIN_ALERT_EMAIL_TO',
  'XIAOXIN_ALERT_EMAIL_FROM',
  'XIAOXIN_REVIEW_WINDOW_DAYS',
  'XIAOXIN_TIMEZONE',
  'XIAOXIN_SECURE_COOKIES',
  'XIAOXIN_METRICS_TOKEN',
  'XIAOXIN_ALLOW_SELF_PUBLISH',
  'XIAOXIN_IMPORT_MAX_PAGES',
  'XIAOXIN_IMPORT_MAX_ROWS',
  'XIAOXIN_IMPORT_MAX_CHARS',
  'XIAOXIN_IMPORT_MAX_UNZIPPED_MB',
  'XIAOXIN_IMPORT_TIMEOUT_SECONDS',
  'XIAOXIN_IMPORT_MEMORY_MB',
  'XIAOXIN_SPEECH_OUT',
  'XIAOXIN_TLS_CERT',
  'XIAOXIN_TLS_KEY',
  'XIAOXIN_TTS_URL',
  'XIAOXIN_TTS_MODEL',
  'XIAOXIN_TTS_VOICE',
  'XIAOXIN_TTS_KEY',
  'XIAOXIN_ASR_URL',
  'XIAOXIN_ASR_MODEL',
  'XIAOXIN_ASR_KEY',
  'XIAOXIN_IMPORT_MAX_OCR_PAGES',
  'XIAOXIN_IMPORT_MAX_IMAGE_MEGAPIXELS',
  'XIAOXIN_OIDC_ISSUER',
  'XIAOXIN_OIDC_CLIENT_ID',
  'XIAOXIN_OIDC_CLIENT_SECRET',
  'XIAOXIN_OIDC_REDIRECT_URI',
  'XIAOXIN_OIDC_CREDIT_CODE_CLAIM',
  'XIAOXIN_OIDC_NAME_CLAIM',
  'XIAOXIN_OIDC_SCOPE',
  'XIAOXIN_NOTICE_WEBHOOK_HOSTS',
] as const;

function isUrl(value: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function isLoopbackUrl(value: string): boolean {
  const host = new URL(value).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

function isDirectory(dir: string): boolean {
  return existsSync(dir) && statSync(dir).isDirectory();
}
