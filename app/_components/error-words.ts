// What a person reads when Parley refuses something: a heading for each error code
// (lib/error-codes.ts), written once. The server's `message` gives the details under it.
// A catalogue of plain strings per language (English only so far): a code without its words
// here fails the typecheck.
import type { ErrorCode } from "@/lib/error-codes";

export type ErrorWords = {
  /** The heading for this refusal. */
  title: string;
  /** The heading on the meeting page when joining fails, where `title` is too general for that. */
  joining?: string;
};

type Catalogue = {
  errors: Record<ErrorCode, ErrorWords>;
  /** The browser could not reach Parley at all: no code, no message from the server. */
  offline: { title: string; message: string };
  /** The server answered, but not with the JSON error shape (a proxy's error page, say). */
  unreadable: { message: string };
};

const en: Catalogue = {
  errors: {
    invalid_request: { title: "Check your details" },
    invalid_json: { title: "Check your details" },
    invalid_encoding: { title: "Check your details" },
    invalid_path: { title: "Check the address" },
    name_required: { title: "Check your details" },
    invalid_webhook: { title: "Not a LiveKit webhook" },
    payload_too_large: { title: "Too much sent at once", joining: "Couldn't join" },
    sso_state: { title: "This sign-in could not be completed" },
    message_too_long: { title: "Message too long" },

    unauthenticated: { title: "Sign in to continue", joining: "Sign in to join" },
    guests_not_allowed: { title: "Guests can't join this meeting" },
    account_required: { title: "Sign in to join" },
    unsigned_webhook: { title: "Webhook not signed" },
    invalid_webhook_signature: { title: "Webhook signature does not match" },
    sso_failed: { title: "Single sign-on failed" },

    forbidden: { title: "Only the meeting's hosts can do that", joining: "You can't join this meeting" },
    admin_only: { title: "Only administrators can do that" },
    invite_required: { title: "This meeting is invite-only" },
    guests_no_longer_allowed: { title: "Guests can't join this meeting" },
    room_full: { title: "This meeting is full" },
    waiting_room: { title: "Waiting for the host to let you in" },
    room_locked: { title: "This meeting is locked" },
    cross_origin: { title: "Refused: sent from another site", joining: "You can't join this meeting" },
    removed: { title: "You were removed from this meeting" },
    target_is_host: { title: "Only an administrator can do that to a host" },
    signup_closed: { title: "Sign-up is closed" },
    signup_domain: { title: "Sign-up is for other email addresses" },
    invitation_email: { title: "This invitation is for another address" },
    email_unconfirmed: { title: "Confirm your email address first" },
    wrong_password: { title: "Wrong password" },
    wrong_confirmation: { title: "Type your email address to confirm" },
    account_disabled: { title: "This account is disabled" },
    sso_email_unverified: { title: "Your address is not confirmed by your sign-on provider" },
    sso_no_email: { title: "No email address from your sign-on provider" },
    password_sign_in_off: { title: "Sign in with single sign-on" },
    not_in_meeting: { title: "Only for people in the meeting" },
    chat_off: { title: "Chat is turned off" },

    not_found: { title: "Not found", joining: "No such meeting" },
    invite_not_found: { title: "This invite link is not valid", joining: "No such meeting" },
    participant_not_found: { title: "That person is not in this meeting" },
    not_removed: { title: "That person is not on the removed list" },
    knock_not_found: { title: "Nobody is knocking", joining: "You are not at the door" },
    room_ended: { title: "This meeting has ended" },
    invite_revoked: { title: "This invite link was revoked" },
    invite_expired: { title: "This invite link has expired" },
    invite_used_up: { title: "This invite link has been used up" },
    invitation_used: { title: "This invitation has been used" },
    invitation_expired: { title: "This invitation has expired" },
    reset_used: { title: "This reset link has been used" },
    reset_expired: { title: "This reset link has expired" },
    link_used: { title: "Already confirmed" },
    link_expired: { title: "This link has expired" },

    email_taken: { title: "This email already has an account" },
    last_admin: { title: "Parley needs an administrator" },
    cannot_disable_self: { title: "You can't disable your own account" },
    nothing_to_mute: { title: "Already off" },
    cannot_moderate_self: { title: "Use your own controls for that" },
    cohost_needs_account: { title: "Guests can't be co-hosts" },
    knock_closed: { title: "No longer waiting" },
    no_email: { title: "No email address to send to" },
    no_admin: { title: "No administrator to hand over to" },
    sso_identity_conflict: { title: "This address belongs to another sign-on account" },

    rate_limited: { title: "Too many attempts" },
    internal: { title: "Something went wrong", joining: "Couldn't join" },
    livekit_unavailable: { title: "Meeting service unavailable" },
    mail_unavailable: { title: "Mail is not set up on this server" },
    sso_unavailable: { title: "Single sign-on is unavailable" },
  },
  offline: { title: "You're offline", message: "Parley can't be reached. Check your connection and try again." },
  unreadable: { message: "Something went wrong. Try again." },
};

/** The words in the language shown (only English so far). */
export const words: Catalogue = en;

/** The heading for a refusal with this code. */
export const errorTitle = (code: ErrorCode): string => words.errors[code].title;

/** The heading on the meeting page when joining is refused with this code. */
export const joiningTitle = (code: ErrorCode): string => words.errors[code].joining ?? words.errors[code].title;
