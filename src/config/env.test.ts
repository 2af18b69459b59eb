/** Tests of configuration loading: defaults, blank values, and one report of every bad setting. */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_SEEDS_DIR, loadConfig } from './env.js';

/** A folder with nothing around it, and a checkout with ../shared/context/seeds beside it. */
let empty: string;
let withSeeds: string;

beforeAll(async () => {
  // One level down in a folder of our own, so that no ../shared of the machine is in reach.
  empty = path.join(await mkdtemp(path.join(os.tmpdir(), 'xiaoxin-config-empty-')), 'main');
  await mkdir(empty);
  const root = await mkdtemp(path.join(os.tmpdir(), 'xiaoxin-config-'));
  withSeeds = path.join(root, 'main');
  await mkdir(path.join(root, 'shared', 'context', 'seeds'), { recursive: true });
  await mkdir(withSeeds);
});

afterAll(async () => {
  await rm(path.dirname(empty), { recursive: true, force: true });
  await rm(path.dirname(withSeeds), { recursive: true, force: true });
});

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env, empty);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('has defaults for everything', () => {
    expect(loadConfig({}, empty)).toEqual({
      dataDir: undefined,
      databaseUrl: undefined,
      hotline: '12345',
      port: 8080,
      host: '0.0.0.0',
      embeddings: undefined,
      seedsDir: undefined,
      zoneName: '高新区政务服务中心',
      serviceWindow: '政务服务大厅综合咨询窗口',
      kioskIdleSeconds: 120,
      kiosk: false,
      rateLimit: 120,
      answerQueue: { maxWaiting: 64, maxWaitMs: 2000 },
      workers: 1,
      embedOrigins: ['*'],
      trustProxy: false,
      alerts: { webhookUrl: undefined, smtpUrl: undefined, emailTo: [], emailFrom: undefined },
      reviewWindowDays: 30,
      timeZone: 'Asia/Shanghai',
      secureCookies: false,
      allowSelfPublish: false,
      importLimits: { maxPages: 2000, maxRows: 100_000, maxChars: 50_000_000, maxUnzippedMb: 200, timeoutSeconds: 120, memoryMb: 1024, maxOcrPages: 30, maxImageMegapixels: 40 },
      noticeWebhookHosts: [],
      speech: {},
    });
  });

  it('reads the hosts whose enterprise webhooks may be plain HTTP or private', () => {
    expect(loadConfig({ XIAOXIN_NOTICE_WEBHOOK_HOSTS: 'OA.zone.local, 10.0.0.8 [fd00::8]' }, empty).noticeWebhookHosts).toEqual(['oa.zone.local', '10.0.0.8', 'fd00::8']);
    expect(problemsOf({ XIAOXIN_NOTICE_WEBHOOK_HOSTS: 'http://oa.zone.local/' })).toEqual([
      'XIAOXIN_NOTICE_WEBHOOK_HOSTS: must be host names or addresses such as oa.zone.local 10.0.0.8 (separated by spaces or commas)',
    ]);
  });

  it('reads the speech servers, and refuses half a configuration', () => {
    expect(
      loadConfig(
        {
          XIAOXIN_TTS_URL: 'http://127.0.0.1:9880/v1',
          XIAOXIN_TTS_MODEL: 'cosyvoice',
          XIAOXIN_TTS_VOICE: '中文女',
          XIAOXIN_ASR_URL: 'http://127.0.0.1:10095/v1',
          XIAOXIN_ASR_MODEL: 'sensevoice',
        },
        empty,
      ).speech,
    ).toEqual({
      tts: { url: 'http://127.0.0.1:9880/v1', model: 'cosyvoice', voice: '中文女', key: undefined },
      asr: { url: 'http://127.0.0.1:10095/v1', model: 'sensevoice', key: undefined },
    });
    expect(() => loadConfig({ XIAOXIN_ASR_URL: 'ftp://x' }, empty)).toThrow(
      expect.objectContaining({ problems: ['XIAOXIN_ASR_URL: must be an http:// or https:// URL', 'XIAOXIN_ASR_MODEL: must be set when XIAOXIN_ASR_URL is'] }),
    );
    expect(() => loadConfig({ XIAOXIN_TTS_URL: 'http://x/v1', XIAOXIN_ASR_KEY: 'k' }, empty)).toThrow(
      expect.objectContaining({
        problems: expect.arrayContaining([
          'XIAOXIN_TTS_MODEL: must be set when XIAOXIN_TTS_URL is',
          'XIAOXIN_ASR_KEY: is set but XIAOXIN_ASR_URL is not',
        ]),
      }),
    );
  });

  it('reads the web app and HTTP settings', () => {
    const config = loadConfig(
      {
        XIAOXIN_ZONE_NAME: ' 星河高新区 ',
        XIAOXIN_SERVICE_WINDOW: '一楼综合窗口',
        XIAOXIN_KIOSK_IDLE_SECONDS: '300',
        XIAOXIN_RATE_LIMIT: '0',
        XIAOXIN_EMBED_ORIGINS: 'https://www.example.gov.cn, https://*.example.gov.cn http://10.0.0.5:8000',
        XIAOXIN_TRUST_PROXY: '1',
      },
      empty,
    );
    expect(config).toMatchObject({
      zoneName: '星河高新区',
      serviceWindow: '一楼综合窗口',
      kioskIdleSeconds: 300,
      rateLimit: 0,
      embedOrigins: ['https://www.example.gov.cn', 'https://*.example.gov.cn', 'http://10.0.0.5:8000'],
      trustProxy: 1,
    });
    expect(loadConfig({ XIAOXIN_TRUST_PROXY: 'true' }, empty).trustProxy).toBe(true);
    expect(loadConfig({ XIAOXIN_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }, empty).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8']);
  });

  it('names a bad web app or HTTP setting', () => {
    expect(
      problemsOf({
        XIAOXIN_KIOSK_IDLE_SECONDS: '5',
        XIAOXIN_RATE_LIMIT: 'lots',
        XIAOXIN_EMBED_ORIGINS: 'example.gov.cn',
      }).sort(),
    ).toEqual([
      'XIAOXIN_EMBED_ORIGINS: must be * or a list of origins such as https://www.example.gov.cn (separated by spaces or commas)',
      'XIAOXIN_KIOSK_IDLE_SECONDS: must be from 10 to 86400',
      'XIAOXIN_RATE_LIMIT: must be a whole number',
    ]);
  });

  it('reads every variable, trimmed, and treats blank ones as unset', () => {
    const config = loadConfig(
      {
        XIAOXIN_DATA: ' ./kb ',
        DATABASE_URL: 'postgresql://u:p@db:5432/xiaoxin',
        XIAOXIN_HOTLINE: '0000-12345678',
        XIAOXIN_PORT: '9000',
        XIAOXIN_HOST: '',
        XIAOXIN_EMBEDDINGS_URL: 'http://127.0.0.1:8000/v1',
        XIAOXIN_EMBEDDINGS_MODEL: 'bge-small-zh',
        XIAOXIN_EMBEDDINGS_KEY: '',
      },
      empty,
    );
    expect(config).toMatchObject({
      dataDir: './kb',
      databaseUrl: 'postgresql://u:p@db:5432/xiaoxin',
      hotline: '0000-12345678',
      port: 9000,
      host: '0.0.0.0',
      embeddings: { url: 'http://127.0.0.1:8000/v1', model: 'bge-small-zh', key: undefined },
    });
  });

  it('finds the seed pages beside the checkout, or where XIAOXIN_SEEDS_DIR says', () => {
    expect(loadConfig({}, withSeeds).seedsDir).toBe(DEFAULT_SEEDS_DIR);
    expect(loadConfig({ XIAOXIN_SEEDS_DIR: '../shared/context/seeds' }, withSeeds).seedsDir).toBe('../shared/context/seeds');
    expect(problemsOf({ XIAOXIN_SEEDS_DIR: 'nowhere' })).toEqual(['XIAOXIN_SEEDS_DIR: "nowhere" is not a folder']);
  });

  it('lists every bad setting at once, each by name', () => {
    expect(
      problemsOf({
        DATABASE_URL: 'mysql://localhost/x',
        XIAOXIN_HOTLINE: 'call us',
        XIAOXIN_PORT: '70000',
        XIAOXIN_EMBEDDINGS_URL: 'ftp://x',
        XIAOXIN_EMBEDDINGS_MODEL: 'm',
      }).sort(),
    ).toEqual([
      'DATABASE_URL: must be a postgres:// or postgresql:// connection string',
      'XIAOXIN_EMBEDDINGS_URL: must be an http:// or https:// URL',
      'XIAOXIN_HOTLINE: must be a telephone number (digits, spaces, + - and brackets)',
      'XIAOXIN_PORT: must be at most 65535',
    ]);
    expect(problemsOf({ XIAOXIN_PORT: '80a' })).toEqual(['XIAOXIN_PORT: must be a whole number']);
  });

  it('wants the embeddings endpoint and model together', () => {
    expect(problemsOf({ XIAOXIN_EMBEDDINGS_URL: 'https://api.example.com/v1' })).toEqual([
      'XIAOXIN_EMBEDDINGS_MODEL: must be set when XIAOXIN_EMBEDDINGS_URL is',
    ]);
    expect(problemsOf({ XIAOXIN_EMBEDDINGS_MODEL: 'm', XIAOXIN_EMBEDDINGS_KEY: 'k' }).sort()).toEqual([
      'XIAOXIN_EMBEDDINGS_KEY: is set but XIAOXIN_EMBEDDINGS_URL is not',
      'XIAOXIN_EMBEDDINGS_MODEL: is set but XIAOXIN_EMBEDDINGS_URL is not',
    ]);
  });
});

describe('back-office and upkeep settings', () => {
  it('reads alerts, the review window, the time zone and secure cookies', () => {
    const config = loadConfig(
      {
        XIAOXIN_ALERT_WEBHOOK: 'https://chat.zone.example/robot/send?key=1',
        XIAOXIN_SMTP_URL: 'smtps://xiaoxin:secret@mail.zone.example:465',
        XIAOXIN_ALERT_EMAIL_TO: 'li@zone.example, wang@zone.example',
        XIAOXIN_ALERT_EMAIL_FROM: 'xiaoxin@zone.example',
        XIAOXIN_REVIEW_WINDOW_DAYS: '14',
        XIAOXIN_TIMEZONE: 'Asia/Urumqi',
        XIAOXIN_SECURE_COOKIES: '1',
      },
      empty,
    );
    expect(config).toMatchObject({
      alerts: {
        webhookUrl: 'https://chat.zone.example/robot/send?key=1',
        smtpUrl: 'smtps://xiaoxin:secret@mail.zone.example:465',
        emailTo: ['li@zone.example', 'wang@zone.example'],
        emailFrom: 'xiaoxin@zone.example',
      },
      reviewWindowDays: 14,
      timeZone: 'Asia/Urumqi',
      secureCookies: true,
    });
    expect(loadConfig({ XIAOXIN_SECURE_COOKIES: 'no' }, empty).secureCookies).toBe(false);
    expect(loadConfig({ XIAOXIN_KIOSK: '1' }, empty).kiosk).toBe(true);
    expect(loadConfig({ XIAOXIN_ALLOW_SELF_PUBLISH: '1' }, empty).allowSelfPublish).toBe(true);
  });

  it('names each bad one', () => {
    expect(
      problemsOf({
        XIAOXIN_ALERT_WEBHOOK: 'chat.zone.example',
        XIAOXIN_SMTP_URL: 'mail.zone.example',
        XIAOXIN_ALERT_EMAIL_TO: 'li at zone',
        XIAOXIN_ALERT_EMAIL_FROM: 'xiaoxin',
        XIAOXIN_REVIEW_WINDOW_DAYS: '0',
        XIAOXIN_TIMEZONE: 'Beijing',
        XIAOXIN_SECURE_COOKIES: 'maybe',
      }).sort(),
    ).toEqual([
      'XIAOXIN_ALERT_EMAIL_FROM: must be an e-mail address such as xiaoxin@zone.gov.cn',
      'XIAOXIN_ALERT_EMAIL_TO: must be e-mail addresses separated by commas',
      'XIAOXIN_ALERT_WEBHOOK: must be an http:// or https:// URL',
      'XIAOXIN_REVIEW_WINDOW_DAYS: must be from 1 to 365',
      'XIAOXIN_SECURE_COOKIES: must be 1 or 0 (true/false, yes/no, on/off)',
      'XIAOXIN_SMTP_URL: must be an smtp:// or smtps:// URL',
      'XIAOXIN_TIMEZONE: must be a time zone name such as Asia/Shanghai',
    ]);
  });

  it('wants a mail server and recipients together', () => {
    expect(problemsOf({ XIAOXIN_SMTP_URL: 'smtp://127.0.0.1:25' })).toEqual([
      'XIAOXIN_ALERT_EMAIL_TO: must be set when XIAOXIN_SMTP_URL is',
    ]);
    expect(problemsOf({ XIAOXIN_ALERT_EMAIL_TO: 'li@zone.example', XIAOXIN_ALERT_EMAIL_FROM: 'x@zone.example' }).sort()).toEqual([
      'XIAOXIN_ALERT_EMAIL_FROM: is set but XIAOXIN_SMTP_URL is not',
      'XIAOXIN_ALERT_EMAIL_TO: is set but XIAOXIN_SMTP_URL is not',
    ]);
  });
});

describe('import limits', () => {
  it('reads each XIAOXIN_IMPORT_* setting', () => {
    const env = {
      XIAOXIN_IMPORT_MAX_PAGES: '500',
      XIAOXIN_IMPORT_MAX_ROWS: '20000',
      XIAOXIN_IMPORT_MAX_CHARS: '1000000',
      XIAOXIN_IMPORT_MAX_UNZIPPED_MB: '50',
      XIAOXIN_IMPORT_TIMEOUT_SECONDS: '30',
      XIAOXIN_IMPORT_MEMORY_MB: '512',
    };
    expect(loadConfig(env, empty).importLimits).toEqual({ maxPages: 500, maxRows: 20_000, maxChars: 1_000_000, maxUnzippedMb: 50, timeoutSeconds: 30, memoryMb: 512, maxOcrPages: 30, maxImageMegapixels: 40 });
  });

  it('names each bad one', () => {
    expect(problemsOf({ XIAOXIN_IMPORT_MAX_PAGES: '0', XIAOXIN_IMPORT_TIMEOUT_SECONDS: 'soon', XIAOXIN_IMPORT_MEMORY_MB: '64' })).toEqual([
      'XIAOXIN_IMPORT_MAX_PAGES: must be from 1 to 1000000',
      'XIAOXIN_IMPORT_TIMEOUT_SECONDS: must be a whole number',
      'XIAOXIN_IMPORT_MEMORY_MB: must be from 128 to 65536',
    ]);
  });
});

describe('XIAOXIN_LEXICON_DIR', () => {
  it('accepts an existing folder and refuses a missing one', async () => {
    const { loadConfig, ConfigError } = await import('./env.js');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'xiaoxin-lexicon-'));
    expect(loadConfig({ XIAOXIN_LEXICON_DIR: dir }).lexiconDir).toBe(dir);
    expect(() => loadConfig({ XIAOXIN_LEXICON_DIR: join(dir, 'missing') })).toThrow(ConfigError);
  });
});

describe('XIAOXIN_OIDC_*', () => {
  const oidc = {
    XIAOXIN_OIDC_ISSUER: 'https://sso.province.example/oidc',
    XIAOXIN_OIDC_CLIENT_ID: 'xiaoxin',
    XIAOXIN_OIDC_CLIENT_SECRET: 's3cret',
    XIAOXIN_OIDC_REDIRECT_URI: 'https://zone.example/api/enterprise/oidc/callback',
  };

  it('is off when unset, and reads the four settings with the claims and scope defaulted', () => {
    expect(loadConfig({}, empty).oidc).toBeUndefined();
    expect(loadConfig(oidc, empty).oidc).toEqual({
      issuer: 'https://sso.province.example/oidc',
      clientId: 'xiaoxin',
      clientSecret: 's3cret',
      redirectUri: 'https://zone.example/api/enterprise/oidc/callback',
      creditCodeClaim: 'credit_code',
      nameClaim: 'name',
      scope: 'openid profile',
    });
    const named = loadConfig({ ...oidc, XIAOXIN_OIDC_CREDIT_CODE_CLAIM: 'uscc', XIAOXIN_OIDC_NAME_CLAIM: 'org_name', XIAOXIN_OIDC_SCOPE: 'openid enterprise' }, empty);
    expect(named.oidc).toMatchObject({ creditCodeClaim: 'uscc', nameClaim: 'org_name', scope: 'openid enterprise' });
  });

  it('refuses a half configuration, plain http elsewhere than this machine, and a scope without openid', () => {
    expect(problemsOf({ XIAOXIN_OIDC_ISSUER: 'https://sso.province.example' })).toEqual([
      'XIAOXIN_OIDC_CLIENT_ID: must be set with the other XIAOXIN_OIDC_* settings',
      'XIAOXIN_OIDC_CLIENT_SECRET: must be set with the other XIAOXIN_OIDC_* settings',
      'XIAOXIN_OIDC_REDIRECT_URI: must be set with the other XIAOXIN_OIDC_* settings',
    ]);
    expect(problemsOf({ ...oidc, XIAOXIN_OIDC_ISSUER: 'http://sso.province.example', XIAOXIN_OIDC_SCOPE: 'profile' })).toEqual([
      'XIAOXIN_OIDC_ISSUER: must be an https:// URL (http:// only for localhost or 127.0.0.1)',
      'XIAOXIN_OIDC_SCOPE: must include openid',
    ]);
    expect(loadConfig({ ...oidc, XIAOXIN_OIDC_ISSUER: 'http://127.0.0.1:9000' }, empty).oidc?.issuer).toBe('http://127.0.0.1:9000');
  });
});
