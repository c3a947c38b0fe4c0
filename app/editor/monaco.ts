/**
 * Monaco, bundled (never from a CDN): the editor core with its contributions (hover, suggest,
 * quick fixes …) but without the json/css/html/ts language services, YAML tokens, monaco-yaml with
 * the Kubernetes schema generated at build time (scripts/gen-k8s-schema.ts), and workers that
 * Vite bundles (`?worker`). Imported only by the lazily loaded editor, so the form does not wait
 * for it.
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/esm/vs/editor/edcore.main.js';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
import { configureMonacoYaml } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import YamlWorker from './yaml.worker.ts?worker';
import schemaUrl from './generated/k8s-schema.json?url';

export { monaco };
export type Monaco = typeof monaco;

window.MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker();
  },
};

loader.config({ monaco });

export const MODEL_URI = 'file:///manifest.yaml';
const SCHEMA_URI = 'file:///rootlock/kubernetes.schema.json';

const yaml = configureMonacoYaml(monaco, {
  enableSchemaRequest: false,
  validate: true,
  completion: true,
  hover: true,
  hoverSchemaSource: false,
  format: { enable: false },
  yamlVersion: '1.1',
  schemas: [],
});

/** Loads the schema (a same-origin asset) and hands it to the YAML worker. */
export const schemaReady: Promise<void> = fetch(schemaUrl)
  .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${r.status}`))))
  .then((schema: object) => {
    yaml.update({ schemas: [{ uri: SCHEMA_URI, fileMatch: ['*'], schema }] });
  })
  .catch((err: unknown) => console.warn('rootlock: the Kubernetes schema did not load; YAML is still checked for syntax.', err));

monaco.editor.defineTheme('rootlock-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#ffffff', 'editorGutter.background': '#ffffff', 'editor.lineHighlightBackground': '#f1f5f9' },
});
monaco.editor.defineTheme('rootlock-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#0f172a', 'editorGutter.background': '#0f172a', 'editor.lineHighlightBackground': '#1e293b' },
});
