// The YAML language worker (monaco-yaml). A module of our own imports it, so that in the dev server
// it comes pre-bundled (optimizeDeps) with its CommonJS dependencies converted.
import 'monaco-yaml/yaml.worker.js';
