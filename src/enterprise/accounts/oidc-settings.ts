/**
 * @module enterprise/accounts/oidc-settings
 * The XIAOXIN_OIDC_* settings, apart from the client library, so that reading the configuration
 * does not load it.
 */

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the identity service sends the browser back: this server's /api/enterprise/oidc/callback. */
  redirectUri: string;
  /** The claim holding the unified social credit code (default `credit_code`). */
  creditCodeClaim: string;
  /** The claim holding the enterprise's name (default `name`). */
  nameClaim: string;
  /** Scopes asked for (default `openid profile`). */
  scope: string;
}

export const DEFAULT_OIDC_CLAIMS = { creditCodeClaim: 'credit_code', nameClaim: 'name', scope: 'openid profile' } as const;

