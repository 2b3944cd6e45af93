import "server-only";
import * as client from "openid-client";
import { env } from "../env";
import { AppError } from "../http";
import { logger } from "../logger";

// The OpenID Connect provider named by SSO_ISSUER, found through its discovery document
// (/.well-known/openid-configuration) on first use and remembered; a failed discovery is tried
// again on the next sign-in.

export type SsoSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  label: string;
  scopes: string;
  groupsClaim: string;
  adminGroup: string | null;
};

/** The single sign-on settings, or null when SSO_ISSUER is not set. */
export function ssoSettings(): SsoSettings | null {
  const config = env();
  if (!config.SSO_ISSUER || !config.SSO_CLIENT_ID || !config.SSO_CLIENT_SECRET) return null;
  return {
    issuer: config.SSO_ISSUER,
    clientId: config.SSO_CLIENT_ID,
    clientSecret: config.SSO_CLIENT_SECRET,
    label: config.SSO_LABEL,
    scopes: config.SSO_SCOPES,
    groupsClaim: config.SSO_GROUPS_CLAIM,
    adminGroup: config.SSO_ADMIN_GROUP ?? null,
  };
}

/** What the sign-in and sign-up pages need: the button's label, and whether passwords are used. */
export function signInChoices(): { sso: { label: string } | null; passwords: boolean } {
  const settings = ssoSettings();
  return {
    sso: settings ? { label: settings.label } : null,
    passwords: env().PASSWORD_SIGN_IN === "on" || settings === null,
  };
}

export function requireSso(): SsoSettings {
  const settings = ssoSettings();
  if (!settings) throw new AppError("not_found", "Single sign-on is not set up on this server.");
  return settings;
}

/** Where the provider sends people back: the address to register with it. */
export const ssoCallbackUrl = () => `${env().NEXTAUTH_URL.replace(/\/$/, "")}/api/sso/callback`;

let discovered: Promise<client.Configuration> | undefined;

async function discover(settings: SsoSettings): Promise<client.Configuration> {
  const issuer = new URL(settings.issuer);
  const insecure = issuer.protocol === "http:"; // allowed by lib/env.ts for a provider on this machine only
  const probe = await client.discovery(issuer, settings.clientId, settings.clientSecret, undefined, {
    execute: insecure ? [client.allowInsecureRequests] : [],
    timeout: 10,
  });
  const methods = probe.serverMetadata().token_endpoint_auth_methods_supported;
  // client_secret_basic is the standard's default; some providers take the secret in the body only.
  const auth =
    !methods || methods.includes("client_secret_basic")
      ? client.ClientSecretBasic(settings.clientSecret)
      : client.ClientSecretPost(settings.clientSecret);
  const configuration = new client.Configuration(probe.serverMetadata(), settings.clientId, undefined, auth);
  if (insecure) client.allowInsecureRequests(configuration);
  configuration.timeout = 10;
  return configuration;
}

/** The provider's configuration; a 503 when it cannot be reached or its discovery document is wrong. */
export async function providerConfiguration(settings: SsoSettings): Promise<client.Configuration> {
  discovered ??= discover(settings);
  try {
    return await discovered;
  } catch (error) {
    discovered = undefined;
    logger.warn("sso_discovery_failed", { error: error instanceof Error ? error.message : String(error) });
    throw new AppError(
      "sso_unavailable",
      "The single sign-on provider cannot be reached just now. Try again in a minute, or ask an administrator.",
    );
  }
}
