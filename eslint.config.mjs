import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // Rules that need the type checker: they catch promises nobody awaits (an error that
    // vanishes, a write that races the response) and async functions handed to places that
    // ignore the promise (an onClick, a forEach). typescript-eslint's parser and plugin come with
    // eslint-config-next/typescript; this gives the parser the type information.
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
    },
  },
  {
    // No React here: Playwright fixtures' `use` is not a hook.
    files: ["tests/**", "scripts/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    ignores: [
      ".next/**",
      ".test-run/**",
      "lib/generated/**",
      "public/noise-suppressor/**",
      "node_modules/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      // copied from node_modules before each build (scripts/lib/effect-assets.ts)
      "public/effects/**",
    ],
  },
];

export default config;
