// Every page's words, per language: one file per area in messages/<locale>/, so areas change
// without touching each other. English is the reference: the other catalogues must have the
// same keys (the typecheck here, and tests/unit/catalogues.test.ts for keys English lacks).
import enCommon from "@/messages/en/common.json";
import ruCommon from "@/messages/ru/common.json";
import type { Locale } from "./locales";

const en = { common: enCommon };

export type Messages = typeof en;

const ru: Messages = { common: ruCommon };

export const CATALOGUES: Record<Locale, Messages> = { en, ru };
