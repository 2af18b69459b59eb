/**
 * @module test/oidc-provider
 * A real OpenID Connect provider for tests (`oidc-provider`, the certified Node.js implementation)
 * on a free port of 127.0.0.1, with one client and accounts whose claims the test sets, and a
 * browser stand-in that logs an account in through its development login form.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** accountId → the claims the provider gives it (besides `sub`). */
  accounts: Map<string, Record<string, unknown>>;
  close(): Promise<void>;
}

/** A port free right now, for a server whose address must be known before it is built. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startTestProvider(redirectUri: string, scopeClaims: Record<string, string[]>): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'xiaoxin-portal';
  const clientSecret = 'a-client-secret-of-the-test-provider-0123456789';
  const accounts = new Map<string, Record<string, unknown>>();
  const scopes = Object.keys(scopeClaims);
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], ...scopeClaims },
    scopes: ['openid', ...scopes],
    cookies: { keys: ['cookie-key-of-the-test-provider'] },
    // Set, so that the provider does not note its defaults on every login.
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
    findAccount: async (_ctx: unknown, sub: string) => ({ accountId: sub, claims: async () => ({ sub, ...accounts.get(sub) }) }),
    // The province's service asks no consent of its own relying parties: grant what is asked.
    loadExistingGrant: async (ctx: any) => {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope(['openid', ...scopes].join(' '));
      grant.addOIDCClaims(Object.values(scopeClaims).flat());
      await grant.save();
      return grant;
    },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Cookies by host, as a browser keeps them (paths and expiry ignored: a test's browser lives seconds). */
export class CookieJar {
  readonly #jar = new Map<string, Map<string, string>>();

  take(url: string, response: Response): void {
    const host = new URL(url).host;
    const cookies = this.#jar.get(host) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) cookies.delete(name);
      else cookies.set(name, value);
    }
    this.#jar.set(host, cookies);
  }

  header(url: string): string {
    return [...(this.#jar.get(new URL(url).host) ?? new Map<string, string>())].map(([n, v]) => `${n}=${v}`).join('; ');
  }

  get(url: string, name: string): string | undefined {
    return this.#jar.get(new URL(url).host)?.get(name);
  }
}

/** A browser request that does not follow redirects, with the jar's cookies. */
export async function browse(jar: CookieJar, url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
  const headers: Record<string, string> = { cookie: jar.header(url) };
  let body: string | undefined;
  if (init.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(init.form).toString();
  }
  const response = await fetch(url, { method: init.method ?? 'GET', headers, body, redirect: 'manual' });
  jar.take(url, response);
  return response;
}

/**
 * Follows a login from `startUrl` (the relying party's start) through the provider's login form,
 * as `accountId`, until the provider sends the browser back to `redirectUri`; returns that URL.
 */
export async function logInAtProvider(jar: CookieJar, startUrl: string, accountId: string, redirectUri: string): Promise<string> {
  let url = startUrl;
  for (let hops = 0; hops < 20; hops++) {
    const response = await browse(jar, url);
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      if (url.startsWith(redirectUri)) return url;
      continue;
    }
    const page = await response.text();
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    if (!prompt || !action) throw new Error(`the provider answered ${response.status} without a form: ${page.slice(0, 300)}`);
    const submitted = await browse(jar, new URL(action.replaceAll('&amp;', '&'), url).href, {
      method: 'POST',
      form: prompt === 'login' ? { prompt, login: accountId, password: 'any' } : { prompt },
    });
    const next = submitted.headers.get('location');
    if (!next) throw new Error(`the provider's ${prompt} form answered ${submitted.status}: ${(await submitted.text()).slice(0, 300)}`);
    url = new URL(next, url).href;
  }
  throw new Error('too many redirects at the provider');
}
