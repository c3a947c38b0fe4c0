// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const uiPackages = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'monaco-editor', 'monaco-editor/*', '@monaco-editor/react', 'monaco-yaml', 'monaco-yaml/*'];

/** Module boundaries from STYLE.md; a break is a lint error. */
const engineBoundary = {
  patterns: [
    { group: ['**/app/**', '../app/*', '../../app/*'], message: 'src/ is the engine: it never imports app/.' },
    { group: uiPackages, message: 'src/ is the engine: no UI packages (react, zustand, monaco).' },
    { regex: '^(node:.*|fs|path|os|child_process|url|process)(/.*)?$', message: 'The engine runs in a Web Worker too: Node built-ins belong in src/cli.ts only.' },
  ],
};
const yamlOnlyInYamlDir = { regex: '^yaml(/.*)?$', message: 'Only src/yaml/ imports the yaml package (STYLE.md).' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/yaml/**', 'src/cli.ts', 'src/cli/**', 'src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...engineBoundary.patterns, yamlOnlyInYamlDir] }] },
  },
  {
    files: ['src/yaml/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', engineBoundary] },
  },
  {
    files: ['src/cli.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [engineBoundary.patterns[0], engineBoundary.patterns[1], yamlOnlyInYamlDir] }],
    },
  },
  {
    files: ['src/rules/*.ts'],
    ignores: ['src/rules/*.test.ts', 'src/rules/index.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [...engineBoundary.patterns, yamlOnlyInYamlDir,
          { group: ['./*', '!./define', '!./define.ts', '!./util', '!./util.ts'], message: 'Rules never import each other (STYLE.md): share code through the model or the edit builder.' }],
      }],
    },
  },
  {
    files: ['app/**/*.ts', 'app/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/src/*', '!**/src/index', '!**/src/index.ts', '!**/src/worker', '!**/src/worker.ts', '!**/src/light', '!**/src/light.ts'], message: 'app/ reaches the engine only through src/index.ts, src/light.ts (side-effect free) or its worker.' },
          yamlOnlyInYamlDir,
          { group: ['monaco-editor', 'monaco-editor/*', '@monaco-editor/react', 'monaco-yaml', 'monaco-yaml/*'], message: 'Only app/editor/ touches Monaco.' },
        ],
      }],
    },
  },
  {
    files: ['app/editor/**/*.ts', 'app/editor/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/src/*', '!**/src/index', '!**/src/index.ts', '!**/src/worker', '!**/src/worker.ts', '!**/src/light', '!**/src/light.ts'], message: 'app/ reaches the engine only through src/index.ts, src/light.ts (side-effect free) or its worker.' },
          yamlOnlyInYamlDir,
        ],
      }],
    },
  },
);
