/**
 * @module fuzz/server
 * The server under fuzzing: a real one over PGlite in memory, with the small knowledge base of
 * the back-office tests, one account per role (long random passphrases) and no rate limits, so
 * that every request reaches the code it is aimed at. Its routes are read from it as it starts.
 */
import { randomBytes } from 'node:crypto';
import { ROLES, type Role } from '../accounts/roles.js';
import { createAccount } from '../accounts/service.js';
import { Assistant } from '../answering/index.js';
import { buildServer } from '../server/app.js';
import { ITEMS, TODAY } from '../server/admin/test-support.js';
import { NO_WEB_APP } from '../server/test-support.js';
import { probeEspeak, Speaker, Transcriber } from '../speech/index.js';
import { startTranscriptionStandIn } from '../speech/test-support.js';
import { openStore } from '../storage/index.js';
import { collectRoutes, type CatalogueRoute } from './catalogue.js';
import { send } from './http.js';

/** The accounts the fuzzer logs in as, and one it may change and lock out as it likes. */
export const FUZZ_STAFF: Record<Role, string> = { admin: 'fuzz.admin', editor: 'fuzz.editor', reviewer: 'fuzz.reviewer', window: 'fuzz.window' };
const TARGET_ACCOUNT = 'fuzz.target';
/** Where the staff log in from, as the trusted proxy header says. */
const STAFF_ADDRESS = '192.0.2.10';

export interface Session {
  cookie: string;
  csrfToken: string;
}

export interface FuzzServer {
  base: string;
  routes: CatalogueRoute[];
  /** What the server logged as unexpected (each 500 among them). */
  errors: string[];
  /** The session of `role`, logging in again when asked (the fuzzer may have logged it out). */
  session(role: Role, fresh?: boolean): Promise<Session>;
  close(): Promise<void>;
}

export async function startFuzzServer(): Promise<FuzzServer> {
  const store = await openStore({ dataDir: 'memory://' });
  await store.upsertItems(ITEMS);
  // Random, long and different each run: whatever strength rule accounts get, these pass it.
  const password = `fuzz ${randomBytes(24).toString('base64url')} passphrase`;
  for (const role of ROLES) await createAccount(store, { name: FUZZ_STAFF[role], role, password }, 'cli');
  await createAccount(store, { name: TARGET_ACCOUNT, role: 'window', password }, 'cli');
  const assistant = await Assistant.create(store, { today: TODAY });
  const errors: string[] = [];
  // Speech on, so that its routes are fuzzed past their 503: espeak-ng when installed, and a local
  // transcription stand-in that hears the same question whatever it is sent.
  const espeak = await probeEspeak();
  const speaker = new Speaker();
  await speaker.start();
  const asr = await startTranscriptionStandIn(() => '营业执照怎么办');
  const app = buildServer(assistant, store, {
    speech: { speaker, transcriber: new Transcriber({ url: asr.url, model: 'fuzz' }) },
    refreshMs: 0,
    webDir: NO_WEB_APP,
    processMetrics: false,
    rateLimit: 0,
    adminLoginRateLimit: 0,
    // So that the staff log in from an address of their own (below), which the fuzzer's wrong
    // passwords from 127.0.0.1 cannot lock out, as a real admin at another desk would.
    trustProxy: true,
    today: () => TODAY,
    logNote: () => undefined,
    logError: (m) => errors.push(m),
  });
  // Without espeak-ng, POST /api/speech rightly says 503 to everything: nothing to fuzz there.
  const routes = collectRoutes(app);
  const fuzzed = () => (espeak.available ? routes : routes.filter((r) => r.url !== '/api/speech'));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('fuzz: the server has no TCP address');
  const base = `http://127.0.0.1:${address.port}`;

  const sessions = new Map<Role, Session>();
  async function session(role: Role, fresh = false): Promise<Session> {
    const known = sessions.get(role);
    if (known && !fresh) return known;
    const reply = await send(base, {
      method: 'POST',
      path: '/api/admin/login',
      // Only a header (TEST-NET-1, RFC 5737): nothing is sent anywhere but this server.
      headers: { 'content-type': 'application/json', 'x-forwarded-for': STAFF_ADDRESS },
      body: Buffer.from(JSON.stringify({ name: FUZZ_STAFF[role], password })),
    });
    if (reply.status !== 200 || !reply.cookie) throw new Error(`fuzz: ${FUZZ_STAFF[role]} could not log in: ${reply.status} ${reply.body}`);
    const made = { cookie: reply.cookie, csrfToken: (JSON.parse(reply.body) as { csrfToken: string }).csrfToken };
    sessions.set(role, made);
    return made;
  }

  return {
    base,
    routes: fuzzed(),
    errors,
    session,
    close: async () => {
      await app.close();
      await asr.close();
      await store.close();
    },
  };
}
