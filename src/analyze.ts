import type { Analysis, ContainerInfo, Diagnostic, Finding, Fix, Prediction, Severity, WorkloadInfo } from './types.ts';
import { LineIndex } from './text.ts';
import { parseYamlShared } from './yaml/parse.ts';
import type { ParsedDocument } from './yaml/parse.ts';
import type { YNode } from './yaml/tree.ts';
import { asMap, get, getStr } from './yaml/tree.ts';
import { findWorkloads } from './model/index.ts';
import { containerWrites } from './model/writes.ts';
import type { Container, Workload } from './model/index.ts';
import { rules as allRules } from './rules/index.ts';
import type { Report, Rule } from './rules/define.ts';
import { EditBuilder, EditContext } from './fixes/edits.ts';
import { detectStyle } from './fixes/style.ts';
import { ruleContext } from './pss/context.ts';
import type { RuleContext } from './pss/context.ts';
import { namespaceInfos, workloadPss } from './pss/info.ts';
import type { NamespaceInfo } from './pss/info.ts';
import type { PssVersion } from './pss/version.ts';
import { runNamespaceRules } from './pss/wire.ts';

export interface AnalyzeOptions {
  /** Rules to run, as rule objects or ids (default: all). */
  rules?: readonly (Rule | string)[];
  /** Largest text analysed, in characters (default 8 MiB). */
  maxLength?: number;
  /** Pod Security Standards version for pss-baseline / pss-restricted and pssLevel (default latest). */
  pssVersion?: PssVersion;
}

export const DEFAULT_MAX_LENGTH = 8 * 1024 * 1024;

/** Analyses a YAML or JSON text. Never throws: problems with the text become diagnostics. */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  try {
    return analyzeUnsafe(text, options);
  } catch (err) {
    // A bug in rootlock must not take the editor down: report it where the user can see it.
    const lines = new LineIndex(text);
    return result([{ code: 'internal-error', severity: 'error', message: `rootlock could not analyse this text (${(err as Error)?.message ?? String(err)}). This is a bug in rootlock; your text is unchanged.`, range: lines.range(0, 0), docIndex: undefined }], [], []);
  }
}

function analyzeUnsafe(text: string, options: AnalyzeOptions): Analysis {
  const lines = new LineIndex(text);
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (text.length > maxLength) {
    return result([{ code: 'too-large', severity: 'error', message: `This text is ${mb(text.length)} long; rootlock analyses up to ${mb(maxLength)}. Split the file (e.g. one file per workload) and analyse the parts.`, range: lines.range(0, 0), docIndex: undefined }], [], []);
  }
  const binary = findBinary(text);
  if (binary !== -1) {
    const p = lines.position(binary);
    return result([{ code: 'binary', severity: 'error', message: `This is not a text file: it holds a control character (U+${text.charCodeAt(binary).toString(16).toUpperCase().padStart(4, '0')}) at line ${p.line}, column ${p.column}. Open the YAML or JSON manifest itself.`, range: lines.range(binary, binary + 1), docIndex: undefined }], [], []);
  }

  const docs = parseYamlShared(text);
  const diagnostics: Diagnostic[] = [];
  const usable: ParsedDocument[] = [];
  for (const doc of docs) {
    const template = templateAt(text, doc);
    if (template !== -1) {
      diagnostics.push({ code: 'template', severity: 'error', message: 'This is a template, not a manifest: it holds "{{ … }}" expressions (Helm or Go templates). Render it first — `helm template <release> <chart>` or `kustomize build` — and analyse the output.', range: lines.range(template, text.indexOf('}}', template) + 2 || template + 2), docIndex: doc.index });
      continue;
    }
    if (doc.errors.length) {
      for (const e of doc.errors) diagnostics.push({ code: e.code, severity: 'error', message: friendlyMessage(e.code, e.message, keyAt(text, e.start)), range: lines.range(e.start, Math.max(e.end, e.start)), docIndex: doc.index });
      continue;
    }
    const note = describeNonObject(doc.contents);
    if (note) diagnostics.push({ code: 'not-an-object', severity: 'warning', message: note, range: lines.range(doc.contents?.start ?? doc.start, doc.contents?.end ?? doc.start), docIndex: doc.index });
    usable.push(doc);
  }

  const docsForModel = usable.map((d) => ({ index: d.index, contents: d.contents }));
  const workloads = findWorkloads(docsForModel);
  const ruleCtx = ruleContext(docsForModel, options.pssVersion ?? 'latest');
  const ctx = new EditContext(text, detectStyle(text, usable.map((d) => d.contents)));
  const findings: Finding[] = [];
  const rules = options.rules ? options.rules.map((r) => (typeof r === 'string' ? allRules.find((x) => x.id === r) : r)).filter((r): r is Rule => !!r) : allRules;
  for (const w of workloads) runRules(rules, w, ctx, ruleCtx, lines, findings);
  runNamespaceRules(rules, ruleCtx, ctx, lines, findings);
  uniqueKeys(findings);
  const byWorkload = new Map<number, Finding[]>();
  for (const f of findings) {
    const list = byWorkload.get(f.workload);
    if (list) list.push(f);
    else byWorkload.set(f.workload, [f]);
  }
  return result(diagnostics, workloads.map((w) => workloadInfo(w, lines, byWorkload.get(w.index) ?? [], ruleCtx)), findings, namespaceInfos(ruleCtx, lines));
}

function runRules(rules: readonly Rule[], w: Workload, ctx: EditContext, ruleCtx: RuleContext, lines: LineIndex, out: Finding[]): void {
  for (const rule of rules) {
    rule.check(w.pod, (r: Report) => {
      const start = r.at.start;
      const end = Math.max(r.at.end, start);
      const fixes: Fix[] = [];
      for (const spec of r.fixes ?? []) {
        const e = new EditBuilder(ctx);
        spec.edits(e);
        if (e.edits.length) fixes.push({ title: spec.title, applicability: spec.applicability, edits: e.edits, ...(e.locks.length ? { locks: e.locks } : {}) });
      }
      const subject = r.subject ?? r.control;
      out.push({
        key: findingKey(`${rule.id}|${w.index}|${r.container?.name ?? ''}|${start}`, subject),
        ruleId: rule.id,
        severity: r.severity ?? rule.severity,
        message: r.message,
        range: lines.range(start, end),
        workload: w.index,
        kind: w.kind,
        name: w.name,
        namespace: w.namespace,
        container: r.container?.name,
        fixes,
        ...(r.control ? { control: r.control } : {}),
        ...(subject !== undefined ? { subject } : {}),
      });
    }, ruleCtx);
  }
}

/** A finding's key before uniqueKeys(): `base`, then `|subject` when there is one (as in pss/wire.ts). */
function findingKey(base: string, subject: string | undefined): string {
  return subject === undefined ? base : `${base}|${subject}`;
}

/**
 * Makes the keys of one analysis unique: a finding whose key an earlier one already has gets
 * `#2`, `#3` … in report order (rules report in a fixed order, so the same text gives the same keys).
 */
function uniqueKeys(findings: Finding[]): void {
  const seen = new Set<string>();
  for (const f of findings) {
    if (!seen.has(f.key)) {
      seen.add(f.key);
      continue;
    }
    let n = 2;
    while (seen.has(`${f.key}#${n}`)) n++;
    f.key = `${f.key}#${n}`;
    seen.add(f.key);
  }
}

function workloadInfo(w: Workload, lines: LineIndex, mine: Finding[], ruleCtx: RuleContext): WorkloadInfo {
  const pod = w.pod;
  const pss = workloadPss(pod, ruleCtx, lines);
  return {
    kind: w.kind,
    apiVersion: w.apiVersion,
    name: w.name,
    namespace: w.namespace,
    docIndex: w.docIndex,
    podPath: w.podPath.join('.'),
    os: pod.os,
    range: lines.range(w.node.start, w.node.end),
    containers: pod.containers.map((c) => ({
      name: c.name,
      type: c.type,
      image: c.image,
      knowledge: knowledgeInfo(c),
      predicted: predictions(c, mine),
      readOnlyRootFilesystem: c.readOnlyRootFilesystem === true,
      range: lines.range(c.node.start, c.node.end),
      mounts: c.mounts.map((m) => ({
        name: m.name,
        mountPath: m.mountPath,
        readOnly: m.readOnly,
        subPath: m.subPath,
        volumeType: m.volume?.type,
        writable: m.volume ? !m.readOnly && !m.volume.readOnlySource : 'unknown',
        range: lines.range(m.node.start, m.node.end),
      })),
    })),
    volumes: pod.volumes.map((v) => ({ name: v.name, type: v.type, readOnlySource: v.readOnlySource, medium: v.medium, sizeLimit: v.sizeLimit, range: lines.range(v.node.start, v.node.end) })),
    pssLevel: pss.level,
    pss,
  };
}

function knowledgeInfo(c: Container): ContainerInfo['knowledge'] {
  const w = containerWrites(c);
  if (!w.image && !w.runtimes.length) return undefined;
  return { id: w.image?.knowledge.id ?? w.runtimes[0]?.id ?? '', title: w.image?.knowledge.title ?? w.runtimes.map((r) => r.title).join(', '), runtimes: w.runtimes.map((r) => r.id), versionAssumed: w.image?.versionAssumed ?? false };
}

/** For a read-only container: each path it writes that is not writable, with the program's error. */
function predictions(c: Container, findings: Finding[]): Prediction[] {
  if (c.readOnlyRootFilesystem !== true || c.type === 'ephemeral' || c.pod.os === 'windows') return [];
  const out: Prediction[] = [];
  for (const n of containerWrites(c).needs) {
    if (n.advice || n.writability.writable !== false) continue;
    const f = findings.find((x) => x.container === c.name && x.range.start === n.at.start && x.severity === 'error' && (x.subject === n.path || x.message.includes(` ${n.path} `)));
    out.push({
      path: n.path,
      what: n.what,
      error: n.error,
      reason: n.writability.mount ? n.writability.reason : 'the root filesystem is read-only',
      origin: n.origin,
      fix: f?.fixes[0]?.title,
      source: n.knowledge?.source?.url,
    });
  }
  return out;
}

function result(diagnostics: Diagnostic[], workloads: WorkloadInfo[], findings: Finding[], namespaces: NamespaceInfo[] = []): Analysis {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length + diagnostics.filter((d) => d.severity === s).length;
  let containers = 0;
  let readOnlyContainers = 0;
  for (const w of workloads) for (const c of w.containers) {
    containers++;
    if (c.readOnlyRootFilesystem) readOnlyContainers++;
  }
  return { diagnostics, workloads, findings, namespaces, summary: { errors: count('error'), warnings: count('warning'), infos: count('info'), containers, readOnlyContainers } };
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Offset of the first character that no text file holds (NUL and most C0 controls), or -1. */
function findBinary(text: string): number {
  // eslint-disable-next-line no-control-regex
  const m = /[\u0000-\u0008\u000E-\u001A\u001C-\u001F]/.exec(text);
  return m ? m.index : -1;
}

/**
 * Where a document uses `{{ … }}` as YAML structure, which only a template does; `{{` inside a
 * string value (a ConfigMap's embedded config, a quoted command) is just text.
 */
function templateAt(text: string, doc: ParsedDocument): number {
  let at = text.indexOf('{{', doc.start);
  if (at === -1 || at >= doc.end) return -1;
  if (doc.errors.length) return at;
  const strings: Array<[number, number]> = [];
  const seen = new Set<YNode>();
  const walk = (n: YNode | null): void => {
    if (!n || seen.has(n)) return;
    seen.add(n);
    if (n.kind === 'scalar') {
      if (typeof n.value === 'string' && n.value.includes('{{')) strings.push([n.start, n.end]);
    } else if (n.kind === 'seq') n.items.forEach(walk);
    else for (const p of n.pairs) {
      walk(p.key);
      walk(p.value);
    }
  };
  walk(doc.contents);
  for (; at !== -1 && at < doc.end; at = text.indexOf('{{', at + 2)) {
    const a = at;
    if (!strings.some(([s, e]) => a >= s && a < e)) return at;
  }
  return -1;
}

/** The mapping key written at `offset` (the yaml package marks only its first character). */
function keyAt(text: string, offset: number): string {
  const line = text.slice(offset, text.indexOf('\n', offset) === -1 ? text.length : text.indexOf('\n', offset));
  const quoted = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')/.exec(line);
  if (quoted) return quoted[1] as string;
  return (/^[^:#]*?(?=\s*:(\s|$))/.exec(line)?.[0] ?? line.split(/\s/)[0] ?? '').trim();
}

function friendlyMessage(code: string, message: string, at: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return `Duplicate key${at ? ` ${at.startsWith('"') || at.startsWith("'") ? at : `"${at}"`}` : ''}: a key may appear only once in a mapping (the API server rejects the object or keeps only one value)`;
    case 'TAB_AS_INDENT':
      return 'A tab is used for indentation; YAML allows only spaces there';
    case 'ALIAS_BOMB':
      return message;
    default:
      return `YAML syntax error: ${message.replace(/\s+/g, ' ').trim()}`;
  }
}

/** Explains a document that is not a Kubernetes object, or returns undefined. */
function describeNonObject(n: YNode | null): string | undefined {
  if (!n) return undefined;
  const tail = 'rootlock analyses whole objects (Pod, Deployment, StatefulSet, …): paste the object it belongs to.';
  if (n.kind === 'scalar') return n.value === null ? undefined : `This document is a single value, not a Kubernetes object. ${tail}`;
  if (n.kind === 'seq') {
    const first = asMap(n.items[0]);
    if (first && get(first, 'name') && (get(first, 'emptyDir') || get(first, 'configMap') || get(first, 'secret') || get(first, 'persistentVolumeClaim') || get(first, 'hostPath'))) {
      return `This document is a list of volumes (a fragment of a pod spec), not a Kubernetes object. ${tail}`;
    }
    if (first && get(first, 'image')) return `This document is a list of containers (a fragment of a pod spec), not a Kubernetes object. ${tail}`;
    return `This document is a list, not a Kubernetes object. ${tail}`;
  }
  if (getStr(n, 'kind') !== undefined) return undefined;
  const has = (k: string) => get(n, k) !== null;
  let what: string;
  if (has('volumes') && !has('containers')) what = 'a `volumes:` fragment of a pod spec';
  else if (has('containers')) what = 'a pod spec (the part under `spec:`)';
  else if (has('image') && has('name')) what = 'a single container';
  else if (has('apiVersion') || has('metadata')) what = 'an object without its `kind`';
  else if (has('readOnlyRootFilesystem') || has('runAsNonRoot') || has('runAsUser')) what = 'a securityContext';
  else if (has('template') || has('selector') || has('replicas')) what = 'a workload `spec:`';
  else what = 'a mapping with no `kind`';
  return `This document has no "kind": it looks like ${what}, not a Kubernetes object. ${tail}`;
}
