import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.data/', '.scratch/', 'coverage/', '**/*.d.ts'] },
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
  {
    // domain code is pure: no AWS SDK, Lambda types or Powertools
    files: ['functions/**/domain/**/*.ts', 'functions/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@aws-sdk/*', '@aws-lambda-powertools/*', 'aws-lambda', '@middy/*', 'aws-cdk-lib', 'aws-cdk-lib/*'] }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', module: 'writable', require: 'readonly', __dirname: 'readonly', console: 'readonly' } },
  },
  {
    files: ['scripts/**/*.ts', 'infra/local/start.ts', 'test/bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
