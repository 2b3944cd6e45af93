import { describe, expect, it } from "vitest";
import { SLUG_ENTROPY_BITS, generateSlug, isSlug } from "@/lib/rooms/slug";

describe("meeting codes", () => {
  it("look like kfp-xqzt-mwe", () => {
    for (let i = 0; i < 200; i++) expect(generateSlug()).toMatch(/^[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
  });

  it("carry at least 40 bits of randomness", () => {
    expect(SLUG_ENTROPY_BITS).toBeGreaterThanOrEqual(40);
  });

  it("use the random source for every letter", () => {
    let calls = 0;
    const slug = generateSlug((max) => {
      calls++;
      return (calls * 7) % max;
    });
    expect(calls).toBe(10);
    expect(isSlug(slug)).toBe(true);
  });

  it("do not repeat across 20,000 draws", () => {
    const seen = new Set(Array.from({ length: 20_000 }, () => generateSlug()));
    expect(seen.size).toBe(20_000);
  });

  it("reject anything that is not a code", () => {
    for (const bad of [
      "",
      "abc-defg-hi",
      "ABC-DEFG-HIJ",
      "abc-defg-hij-",
      "../etc/passwd",
      "abc_defg_hij",
      "аbc-defg-hij",
    ]) {
      expect(isSlug(bad)).toBe(false);
    }
  });
});
