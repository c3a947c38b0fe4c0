import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleCatalog } from '../index.ts';
import type { RuleDocs, Severity } from '../index.ts';
import type { FileResult } from './report.ts';
import { SYNTAX_RULE_ID, problems } from './report.ts';

export interface ToolInfo {
  version: string;
  informationUri: string | undefined;
}

interface PseudoRule {
  id: string;
  severity: Severity;
  docs: RuleDocs;
}

/** Diagnostics are not rules of the engine; SARIF needs a rule for every result, so they get these. */
const PSEUDO_RULES: Record<string, PseudoRule> = {
  [SYNTAX_RULE_ID]: {
    id: SYNTAX_RULE_ID,
    severity: 'error',
    docs: {
      summary: 'File cannot be read as Kubernetes YAML',
      why: 'rootlock could not parse this document: a YAML syntax error, a Helm or Go template that still needs rendering, a file that is not text or is too large. A document that cannot be parsed is not checked at all, so its containers may hide any of the other problems.',
      fix: 'Correct the YAML at the reported position (or render the template first with `helm template` or `kustomize build`) and run rootlock again.',
      url: 'https://yaml.org/spec/1.2.2/',
    },
  },
  'not-an-object': {
    id: 'not-an-object',
    severity: 'warning',
    docs: {
      summary: 'Document is not a Kubernetes object',
      why: 'The document has no `kind` (or is a list or a single value), so rootlock cannot tell which workload it belongs to and does not check it.',
      fix: 'Keep the whole object (Pod, Deployment, …) in the file, or leave files that are not manifests out of the paths rootlock checks.',
      url: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/',
    },
  },
};

function pseudoRule(id: string, severity: Severity): PseudoRule {
  return PSEUDO_RULES[id] ?? {
    id,
    severity,
    docs: {
      summary: `rootlock notice: ${id}`,
      why: 'A note about the text itself rather than about a workload.',
      fix: 'See the message.',
      url: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/',
    },
  };
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

function pascal(id: string): string {
  return id.split(/[^A-Za-z0-9]+/).filter(Boolean).map((p) => p[0]?.toUpperCase() + p.slice(1)).join('');
}

function sarifRule(r: PseudoRule) {
  return {
    id: r.id,
    name: pascal(r.id),
    shortDescription: { text: r.docs.summary },
    fullDescription: { text: r.docs.why },
    help: {
      text: r.docs.fix,
      markdown: `**${r.docs.summary}**\n\n${r.docs.why}\n\n**How to fix:** ${r.docs.fix}\n\n[Documentation](${r.docs.url})`,
    },
    helpUri: r.docs.url,
    defaultConfiguration: { level: LEVEL[r.severity] },
  };
}

/**
 * An artifact location relative to %SRCROOT% (the directory rootlock ran in, which for a CI job is
 * the checkout), with forward slashes and percent-encoding; an absolute file: URI for a file
 * outside it.
 */
export function artifactLocation(abs: string, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = relative(cwd, abs);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(abs).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/** SARIF 2.1.0 with one run, as GitHub code scanning accepts it (github/codeql-action/upload-sarif). */
export function formatSarif(results: readonly FileResult[], tool: ToolInfo, cwd: string): string {
  const rules = ruleCatalog.map((r) => ({ id: r.id, severity: r.severity, docs: r.docs } as PseudoRule));
  rules.push(PSEUDO_RULES[SYNTAX_RULE_ID] as PseudoRule);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const sarifResults = [];
  for (const file of results) {
    const location = artifactLocation(file.abs ?? resolve(cwd, file.display), cwd);
    for (const p of problems(file.analysis)) {
      let ruleIndex = index.get(p.ruleId);
      if (ruleIndex === undefined) {
        ruleIndex = rules.push(pseudoRule(p.ruleId, p.severity)) - 1;
        index.set(p.ruleId, ruleIndex);
      }
      sarifResults.push({
        ruleId: p.ruleId,
        ruleIndex,
        level: LEVEL[p.severity],
        message: { text: p.message },
        locations: [{
          physicalLocation: {
            artifactLocation: location,
            region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
          },
        }],
      });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'rootlock',
          ...(tool.informationUri ? { informationUri: tool.informationUri } : {}),
          version: tool.version,
          semanticVersion: tool.version,
          rules: rules.map(sarifRule),
        },
      },
      columnKind: 'utf16CodeUnits',
      results: sarifResults,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
