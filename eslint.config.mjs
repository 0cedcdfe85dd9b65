import js from '@eslint/js';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// ---------------------------------------------------------------------------------------------
// Boundaries of functions/ (issue 11), checked with the built-in no-restricted-imports:
// - a bounded context uses another context only through that context's domain/ (pure types and
//   rules), the kernel (shared vocabulary) and shared/ (platform); never its adapters, use cases,
//   wiring or handlers, so a function's bundle holds its own context plus kernel and shared;
// - nothing under functions/ imports infra/ (infra imports functions, never the reverse);
// - domain code (functions/*/domain/, functions/domain/, functions/kernel/) is pure: no AWS SDK,
//   Lambda types, Powertools or middy, and none of the platform's adapters;
// - the kernel and the shared pure domain import no context at all, and shared/ imports none either.
// A flat config applies the last matching block's options for a rule, so each file group below gets
// every restriction that applies to it in one block.
// ---------------------------------------------------------------------------------------------

const contexts = ['api-docs', 'approval', 'calendar', 'catalogue', 'certificates', 'intake', 'materials', 'notifications', 'reviews', 'supervision'];

/**
 * Import paths are relative, so each rule is written for the depth of the file it checks: `up(d)` is the
 * `../` run from a file `d` folders below a top folder of functions/ back to functions/ itself. (A loose
 * `(../)+calendar` would also catch functions/domain/calendar.ts imported from beside it.)
 */
const DEPTHS = [0, 1, 2, 3, 4];
const up = (depth) => '\\.\\./'.repeat(depth + 1);
const below = (folder, depth) => `${folder}/${'*/'.repeat(depth)}*.ts`;

/** An import of another context's internals: anything of it but its domain/. */
const otherContextInternals = (own, depth) => ({
  regex: `^${up(depth)}(?:${contexts.filter((name) => name !== own).join('|')})/(?!domain/)`,
  message: `${own}: use another context through its domain/ (pure types and rules), functions/kernel and functions/shared only; its adapters, use cases, wiring and handlers are its own. Read its entities through the functions/shared/table codecs in an adapter of this context.`,
});

const anyContext = (where, depth) => ({
  regex: `^${up(depth)}(?:${contexts.join('|')})(?:/|$)`,
  message: `${where} is below the contexts and imports none of them (not even their domain/): move what is shared here instead.`,
});

const infraImport = (depth) => ({
  regex: `^${up(depth)}\\.\\./infra(?:/|$)`,
  message: 'functions/ never imports infra/: infra imports the handlers (entries) and functions/shared/environment-names.ts, not the reverse.',
});

const impurePackages = {
  group: ['@aws-sdk/*', '@aws-lambda-powertools/*', 'aws-lambda', '@middy/*', 'aws-cdk-lib', 'aws-cdk-lib/*'],
  message: 'domain code is pure: no AWS SDK, Lambda types, Powertools, middy or CDK (ports in domain/, adapters beside it).',
};

const platformAdapters = (depth) => ({
  regex: `^${up(depth)}shared/(?:clients|http|worker|powertools|monitoring|idempotency|national-calendar|table)(?:/|$)`,
  message: 'domain code is pure: it gets the platform (clients, table, powertools, the national calendar) through ports, never by import.',
});

/** From a file `depth` folders below its context, that context's use cases, adapters and wiring. */
const ownOuterLayers = (depth) => ({
  regex: `^${'\\.\\./'.repeat(depth)}(?:adapters|use-cases|wiring|recompute|recompute-wiring)(?:/|$)`,
  message: 'domain code does not know its use cases, adapters or wiring: they depend on it, not the reverse.',
});

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

const boundaries = [
  // each context: its outer layers (handlers, use cases, adapters, wiring), then its domain
  ...contexts.flatMap((context) =>
    DEPTHS.map((depth) => ({
      files: [below(`functions/${context}`, depth)],
      ignores: [`functions/${context}/domain/**`],
      rules: restrict(otherContextInternals(context, depth), infraImport(depth)),
    })),
  ),
  ...contexts.flatMap((context) =>
    DEPTHS.slice(1).map((depth) => ({
      files: [below(`functions/${context}/domain`, depth - 1)],
      rules: restrict(otherContextInternals(context, depth), infraImport(depth), impurePackages, platformAdapters(depth), ownOuterLayers(depth)),
    })),
  ),
  // the kernel: vocabulary several contexts share (events, ids, digests, audit record, calendar access); pure
  ...DEPTHS.map((depth) => ({
    files: [below('functions/kernel', depth)],
    rules: restrict(anyContext('functions/kernel', depth), infraImport(depth), impurePackages, platformAdapters(depth), {
      regex: `^${up(depth)}shared/(?!errors$)`,
      message: 'functions/kernel is pure vocabulary: from shared/ it may use errors only.',
    }),
  })),
  // the shared pure domain: the working-day calendar, the case clock, holiday notices
  ...DEPTHS.map((depth) => ({
    files: [below('functions/domain', depth)],
    rules: restrict(anyContext('functions/domain', depth), infraImport(depth), impurePackages, platformAdapters(depth), {
      regex: `^${up(depth)}kernel(?:/|$)`,
      message: 'functions/domain is below the kernel (the kernel builds on it), so it does not import the kernel.',
    }),
  })),
  // the platform: http, worker, clients, the table codecs, the national calendar source
  ...DEPTHS.map((depth) => ({ files: [below('functions/shared', depth)], rules: restrict(anyContext('functions/shared', depth), infraImport(depth)) })),
];

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.data/', '.scratch/', 'coverage/', '**/*.d.ts', 'web/dist/', 'web/test-results/', 'web/playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  ...boundaries,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', module: 'writable', require: 'readonly', __dirname: 'readonly', console: 'readonly' } },
  },
  {
    files: ['scripts/**/*.ts', 'infra/local/start.ts', 'test/bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  // the web app (web/): Vue single-file components with TypeScript, in the browser; its build and browser tests in Node
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['web/**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
    rules: {
      // Prettier owns layout; these stylistic rules of the plugin only fight it
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      // one page, one name: pages and components are named for what the user does, not forced into two words
      'vue/multi-word-component-names': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['web/src/**/*.ts', 'web/src/**/*.vue'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['web/*.ts', 'web/build/**/*.ts', 'web/tests/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
);
