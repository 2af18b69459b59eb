/**
 * `xiaoxin serve` speaking HTTPS itself (XIAOXIN_TLS_CERT, XIAOXIN_TLS_KEY): a kiosk's browser
 * gives the page its microphone only over HTTPS or on localhost. The certificate in fixtures/ is a
 * self-signed one for localhost and 127.0.0.1, made for this test only (valid until 2126).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { get } from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli, type RunningCli } from './test-support.js';

const SLOW = 180_000;
const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const CERT = path.join(FIXTURES, 'tls-test-cert.pem');
const KEY = path.join(FIXTURES, 'tls-test-key.pem');
let dir: string;
let server: RunningCli | undefined;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'xiaoxin-https-'));
});

afterAll(async () => {
  server?.child.kill('SIGKILL');
  if (dir) await rm(dir, { recursive: true, force: true });
});

const serve = (env: Record<string, string>) =>
  startCli(['serve', '--port', '0', '--host', '127.0.0.1', '--data', path.join(dir, 'data')], { cwd: dir, env });

/** GET over HTTPS, trusting only the test certificate (no verification switched off). */
function httpsGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { ca: readFileSync(CERT) }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

describe('xiaoxin serve over HTTPS', () => {
  it('serves HTTPS with the configured certificate and says so', async () => {
    server = serve({ XIAOXIN_TLS_CERT: CERT, XIAOXIN_TLS_KEY: KEY });
    const [, port] = await server.waitForStderr(/listening on https:\/\/127\.0\.0\.1:(\d+)/);
    const health = await httpsGet(`https://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    const config = await httpsGet(`https://127.0.0.1:${port}/api/config`);
    expect(config.status).toBe(200);
    expect(JSON.parse(config.body)).toHaveProperty('speech');
    server.child.kill('SIGTERM');
    expect((await server.done).code).toBe(0);
  }, SLOW);

  it('refuses to start with half a configuration or a file it cannot read, naming the setting', async () => {
    const half = await serve({ XIAOXIN_TLS_CERT: CERT }).done;
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('XIAOXIN_TLS_KEY: must be set when XIAOXIN_TLS_CERT is');

    const missing = await serve({ XIAOXIN_TLS_CERT: CERT, XIAOXIN_TLS_KEY: path.join(dir, 'nowhere.pem') }).done;
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('XIAOXIN_TLS_KEY: cannot read');

    // The certificate given as its own key: not a key that matches it.
    const wrong = await serve({ XIAOXIN_TLS_CERT: CERT, XIAOXIN_TLS_KEY: CERT }).done;
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('XIAOXIN_TLS_CERT / XIAOXIN_TLS_KEY: not a certificate and its private key in PEM');
  }, SLOW);
});
