// Every page's words, per language: one file per area in messages/<locale>/, so areas change
// without touching each other. English is the reference: the other catalogues must have the
// same keys (the typecheck here, and tests/unit/catalogues.test.ts for keys English lacks).
import enCommon from "@/messages/en/common.json";
import ruCommon from "@/messages/ru/common.json";
import enAuth from "@/messages/en/auth.json";
import ruAuth from "@/messages/ru/auth.json";
import enAccount from "@/messages/en/account.json";
import ruAccount from "@/messages/ru/account.json";
import enHome from "@/messages/en/home.json";
import ruHome from "@/messages/ru/home.json";
import enCheck from "@/messages/en/check.json";
import ruCheck from "@/messages/ru/check.json";
import enErrors from "@/messages/en/errors.json";
import ruErrors from "@/messages/ru/errors.json";
import enAdmin from "@/messages/en/admin.json";
import ruAdmin from "@/messages/ru/admin.json";
import enInvites from "@/messages/en/invites.json";
import ruInvites from "@/messages/ru/invites.json";
import enHistory from "@/messages/en/history.json";
import ruHistory from "@/messages/ru/history.json";
import enMail from "@/messages/en/mail.json";
import ruMail from "@/messages/ru/mail.json";
import enMeeting from "@/messages/en/meeting.json";
import ruMeeting from "@/messages/ru/meeting.json";
import type { Locale } from "./locales";

const en = {
  common: enCommon,
  auth: enAuth,
  account: enAccount,
  home: enHome,
  check: enCheck,
  errors: enErrors,
  admin: enAdmin,
  invites: enInvites,
  history: enHistory,
  meeting: enMeeting,
  mail: enMail,
};

export type Messages = typeof en;

const ru: Messages = {
  common: ruCommon,
  auth: ruAuth,
  account: ruAccount,
  home: ruHome,
  check: ruCheck,
  errors: ruErrors,
  admin: ruAdmin,
  invites: ruInvites,
  history: ruHistory,
  meeting: ruMeeting,
  mail: ruMail,
};

export const CATALOGUES: Record<Locale, Messages> = { en, ru };
