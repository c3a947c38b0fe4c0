/**
 * Generates the Kubernetes JSON schema the editor gives monaco-yaml (validation, completion, hover
 * docs). Nothing in it is written by hand: the types and their documentation come from the
 * `kubernetes-models` package (generated from the Kubernetes API's OpenAPI document), turned into
 * JSON schema by `ts-json-schema-generator`.
 *
 * The root schema picks each object's definition by apiVersion and kind (`if`/`then`), so a
 * Deployment is checked as a Deployment, and an object of a kind the schema does not know (a CRD,
 * an Argo Rollout) is left alone. Only stable API versions are included (no alpha or beta), and
 * `status` — written by the cluster, not by people — is a free-form object.
 *
 * Run by `predev` and `prebuild`; writes app/editor/generated/k8s-schema.json, and does nothing
 * when that file is newer than both this script and the installed kubernetes-models.
 *   tsx scripts/gen-k8s-schema.ts [--force]
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';

type Schema = { [k: string]: unknown };

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const models = join(root, 'node_modules', 'kubernetes-models');
const out = join(root, 'app', 'editor', 'generated', 'k8s-schema.json');

export interface KindEntry {
  apiVersion: string;
  kind: string;
  /** The interface name in the .d.ts, e.g. IDeployment. */
  iface: string;
  /** Path of the .d.ts file relative to kubernetes-models. */
  file: string;
}

/** Every stable kind the package declares: an interface with literal apiVersion and kind. */
export function findKinds(dir: string): KindEntry[] {
  const found: KindEntry[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (name === '_schemas' || name === 'node_modules') continue;
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.d.ts')) {
        const src = readFileSync(p, 'utf8');
        const head = /export interface (I\w+) extends TypeMeta \{\n/.exec(src);
        if (!head) continue;
        const body = src.slice(head.index, src.indexOf('\n}', head.index));
        const apiVersion = /\n {4}"apiVersion": "([^"]+)";/.exec(body)?.[1];
        const kind = /\n {4}"kind": "([^"]+)";/.exec(body)?.[1];
        const iface = head[1] as string;
        if (!apiVersion || !kind) continue;
        if (/(alpha|beta)\d*$/.test(apiVersion) || kind.endsWith('List')) continue;
        found.push({ apiVersion, kind, iface, file: relative(dir, p) });
      }
    }
  };
  walk(dir);
  return found.sort((a, b) => a.kind.localeCompare(b.kind) || a.apiVersion.localeCompare(b.apiVersion));
}

function upToDate(): boolean {
  if (!existsSync(out)) return false;
  const built = statSync(out).mtimeMs;
  const inputs = [join(models, 'package.json'), fileURLToPath(import.meta.url)];
  return inputs.every((f) => statSync(f).mtimeMs < built);
}

export function generate(): Schema {
  const kinds = findKinds(models);
  if (!kinds.length) throw new Error('gen-k8s-schema: found no kinds in kubernetes-models');
  const work = mkdtempSync(join(tmpdir(), 'rootlock-k8s-schema-'));
  try {
    return build(kinds, work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function build(kinds: KindEntry[], work: string): Schema {
  // One entry file naming every kind's interface under a unique alias.
  const aliases = kinds.map((k, i) => `K${i}`);
  const lines = kinds.map((k, i) => `import type { ${k.iface} as ${aliases[i]}_ } from ${JSON.stringify(join(models, k.file).replace(/\.d\.ts$/, '.js'))};\nexport type ${aliases[i]} = ${aliases[i]}_;`);
  
  const entry = join(work, 'entry.ts');
  writeFileSync(entry, lines.join('\n') + '\n');
  const tsconfig = join(work, 'tsconfig.json');
  writeFileSync(tsconfig, JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', strict: true, skipLibCheck: true, noEmit: true }, files: [entry] }));

  const config = { path: entry, tsconfig, skipTypeCheck: true, expose: 'export' as const, topRef: true, jsDoc: 'extended' as const, sortProps: false };
  const generator = createGenerator(config);

  // One schema per kind, merged: a definition shared by several kinds is kept once; two different
  // types that happen to share a name (IServiceReference in two API groups) get distinct names.
  const definitions: Record<string, Schema> = {};
  const byKind = new Map<string, string>();
  kinds.forEach((k, i) => {
    const one = generator.createSchema(aliases[i]) as Schema;
    const defs = { ...(one.definitions as Record<string, Schema>) };
    const top = String((defs[aliases[i] as string] as Schema | undefined)?.$ref ?? '').replace('#/definitions/', '') || (aliases[i] as string);
    delete defs[aliases[i] as string];
    const rename = new Map<string, string>();
    // A definition is renamed when it differs from the one already kept under its name, or when it
    // refers to a definition that was renamed (until nothing changes).
    const refsOf = (def: Schema) => [...JSON.stringify(def).matchAll(/"#\/definitions\/([^"]+)"/g)].map((m) => m[1] as string);
    for (let changed = true; changed;) {
      changed = false;
      for (const [name, def] of Object.entries(defs)) {
        if (rename.has(name)) continue;
        const have = definitions[name];
        if (!have || (JSON.stringify(have) === JSON.stringify(def) && !refsOf(def).some((r) => rename.has(r)))) continue;
        let n = 2;
        while (definitions[`${name}${n}`] || [...rename.values()].includes(`${name}${n}`)) n++;
        rename.set(name, `${name}${n}`);
        changed = true;
      }
    }
    const fix = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(fix);
      if (v && typeof v === 'object') {
        const o: Schema = {};
        for (const [key, val] of Object.entries(v as Schema)) {
          if (key === '$ref' && typeof val === 'string') {
            const target = val.replace('#/definitions/', '');
            o[key] = `#/definitions/${rename.get(target) ?? target}`;
          } else o[key] = fix(val);
        }
        return o;
      }
      return v;
    };
    for (const [name, def] of Object.entries(defs)) definitions[rename.get(name) ?? name] = fix(def) as Schema;
    const ref = rename.get(top) ?? top;
    const props = definitions[ref]?.properties as Record<string, Schema> | undefined;
    if (props?.status) props.status = { type: 'object', description: 'Written by the cluster (status of the object); ignored when the manifest is applied.' };
    byKind.set(`${k.apiVersion} ${k.kind}`, ref);
  });

  const docs = (name: string) => {
    const any = definitions[byKind.values().next().value ?? ''] as Schema | undefined;
    return ((any?.properties as Record<string, Schema> | undefined)?.[name]?.description as string | undefined) ?? '';
  };
  const allOf = [...byKind.entries()].map(([key, ref]) => {
    const [apiVersion, kind] = key.split(' ') as [string, string];
    return {
      if: { properties: { apiVersion: { const: apiVersion }, kind: { const: kind } }, required: ['apiVersion', 'kind'] },
      then: { $ref: `#/definitions/${ref}` },
    };
  });
  const kindNames = [...new Set(kinds.map((k) => k.kind))];
  const apiVersions = [...new Set(kinds.map((k) => k.apiVersion))].sort();
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $comment: `Generated by scripts/gen-k8s-schema.ts from kubernetes-models ${JSON.parse(readFileSync(join(models, 'package.json'), 'utf8')).version}; do not edit.`,
    type: 'object',
    properties: {
      apiVersion: { type: 'string', description: docs('apiVersion'), examples: apiVersions },
      kind: { type: 'string', description: docs('kind'), examples: kindNames },
    },
    allOf,
    definitions,
  };
}

function main(): void {
  const force = process.argv.includes('--force');
  if (!force && upToDate()) return;
  const t0 = performance.now();
  const schema = generate();
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(schema));
  const n = (schema.allOf as unknown[]).length;
  console.log(`gen-k8s-schema: ${n} kinds, ${(JSON.stringify(schema).length / 1024).toFixed(0)} KB → ${relative(root, out)} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
