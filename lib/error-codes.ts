// Every error code the API answers with, and the one HTTP status each carries. A closed set:
// the browser relies on it (app/_components/error-words.ts has the words for each code), so
// AppError takes no code outside this table. Not server-only: the browser reads it too.

// prettier-ignore
export const ERROR_STATUS = {
  // The request itself is malformed.
  invalid_request: 400,           // the body, query or form fails validation
  invalid_json: 400,
  invalid_encoding: 400,          // the body is not UTF-8
  invalid_path: 400,              // the address cannot be decoded
  name_required: 400,             // a guest joins without typing a name
  invalid_webhook: 400,
  payload_too_large: 413,
  sso_state: 400,                 // a single sign-on callback whose state is missing, altered, expired or already used
  message_too_long: 400,          // a chat message over the length limit

  // Who is calling.
  unauthenticated: 401,
  guests_not_allowed: 401,        // a guest opens an invite to a room that admits no guests: signing in helps
  account_required: 401,          // a guest opens a co-host link: signing in helps
  unsigned_webhook: 401,
  invalid_webhook_signature: 401,
  sso_failed: 401,                // the provider refused the sign-in, or its answer failed the checks (code, ID token)

  // What the caller may do.
  forbidden: 403,                 // a room rule (lib/policy.ts) says no
  admin_only: 403,
  invite_required: 403,           // the room admits no one by membership alone
  guests_no_longer_allowed: 403,  // a guest already admitted, in a room that has since stopped admitting guests
  room_full: 403,
  waiting_room: 403,              // the room makes this caller knock, and no host has let them in yet
  room_locked: 403,               // a host locked the room: nobody new gets in
  cross_origin: 403,              // a state-changing request sent from another site
  removed: 403,                   // a host removed the caller from this room's meeting: no token until let back in
  target_is_host: 403,            // only an admin acts on a host (the room's owner or an admin) in a meeting
  signup_closed: 403,             // SIGNUP is invite or closed, and the caller holds no invitation
  signup_domain: 403,             // SIGNUP=domains, and the address is at another domain
  invitation_email: 403,          // an invitation to sign up used with another address
  email_unconfirmed: 403,         // SIGNUP=domains: the account's address is not confirmed yet
  wrong_password: 403,            // /account: the current password does not match
  wrong_confirmation: 403,        // /account: deleting an account without a password, mistyped email
  account_disabled: 403,          // single sign-on into an account an administrator disabled
  sso_email_unverified: 403,      // single sign-on with an unconfirmed address that a password account already has
  sso_no_email: 403,              // the provider gave no email address for a new account
  password_sign_in_off: 403,      // PASSWORD_SIGN_IN=off: accounts sign in through single sign-on only
  not_in_meeting: 403,            // hands, reactions, chat: only for people in the meeting now (not at its door)
  chat_off: 403,                  // a host turned chat off for this meeting

  // What the request points at.
  not_found: 404,
  invite_not_found: 404,
  participant_not_found: 404,
  not_removed: 404,               // letting back in someone who is not on the room's removed list
  knock_not_found: 404,
  room_ended: 410,
  invite_revoked: 410,
  invite_expired: 410,
  invite_used_up: 410,
  invitation_used: 410,
  invitation_expired: 410,
  reset_used: 410,
  reset_expired: 410,
  link_used: 410,                 // an email confirmation link already used
  link_expired: 410,

  // The request clashes with the state of things.
  email_taken: 409,
  last_admin: 409,
  cannot_disable_self: 409,
  nothing_to_mute: 409,
  cannot_moderate_self: 409,
  cohost_needs_account: 409,      // a guest cannot be made co-host
  knock_closed: 409,              // a host already decided, or the knocker stopped waiting
  no_email: 409,                  // sending an invite link that has no address
  no_admin: 409,                  // handing rooms over when no other administrator exists
  sso_identity_conflict: 409,     // the address's account is linked to another person at the same provider
  already_recording: 409,         // starting a recording while one is going on in the room
  not_recording: 409,             // stopping a recording when none is going on
  recording_encrypted: 409,       // recording an end-to-end encrypted meeting: the recorder holds no key
  recording_busy: 409,            // deleting a recording while it is being made or put together
  e2ee_meeting_live: 409,         // switching end-to-end encryption while people are in the meeting

  rate_limited: 429,
  internal: 500,
  livekit_unavailable: 503,
  mail_unavailable: 503,          // the feature needs mail, and no SMTP_URL is configured
  sso_unavailable: 503,           // the single sign-on provider cannot be reached
  recording_unavailable: 503,     // recording is not set up here (no RECORDER_URL), or the recorder cannot be reached
} as const satisfies Record<string, 400 | 401 | 403 | 404 | 409 | 410 | 413 | 429 | 500 | 503>;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type ErrorStatus = (typeof ERROR_STATUS)[ErrorCode];

/** The one JSON error shape of the API. */
export type ErrorBody = { error: { code: ErrorCode; message: string } };

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === "string" && Object.hasOwn(ERROR_STATUS, value);
