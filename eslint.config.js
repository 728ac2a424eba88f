import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'bench/out/', 'api/generated/', 'web/generated/', 'contracts/AllianceRegistry.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Kysely migrations take Kysely<any> by design: they run against every past schema.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Which database a Db is on, and its driver, are db/'s business (db/engine.ts): everything
    // else asks its Db's engine. Tests may still reach the driver to inspect a database.
    files: ['**/*.{ts,tsx}'],
    ignores: ['db/**', 'test/**', 'e2e/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'better-sqlite3', message: 'The SQLite driver is used only inside db/: use the Db and its engine (db/engine.ts).' },
          { name: 'pg', message: 'The PostgreSQL driver is used only inside db/: use the Db and its engine (db/engine.ts).' },
          {
            name: 'kysely',
            importNames: ['CompiledQuery', 'SqliteDialect', 'PostgresDialect', 'SqliteAdapter', 'PostgresAdapter'],
            message: 'Build SQL with Kysely\'s builder or its sql template (it numbers the placeholders); connections come from db/connect.ts.',
          },
        ],
        patterns: [{ group: ['**/db/sqlite/*', '**/db/postgres/*'], message: 'A dialect\'s implementation is reached through the Db\'s engine (db/engine.ts).' }],
      }],
      'no-restricted-properties': ['error', { property: 'sqlite', message: 'The raw SQLite handle stays inside db/: use the Db\'s engine (db/engine.ts).' }],
      'no-restricted-syntax': ['error',
        ...['left', 'right'].flatMap((side) => [
          `BinaryExpression[operator=/^[!=]==?$/][${side}.type='Identifier'][${side}.name='dialect']`,
          `BinaryExpression[operator=/^[!=]==?$/][${side}.type='MemberExpression'][${side}.property.name='dialect']`,
        ]).map((selector) => ({ selector, message: 'Dialect differences live behind db/engine.ts: ask the Db\'s engine, not which database it is.' })),
        { selector: "SwitchStatement[discriminant.property.name='dialect'], SwitchStatement[discriminant.name='dialect']", message: 'Dialect differences live behind db/engine.ts: ask the Db\'s engine, not which database it is.' },
      ],
    },
  },
  {
    // Hardhat 2 configs are CommonJS scripts run by node.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
