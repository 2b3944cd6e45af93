// Meeting codes like "kfp-xqzt-mwe": 10 random lowercase letters, 26^10 ≈ 2^47 possibilities,
// easy to read aloud and impossible to guess.
import { randomInt } from "node:crypto";

const LETTERS = "abcdefghijklmnopqrstuvwxyz";
const GROUPS = [3, 4, 3] as const;

const SLUG_PATTERN = /^[a-z]{3}-[a-z]{4}-[a-z]{3}$/;

export const SLUG_ENTROPY_BITS = GROUPS.reduce((sum, n) => sum + n, 0) * Math.log2(LETTERS.length);

export function generateSlug(random: (max: number) => number = randomInt): string {
  return GROUPS.map((length) => Array.from({ length }, () => LETTERS[random(LETTERS.length)]).join("")).join("-");
}

export function isSlug(value: string): boolean {
  return SLUG_PATTERN.test(value);
}
