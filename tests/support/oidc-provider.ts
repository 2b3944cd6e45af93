// A real OpenID Connect provider for the single sign-on tests: `oidc-provider` (a certified
// OpenID Provider implementation) on a loopback port of its own, with one client (Parley) and
// a few people. Its sign-in page is the library's development page: any password goes, the
// login names the person. Consent is taken as given, as for an organisation's own app.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Account, type KoaContextWithOIDC } from "oidc-provider";

export type SsoPerson = {
  email?: string;
  email_verified: boolean;
  name: string;
  groups: string[];
};

export const SSO_ADMIN_GROUP = "parley-admins";

/** People at the provider, by login (their subject). */
export const SSO_PEOPLE = {
  "ada-verified": { email: "ada.sso@example.org", email_verified: true, name: "Ada Verified", groups: ["staff"] },
  // The same address as a password account the test makes first: must not take it over.
  "mallory-unverified": {
    email: "mallory.target@example.org",
    email_verified: false,
    name: "Mallory Unverified",
    groups: ["staff"],
  },
  "grace-admin": {
    email: "grace.admin@example.org",
    email_verified: true,
    name: "Grace Admin",
    groups: ["staff", SSO_ADMIN_GROUP],
  },
} satisfies Record<string, SsoPerson>;

export type SsoLogin = keyof typeof SSO_PEOPLE;

export type RunningProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop: () => Promise<void>;
};

const SCOPES = "openid email profile groups";
const PROVIDER_HOST = "127.0.0.2";

/**
 * Starts the provider on 127.0.0.2 (not 127.0.0.1, where the apps are: a browser sends a host's
 * cookies to every port of it) and registers `redirectUri` for the client. Not "localhost":
 * Playwright's requests look a name up for IPv6 too, and /etc/hosts often names localhost for
 * IPv4 only, so that lookup goes to DNS, which on a machine without a reachable resolver costs
 * seconds on every new connection.
 */
export async function startOidcProvider(redirectUri: string): Promise<RunningProvider> {
  let handle: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) => {
    response.statusCode = 503;
    response.end();
  };
  const server = createServer((request, response) => handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, PROVIDER_HOST, resolve));
  const issuer = `http://${PROVIDER_HOST}:${(server.address() as AddressInfo).port}`;
  const clientId = "parley-test";
  const clientSecret = "a-client-secret-for-tests-only-0123456789";

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name"],
      groups: ["groups"],
    },
    scopes: SCOPES.split(" "),
    pkce: { required: () => true },
    cookies: { keys: ["oidc-provider-test-cookie-key-0123456789"] },
    findAccount(_context: KoaContextWithOIDC, sub: string): Account | undefined {
      const person = (SSO_PEOPLE as Record<string, SsoPerson>)[sub];
      return person ? { accountId: sub, claims: () => ({ sub, ...person }) } : undefined;
    },
    async loadExistingGrant(context: KoaContextWithOIDC) {
      const { oidc } = context;
      if (!oidc.client || !oidc.session?.accountId) return undefined;
      const known = oidc.session.grantIdFor(oidc.client.clientId);
      if (known) return oidc.provider.Grant.find(known);
      const grant = new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
      grant.addOIDCScope(SCOPES);
      await grant.save();
      return grant;
    },
  });
  const callback = provider.callback();
  handle = (request, response) => void callback(request, response);
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
