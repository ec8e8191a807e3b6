// ESLint flat config for Status Tray. Run from the repository root:
//   npx eslint -c .ci/eslint.config.js renderer electron shared cli tests build .ci
// With -c, ESLint resolves `files`/`ignores` against the current directory, so run it from the root.
// Security rules are errors everywhere code runs (renderer, main, engine): no eval in any form, no
// dangerouslySetInnerHTML (incident text is third-party; docs/http-and-faults.md, "Hostile content").
// Layer rules (./layers.js) make an import that runs up a layer an error; docs/architecture.md explains them.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import react from 'eslint-plugin-react';
import { layerConfigs } from './layers.js';

const securityRules = {
  'no-eval': 'error',
  'no-implied-eval': 'error',
  'no-new-func': 'error',
  'no-script-url': 'error',
};

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'release/**', 'coverage/**', 'test-results/**', 'playwright-report/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {
        console: 'readonly',
        process: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
      },
    },
    rules: {
      ...securityRules,
      // Type-only imports stay type-only (verbatimModuleSyntax does the same in tsc).
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      // Sanitisers strip control characters on purpose (toast text, OPML); a regex naming them is the point.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' }],
      // tsc already reports undefined names, with the right lib and DOM settings per folder.
      'no-undef': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { react },
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    settings: { react: { version: '19.0' } },
    rules: {
      'react/no-danger': 'error',
      'react/no-danger-with-children': 'error',
      'react/jsx-no-script-url': 'error',
      'react/jsx-no-target-blank': 'error',
      'react/jsx-key': 'error',
    },
  },
  ...layerConfigs,
  {
    // CommonJS hooks (electron-builder's afterPack) load their dependencies with require().
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests feed hostile input on purpose (`javascript:` URLs) and doubles stand in for loosely typed
    // platform objects.
    files: ['tests/**/*.ts'],
    rules: {
      'no-script-url': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
);
