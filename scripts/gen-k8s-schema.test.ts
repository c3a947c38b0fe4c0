import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findKinds, generate } from './gen-k8s-schema.ts';

const models = join(import.meta.dirname, '..', 'node_modules', 'kubernetes-models');

describe('the Kubernetes schema generator', () => {
  it('finds the stable workload kinds in kubernetes-models, and no List, alpha or beta kinds', () => {
    const kinds = findKinds(models).map((k) => `${k.apiVersion} ${k.kind}`);
    for (const k of ['v1 Pod', 'apps/v1 Deployment', 'apps/v1 StatefulSet', 'apps/v1 DaemonSet', 'batch/v1 Job', 'batch/v1 CronJob', 'v1 ConfigMap', 'v1 Namespace']) expect(kinds).toContain(k);
    expect(kinds.filter((k) => /List$|alpha|beta/.test(k))).toEqual([]);
  });

  it('generates a schema that matches objects by apiVersion and kind, with the API docs', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const schema = generate() as any;
    const rule = schema.allOf.find((r: { if: { properties: { kind: { const: string }; apiVersion: { const: string } } } }) => r.if.properties.kind.const === 'Deployment' && r.if.properties.apiVersion.const === 'apps/v1');
    expect(rule.then.$ref).toBe('#/definitions/IDeployment');
    const sc = schema.definitions.ISecurityContext;
    expect(sc.properties.readOnlyRootFilesystem.type).toBe('boolean');
    expect(sc.properties.readOnlyRootFilesystem.description).toMatch(/read-only root filesystem/);
    expect(sc.additionalProperties).toBe(false);
    // every $ref points at a definition that exists
    const refs = [...JSON.stringify(schema).matchAll(/"#\/definitions\/([^"]+)"/g)].map((m) => m[1] as string);
    expect(refs.filter((r) => !schema.definitions[r])).toEqual([]);
  });
});
