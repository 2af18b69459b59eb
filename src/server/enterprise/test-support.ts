/**
 * @module server/enterprise/test-support
 * Helpers for the enterprise API tests: valid credit codes, a server over a fresh store with one
 * account per staff role (and the list of its routes), and a browser-like enterprise client.
 * Imports no test framework, so it is harmless in a build.
 */
import { creditCodeCheckCharacter } from '../../enterprise/credit-code.js';
import { openStore, type Store } from '../../storage/index.js';
import { collectRoutes, type CatalogueRoute } from '../../fuzz/catalogue.js';
import { AdminClient, createStaff, TODAY, type Reply } from '../admin/test-support.js';
import { buildServer, type ServerOptions } from '../app.js';
import { NO_WEB_APP, standInEngine } from '../test-support.js';

/** `91` + a division + an organisation code, completed with its GB 32100 check character. */
export function creditCode(first17: string): string {
  return first17 + creditCodeCheckCharacter(first17)!;
}

export const CODE_A = creditCode('91320500MA1N0000A');
export const CODE_B = creditCode('91320500MA1N0000B');
export const CODE_C = creditCode('91320500MA1N0000C');
export const ENTERPRISE_PASSWORD = 'lanting-xuhe-qiushui-88';

export interface EnterpriseSetup {
  store: Store;
  base: string;
  routes: CatalogueRoute[];
  close(): Promise<void>;
}

/** A store with one staff account per role and a server over it; no assistant (a stand-in answers chat). */
export async function startEnterpriseServer(options: ServerOptions & { port?: number } = {}): Promise<EnterpriseSetup> {
  const { port = 0, ...serverOptions } = options;
  const store = await openStore({ dataDir: 'memory://' });
  await createStaff(store);
  const app = buildServer(standInEngine(), store, {
    refreshMs: 0,
    webDir: NO_WEB_APP,
    processMetrics: false,
    rateLimit: 0,
    adminLoginRateLimit: 0,
    today: () => TODAY,
    logNote: () => undefined,
    logError: (m) => process.stderr.write(`server error: ${m}\n`),
    ...serverOptions,
  });
  const routes = collectRoutes(app);
  await app.listen({ port, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  return {
    store,
    base: `http://127.0.0.1:${address.port}`,
    routes,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

/** A browser-like client of the enterprise portal: its cookie, and the CSRF token on writes. */
export class EnterpriseClient extends AdminClient {
  async loginEnterprise(creditCode: string, username: string, password = ENTERPRISE_PASSWORD): Promise<Reply> {
    const reply = await this.request('POST', '/api/enterprise/login', { creditCode, username, password });
    const setCookie = reply.headers.get('set-cookie');
    if (reply.status === 200 && setCookie) {
      this.cookie = setCookie.split(';')[0];
      this.csrfToken = reply.body.csrfToken;
    }
    return reply;
  }
}

/** Registers an enterprise in the portal and has `boss` (admin) approve it; returns its id and a logged-in client. */
export async function registeredEnterprise(base: string, staff: AdminClient, code: string, name: string, username = 'zhang.san'): Promise<{ id: string; client: EnterpriseClient }> {
  const client = new EnterpriseClient(base);
  const registered = await client.post('/api/enterprise/register', {
    creditCode: code,
    name,
    contactName: '张三',
    contactPhone: '0512-66668888',
    username,
    password: ENTERPRISE_PASSWORD,
  });
  if (registered.status !== 201) throw new Error(`registration failed: ${JSON.stringify(registered.body)}`);
  const id = registered.body.enterprise.id as string;
  const approved = await staff.post(`/api/admin/enterprises/${id}/approve`);
  if (approved.status !== 200) throw new Error(`approval failed: ${JSON.stringify(approved.body)}`);
  const login = await client.loginEnterprise(code, username);
  if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
  return { id, client };
}

export { TODAY };
