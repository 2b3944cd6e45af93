import "server-only";
import { timingSafeEqual } from "node:crypto";
import * as client from "openid-client";
import { z } from "zod";
import { safeCallback } from "../auth/form-state";
import { db } from "../db";
import { AppError } from "../http";
import { logger } from "../logger";
import { hashAccountToken } from "../accounts/tokens";
import { providerConfiguration, ssoCallbackUrl, type SsoSettings } from "./provider";

// The authorization code flow with PKCE, state and nonce (OpenID Connect Core 3.1). Starting
// stores what the callback must see again under the state's hash, for 10 minutes; the browser
// holds the state in an http-only cookie, so the callback must come back to the browser that
// started. The callback spends the row once: an altered, foreign, expired or replayed
// callback is refused before the code is ever sent to the provider.

const LIFETIME_MS = 10 * 60 * 1000;
export const SSO_STATE_COOKIE = "parley_sso_state";
export const SSO_STATE_COOKIE_MAX_AGE_SECONDS = LIFETIME_MS / 1000;

const param = z.string().min(1).max(2048);
export const ssoStartQuerySchema = z.object({ callbackUrl: z.string().max(2048).optional() }).strict();
// What a provider sends back (RFC 6749 4.1.2, RFC 9207's iss). Providers add their own
// parameters (Keycloak and Entra session_state; Google scope, authuser, hd, prompt), so others
// are let through, within bounds.
export const ssoCallbackQuerySchema = z
  .object({
    state: param,
    code: param.optional(),
    iss: param.optional(),
    error: z.string().max(200).optional(),
    error_description: z.string().max(2048).optional(),
    error_uri: z.string().max(2048).optional(),
  })
  .catchall(z.string().max(2048))
  .refine((query) => Object.keys(query).length <= 20, { message: "Too many parameters." })
  .refine((query) => query.code !== undefined || query.error !== undefined, {
    message: "A single sign-on callback carries either code or error.",
  });

const stateRefused = () =>
  new AppError(
    "sso_state",
    "This sign-in was not started in this browser, has expired, or was already completed. Start again from the sign-in page.",
  );

/** The provider's address to send the browser to, and the state for the cookie. */
export async function startSsoLogin(settings: SsoSettings, callbackUrl: string | undefined) {
  const configuration = await providerConfiguration(settings);
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const now = Date.now();
  // Unfinished sign-ins older than their lifetime are of no use to anyone.
  await db.ssoLogin.deleteMany({ where: { expiresAt: { lt: new Date(now - LIFETIME_MS) } } });
  await db.ssoLogin.create({
    data: {
      stateHash: hashAccountToken(state),
      nonce,
      codeVerifier,
      returnTo: safeCallback(callbackUrl),
      expiresAt: new Date(now + LIFETIME_MS),
    },
  });
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: ssoCallbackUrl(),
    scope: settings.scopes,
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
  });
  return { url, state };
}

/** Who the provider says signed in: the ID token's claims, with the UserInfo endpoint's added. */
export type SsoClaims = { issuer: string; subject: string } & Record<string, unknown>;

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Checks the callback against the sign-in this browser started (`cookieState`), spends it, and
 * exchanges the code: the provider's token response and ID token are checked by openid-client
 * (issuer, audience, signature, expiry, nonce, PKCE). Returns the claims and where to go next.
 */
export async function finishSsoLogin(
  settings: SsoSettings,
  query: z.infer<typeof ssoCallbackQuerySchema>,
  cookieState: string | undefined,
): Promise<{ claims: SsoClaims; returnTo: string }> {
  if (!cookieState || !sameSecret(cookieState, query.state)) throw stateRefused();
  const now = new Date();
  const login = await db.ssoLogin.findUnique({ where: { stateHash: hashAccountToken(query.state) } });
  if (!login || login.usedAt || login.expiresAt <= now) throw stateRefused();
  const spent = await db.ssoLogin.updateMany({ where: { id: login.id, usedAt: null }, data: { usedAt: now } });
  if (spent.count !== 1) throw stateRefused();

  if (query.error !== undefined) {
    logger.info("sso_provider_refused", { error: query.error });
    throw new AppError(
      "sso_failed",
      query.error === "access_denied"
        ? "The sign-in was cancelled at your organisation's sign-on page."
        : "Your organisation's sign-on provider refused the sign-in. Try again, or ask an administrator.",
    );
  }

  const configuration = await providerConfiguration(settings);
  const currentUrl = new URL(ssoCallbackUrl());
  for (const [name, value] of Object.entries(query)) if (value !== undefined) currentUrl.searchParams.set(name, value);
  let claims: SsoClaims;
  try {
    const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: login.codeVerifier,
      expectedState: query.state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) throw new Error("no ID token");
    let userInfo: Record<string, unknown> = {};
    // Many providers put only the subject in the ID token and the rest behind UserInfo.
    if (configuration.serverMetadata().userinfo_endpoint)
      userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
    claims = { ...userInfo, ...idToken, issuer: idToken.iss, subject: idToken.sub };
  } catch (error) {
    logger.warn("sso_callback_refused", { error: error instanceof Error ? error.message : String(error) });
    throw new AppError(
      "sso_failed",
      "Your organisation's sign-on provider did not confirm this sign-in. Start again from the sign-in page.",
    );
  }
  return { claims, returnTo: login.returnTo };
}
