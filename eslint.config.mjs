// ESLint (flat config): `npm run lint`. ESLint's and typescript-eslint's recommended rules, the few
// changes below, and the rule that keeps the shells on the engine's public face. Layout is Prettier's
// job (`npm run format:check`), not ESLint's.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/**', 'docs/**', 'assets/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      // `_name` is the usual mark of a parameter kept for its position; a caught error is often not needed.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Chinese text holds ideographic spaces (U+3000) on purpose; outside strings and comments they are still errors.
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipTemplates: true, skipComments: true, skipRegExps: true },
      ],
    },
  },
  {
    // XML 1.0 forbids most control characters: the package layer's expressions name them on purpose.
    files: ['src/xlsx/**/*.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    // The stand-in for Office.js returns untyped proxies, as Office.js's own objects are to it.
    files: ['test/office-host/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The shells see the engine only through its public face, src/engine/index.ts.
    files: ['src/cli/**/*.{ts,tsx}', 'src/addin/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)engine/(?!index$).+',
              message:
                'The shells import the engine from its index (../engine), never a module inside it: export what you need from src/engine/index.ts.',
            },
          ],
        },
      ],
    },
  },
);
