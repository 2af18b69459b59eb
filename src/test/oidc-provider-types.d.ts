/**
 * The little of `oidc-provider` (a devDependency without type declarations) the tests use.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface TestGrant {
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    save(): Promise<string>;
  }

  export default class Provider {
    constructor(issuer: string, configuration?: Record<string, unknown>);
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    Grant: { new (init: { accountId: string; clientId: string }): TestGrant; find(id: string): Promise<TestGrant | undefined> };
  }
}
