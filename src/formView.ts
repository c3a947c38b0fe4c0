/**
 * The form's view of a manifest: the values the editor's form shows (securityContext fields,
 * volume sources, mounts), as plain data that a Web Worker can post. It reads the text with the
 * same parser and model as formEdits(), so workloads, containers, volumes and mounts come in the
 * same order — and with the same indexes — as Analysis.workloads and the FormOp targets.
 *
 * Values are shown as written: a runAsUser written as "1000" (a string) is "1000"; a field the
 * text does not set is undefined.
 */
import { parseYamlShared } from './yaml/parse.ts';
import type { YMap, YNode } from './yaml/tree.ts';
import { asMap, asScalar, asSeq, get, getPath, str } from './yaml/tree.ts';
import { findWorkloads } from './model/index.ts';
import type { Container, ContainerType, Volume } from './model/index.ts';
import { LineIndex } from './text.ts';

export interface FormViewSyntaxError {
  message: string;
  /** Offset, 1-based line and column of the first error. */
  start: number;
  end: number;
  line: number;
  column: number;
}

export interface PodSecurityView {
  runAsNonRoot: boolean | undefined;
  runAsUser: string | undefined;
  runAsGroup: string | undefined;
  fsGroup: string | undefined;
  seccompProfileType: string | undefined;
  /** Set at pod level, where Kubernetes ignores it (rule ro-root-fs-pod-level). */
  readOnlyRootFilesystem: boolean | undefined;
}

export interface ContainerSecurityView {
  readOnlyRootFilesystem: boolean | undefined;
  runAsNonRoot: boolean | undefined;
  runAsUser: string | undefined;
  allowPrivilegeEscalation: boolean | undefined;
  privileged: boolean | undefined;
  capabilitiesAdd: string[];
  capabilitiesDrop: string[];
}

export interface MountView {
  /** Position in the container's volumeMounts (the FormOp `index`). */
  index: number;
  name: string;
  mountPath: string;
  readOnly: boolean;
  subPath: string | undefined;
}

export interface ContainerView {
  name: string;
  type: ContainerType;
  image: string | undefined;
  security: ContainerSecurityView;
  mounts: MountView[];
}

export type VolumeSourceView =
  | { type: 'emptyDir'; medium: string | undefined; sizeLimit: string | undefined }
  | { type: 'configMap'; name: string | undefined }
  | { type: 'secret'; secretName: string | undefined }
  | { type: 'persistentVolumeClaim'; claimName: string | undefined; readOnly: boolean }
  /** Any other source (hostPath, projected, csi …): the form shows its YAML, read-only. */
  | { type: 'other'; sourceType: string };

export interface VolumeView {
  name: string;
  /** A StatefulSet volumeClaimTemplates entry: edited in the YAML, not in the form. */
  claimTemplate: boolean;
  source: VolumeSourceView;
  /** [start, end) of the volume's text. */
  start: number;
  end: number;
}

export interface WorkloadView {
  kind: string;
  name: string;
  pod: PodSecurityView;
  containers: ContainerView[];
  volumes: VolumeView[];
}

export interface FormView {
  /** The first syntax error, when the text does not parse: the form then cannot edit it. */
  syntaxError: FormViewSyntaxError | undefined;
  workloads: WorkloadView[];
}

/** Reads the values the form shows. Never throws: text that does not parse gives syntaxError. */
export function formView(text: string): FormView {
  try {
    const docs = parseYamlShared(text);
    const broken = docs.find((d) => d.errors.length);
    if (broken) {
      const e = broken.errors[0] as { message: string; start: number; end: number };
      return { syntaxError: { message: firstLine(e.message), start: e.start, end: e.end, ...new LineIndex(text).position(e.start) }, workloads: [] };
    }
    const workloads = findWorkloads(docs.map((d) => ({ index: d.index, contents: d.contents })));
    return {
      syntaxError: undefined,
      workloads: workloads.map((w) => ({
        kind: w.kind,
        name: w.name,
        pod: podSecurity(w.pod.securityContext),
        containers: w.pod.containers.map(containerView),
        volumes: w.pod.volumes.map(volumeView),
      })),
    };
  } catch (err) {
    return { syntaxError: { message: `rootlock could not read this text (${String((err as Error)?.message ?? err)})`, start: 0, end: 0, line: 1, column: 1 }, workloads: [] };
  }
}

function podSecurity(sc: YMap | null): PodSecurityView {
  return {
    runAsNonRoot: bool(get(sc, 'runAsNonRoot')),
    runAsUser: scalarText(get(sc, 'runAsUser')),
    runAsGroup: scalarText(get(sc, 'runAsGroup')),
    fsGroup: scalarText(get(sc, 'fsGroup')),
    seccompProfileType: scalarText(getPath(sc, ['seccompProfile', 'type'])),
    readOnlyRootFilesystem: bool(get(sc, 'readOnlyRootFilesystem')),
  };
}

function containerView(c: Container): ContainerView {
  const sc = c.securityContext;
  return {
    name: c.name,
    type: c.type,
    image: c.image,
    security: {
      readOnlyRootFilesystem: c.readOnlyRootFilesystem,
      runAsNonRoot: bool(get(sc, 'runAsNonRoot')),
      runAsUser: scalarText(get(sc, 'runAsUser')),
      allowPrivilegeEscalation: bool(get(sc, 'allowPrivilegeEscalation')),
      privileged: bool(get(sc, 'privileged')),
      capabilitiesAdd: strings(getPath(sc, ['capabilities', 'add'])),
      capabilitiesDrop: strings(getPath(sc, ['capabilities', 'drop'])),
    },
    mounts: c.mounts.map((m) => ({ index: m.index, name: m.name, mountPath: m.mountPath, readOnly: m.readOnly, subPath: m.subPath })),
  };
}

function volumeView(v: Volume): VolumeView {
  const src = asMap(get(v.node, v.type));
  let source: VolumeSourceView;
  if (v.claimTemplate) source = { type: 'other', sourceType: 'volumeClaimTemplate' };
  else if (v.type === 'emptyDir') source = { type: 'emptyDir', medium: v.medium, sizeLimit: v.sizeLimit };
  else if (v.type === 'configMap') source = { type: 'configMap', name: scalarText(get(src, 'name')) };
  else if (v.type === 'secret') source = { type: 'secret', secretName: scalarText(get(src, 'secretName')) };
  else if (v.type === 'persistentVolumeClaim') source = { type: 'persistentVolumeClaim', claimName: scalarText(get(src, 'claimName')), readOnly: bool(get(src, 'readOnly')) === true };
  else source = { type: 'other', sourceType: v.type };
  return { name: v.name, claimTemplate: v.claimTemplate, source, start: v.node.start, end: v.node.end };
}

function bool(n: YNode | null): boolean | undefined {
  const v = asScalar(n)?.value;
  return typeof v === 'boolean' ? v : undefined;
}

function scalarText(n: YNode | null): string | undefined {
  return str(n);
}

function strings(n: YNode | null): string[] {
  return (asSeq(n)?.items ?? []).map((i) => str(i)).filter((s): s is string => s !== undefined);
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
