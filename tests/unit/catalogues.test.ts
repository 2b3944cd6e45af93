// Every language has every key English has, and no other; a message's placeholders are the same
// in each language; and Russian plurals take Russian's forms.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { CATALOGUES } from "@/lib/i18n/messages";
import { LOCALES, negotiateLocale } from "@/lib/i18n/locales";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The names of a message's arguments: `{count}`, `{name, select, ...}`, `{count, plural, ...}`. */
function argumentsOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*[,}]/g)].map((match) => match[1]!))].sort();
}

const english = flatten(CATALOGUES.en as unknown as Tree);

describe.each(LOCALES.filter((locale) => locale !== "en"))("the %s catalogue", (locale) => {
  const other = flatten(CATALOGUES[locale] as unknown as Tree);

  it("has every key English has, and none English lacks", () => {
    expect([...other.keys()].filter((key) => !english.has(key))).toEqual([]);
    expect([...english.keys()].filter((key) => !other.has(key))).toEqual([]);
  });

  it("uses the same arguments in each message", () => {
    const differing = [...english].filter(([key, message]) => {
      const translated = other.get(key);
      return translated !== undefined && argumentsOf(translated).join() !== argumentsOf(message).join();
    });
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  it("has no message left empty", () => {
    expect([...other].filter(([, message]) => message.trim() === "").map(([key]) => key)).toEqual([]);
  });
});

describe("Russian plurals", () => {
  it("take the one, few and many forms (1 участник, 2 участника, 5 участников, 21 участник)", () => {
    const t = createTranslator({
      locale: "ru",
      messages: { n: "{count, plural, one {# участник} few {# участника} many {# участников} other {# участника}}" },
    });
    expect([1, 2, 5, 11, 21, 22].map((count) => t("n", { count }))).toEqual([
      "1 участник",
      "2 участника",
      "5 участников",
      "11 участников",
      "21 участник",
      "22 участника",
    ]);
  });
});

describe("the language for an Accept-Language header", () => {
  it("is the highest-weighted one Parley speaks, by primary subtag", () => {
    expect(negotiateLocale("ru-RU,ru;q=0.9,en-US;q=0.8")).toBe("ru");
    expect(negotiateLocale("en-GB,ru;q=0.5")).toBe("en");
    expect(negotiateLocale("de,ru;q=0.3,en;q=0.2")).toBe("ru");
    expect(negotiateLocale("de")).toBe("en");
    expect(negotiateLocale("ru;q=0,en;q=0.1")).toBe("en");
    expect(negotiateLocale("")).toBe("en");
    expect(negotiateLocale(null)).toBe("en");
    expect(negotiateLocale("*")).toBe("en");
  });
});
