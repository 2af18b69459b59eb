/**
 * @module enterprise/accounts/oidc
 * Login through the province's unified identity service by OpenID Connect: the authorization-code
 * flow with PKCE, state and nonce, done by `openid-client` (a certified relying-party library) —
 * discovery, the token request, the ID token's signature and claims are its job, not ours.
 * The enterprise is found by a claim carrying its credit code (its name configurable, since each
 * province names it its own way), read from the ID token or else from the userinfo endpoint.
 */
import type * as openIdClient from 'openid-client';
import type { OidcSettings } from './oidc-settings.js';

export { DEFAULT_OIDC_CLAIMS, type OidcSettings } from './oidc-settings.js';

/** openid-client, imported at the first OIDC login rather than at start (start-up time). */
const loadClient = () => import('openid-client');

/** What a login started: send the browser to `url`; keep the rest until the callback. */
export interface OidcStart {
  url: string;
  state: string;
  codeVerifier: string;
  nonce: string;
}

/** Who the identity service says logged in. */
export interface OidcIdentity {
  /** `issuer|sub`: unique across identity services. */
  subject: string;
  creditCode?: string;
  enterpriseName?: string;
  displayName?: string;
}

/** The identity service refused, or its answer did not check out (state, signature, nonce …). */
export class OidcError extends Error {
  override readonly name = 'OidcError';
}

export class OidcClient {
  #config: Promise<openIdClient.Configuration> | undefined;

  constructor(readonly settings: OidcSettings) {}

  /** Discovery once; a failed one is tried again on the next login (the service may have been down). */
  private config(): Promise<openIdClient.Configuration> {
    this.#config ??= loadClient()
      .then((client) =>
        client.discovery(
          new URL(this.settings.issuer),
          this.settings.clientId,
          this.settings.clientSecret,
          client.ClientSecretBasic(this.settings.clientSecret),
          // Plain http only for an identity service on this machine (env.ts refuses it elsewhere).
          new URL(this.settings.issuer).protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined,
        ),
      )
      .catch((error: unknown) => {
        this.#config = undefined;
        throw new OidcError(`统一身份认证服务暂时无法访问（${error instanceof Error ? error.message : String(error)}）`);
      });
    return this.#config;
  }

  async start(): Promise<OidcStart> {
    const config = await this.config();
    const client = await loadClient();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scope,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state, codeVerifier, nonce };
  }

  /** Exchanges the callback's code (its query string) for tokens, checking state, PKCE and nonce. */
  async finish(query: string, pending: { state: string; codeVerifier: string; nonce: string }): Promise<OidcIdentity> {
    const config = await this.config();
    const client = await loadClient();
    // The redirect URI as configured, not as this request saw it: behind a proxy the host differs.
    const current = new URL(this.settings.redirectUri);
    current.search = query;
    let tokens: Awaited<ReturnType<typeof openIdClient.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw new OidcError(`统一身份认证未通过（${error instanceof Error ? error.message : String(error)}）`);
    }
    const idClaims = tokens.claims()!;
    let claims: Record<string, unknown> = idClaims;
    // Many services put only `sub` in the ID token and the rest behind userinfo.
    if (idClaims[this.settings.creditCodeClaim] === undefined) {
      try {
        claims = { ...(await client.fetchUserInfo(config, tokens.access_token, idClaims.sub)), ...idClaims };
      } catch (error) {
        throw new OidcError(`无法从统一身份认证读取企业信息（${error instanceof Error ? error.message : String(error)}）`);
      }
    }
    const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
    const creditCode = text(claims[this.settings.creditCodeClaim]);
    const enterpriseName = text(claims[this.settings.nameClaim]);
    const displayName = text(claims.name) ?? text(claims.preferred_username);
    return {
      subject: `${idClaims.iss}|${idClaims.sub}`,
      ...(creditCode ? { creditCode } : {}),
      ...(enterpriseName ? { enterpriseName } : {}),
      ...(displayName ? { displayName } : {}),
    };
  }
}
