// Lint guards the layout of docs/design.md: dependencies point inward, domain/ stays pure.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'test/screenshots/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Enhancement scripts run in the browser, as plain scripts without a build step.
    files: ['src/http/web/kit/assets/**/*.js'],
    languageOptions: { globals: { ...globals.browser }, sourceType: 'script' },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { regex: '^[^.]', message: 'domain/ is pure: no packages, no node:* modules.' },
        { regex: '^(\\.\\./)+(app|store|http|jobs|channels|documents|i18n|config|main)([/.]|$)', message: 'domain/ imports only domain/.' },
      ]),
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Time is an argument in domain/: take `now`.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Time is an argument in domain/: take `now`.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Chance is an argument in domain/.' },
      ],
    },
  },
  {
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([{ group: ['**/http/*', '**/jobs/*', '**/channels/*'], message: 'app/ imports domain/, store/ and documents/ only.' }]),
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Use deps.clock.now().' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Use deps.clock.now().' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Use deps.random.' },
      ],
    },
  },
  {
    // Documents draw the data they are given: no database, no requests, no clock.
    files: ['src/documents/**/*.ts', 'src/documents/**/*.tsx'],
    rules: {
      'no-restricted-imports': restrict([
        { regex: '^(\\.\\./)+(app|store|http|jobs|channels|config|compose-deps|main)([/.]|$)', message: 'documents/ imports domain/ and i18n/ only.' },
      ]),
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'A document is dated by its data: take the date as input.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'A document is dated by its data: take the date as input.' },
      ],
    },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: { 'no-restricted-imports': restrict([{ group: ['**/http/*', '**/app/*', '**/jobs/*', '**/channels/*'], message: 'store/ imports domain/ types only.' }]) },
  },
  {
    files: ['src/http/**/*.ts', 'src/http/**/*.tsx'],
    rules: { 'no-restricted-imports': restrict([{ group: ['**/store/*', '**/store/**'], message: 'http/ never imports store/: go through app/.' }]) },
  },
  {
    // A later block replaces the rule for these files: the store/ patterns are repeated.
    files: ['src/http/web/**/*.ts', 'src/http/web/**/*.tsx'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/store/*', '**/store/**'], message: 'http/ never imports store/: go through app/.' },
        { group: ['**/api/*', '**/api/**'], message: 'Pages never import the API\'s internals: what both need lives in http/shared/.' },
      ]),
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off', 'no-restricted-imports': 'off' },
  },
);
