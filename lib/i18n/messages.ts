// Every page's words, per language: one file per area in messages/<locale>/, so areas change
// without touching each other. English is the reference: the other catalogues must have the
// same keys (the typecheck here, and tests/unit/catalogues.test.ts for keys English lacks).
import enCommon from "@/messages/en/common.json";
import ruCommon from "@/messages/ru/common.json";
import enErrors from "@/messages/en/errors.json";
import ruErrors from "@/messages/ru/errors.json";
import type { Locale } from "./locales";

const en = {
  common: enCommon,
  errors: enErrors,
};

export type Messages = typeof en;

const ru: Messages = {
  common: ruCommon,
  errors: ruErrors,
};

export const CATALOGUES: Record<Locale, Messages> = { en, ru };
