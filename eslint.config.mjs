// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'build/',
      '.tmp/',
      '.data/',
      'coverage/',
      'miniprogram/**/node_modules/',
      'miniprogram/**/miniprogram_npm/',
      // Files that break the layer rules on purpose (test/static/boundaries.test.ts).
      'test/fixtures/layers/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The client: WeChat globals only. Shared typings are types: a value import
    // from outside miniprogram/ would not exist at runtime in DevTools.
    files: ['miniprogram/**/*.ts'],
    languageOptions: {
      globals: {
        wx: 'readonly',
        App: 'readonly',
        Page: 'readonly',
        Component: 'readonly',
        Behavior: 'readonly',
        getApp: 'readonly',
        getCurrentPages: 'readonly',
        requirePlugin: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/typings/**', '**/cloudfunctions/**', '**/emulator/**'],
              allowTypeImports: true,
              message: 'The mini-program may only import types from outside miniprogram/.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname'],
    },
  },
  {
    // Cloud functions read identity from the invocation context only.
    files: ['cloudfunctions/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='event'][property.name=/^(openid|OPENID|userInfo)$/]",
          message: 'Identity comes from the context (getCloudbaseContext), never from event.',
        },
        {
          selector: "ImportDeclaration[source.value='zod'][importKind!='type'] > ImportSpecifier[imported.name='z']",
          message: "import * as z from 'zod': the named `z` drags every zod locale (~350 KB) into each bundle.",
        },
      ],
    },
  },
  prettier,
);
