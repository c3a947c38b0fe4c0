import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { Analysis, PolicyField, PolicyKind, PolicyOptions } from '../../src/index.ts';
import { exportEngine } from '../export/client.ts';
import { download, YAML_TYPE } from '../export/download.ts';
import type { PolicyBuild } from '../export/protocol.ts';
import { copyShortcut, copyText } from '../share/clipboard.ts';

type Action = PolicyOptions['action'];

const KINDS: Array<{ id: PolicyKind; label: string; hint: string }> = [
  { id: 'vap', label: 'ValidatingAdmissionPolicy', hint: 'Built into Kubernetes 1.30+ (CEL); no add-on to install.' },
  { id: 'kyverno', label: 'Kyverno ClusterPolicy', hint: 'For clusters that run Kyverno 1.11+.' },
  { id: 'gatekeeper', label: 'Gatekeeper constraint', hint: 'For clusters that run OPA Gatekeeper with the k8spspreadonlyrootfilesystem template.' },
];
const ACTIONS: Array<{ id: Action; hint: string }> = [
  { id: 'Deny', hint: 'refuse objects with a writable root' },
  { id: 'Warn', hint: 'admit them, with a warning to kubectl' },
  { id: 'Audit', hint: 'admit them, and record the violation' },
];
/** The objects' metadata.name (the engine's POLICY_NAME; not imported, so the page bundle stays free of the engine). */
const NAME = 'require-read-only-root-filesystem';

/** Names typed in a field: separated by commas, spaces or new lines. */
function names(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter(Boolean))];
}

/**
 * The policy export: a policy that makes every container of Pods and pod templates set
 * readOnlyRootFilesystem (what the restricted standard leaves out), as a ValidatingAdmissionPolicy,
 * a Kyverno ClusterPolicy or a Gatekeeper constraint, with its action, namespaces, and exemptions
 * picked from the file's images and containers or typed in. Generated in the export worker.
 */
export function PolicyExport({ analysis, sectionRef }: { analysis: Analysis; sectionRef: RefObject<HTMLElement | null> }) {
  const id = useId();
  const [kind, setKind] = useState<PolicyKind>('vap');
  const [action, setAction] = useState<Action>('Deny');
  const [include, setInclude] = useState('');
  const [exclude, setExclude] = useState('kube-system');
  const [pickedImages, setPickedImages] = useState<ReadonlySet<string>>(new Set());
  const [pickedContainers, setPickedContainers] = useState<ReadonlySet<string>>(new Set());
  const [otherImages, setOtherImages] = useState('');
  const [otherContainers, setOtherContainers] = useState('');
  const [result, setResult] = useState<PolicyBuild | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [fallback, setFallback] = useState(false);
  const seq = useRef(0);

  // what the file holds, to pick from: the writable containers first (they are what an exemption is for)
  const found = useMemo(() => {
    const images = new Map<string, boolean>();
    const containers = new Map<string, boolean>();
    for (const w of analysis.workloads) {
      for (const c of w.containers) {
        const writable = !c.readOnlyRootFilesystem;
        if (c.image) images.set(c.image, (images.get(c.image) ?? false) || writable);
        containers.set(c.name, (containers.get(c.name) ?? false) || writable);
      }
    }
    const order = (m: Map<string, boolean>) => [...m].sort((a, b) => Number(b[1]) - Number(a[1]) || a[0].localeCompare(b[0])).slice(0, 12);
    return { images: order(images), containers: order(containers), namespaces: [...new Set([...analysis.namespaces.map((n) => n.name), ...analysis.workloads.map((w) => w.namespace).filter((n): n is string => !!n)])] };
  }, [analysis]);

  const options = useMemo<PolicyOptions>(() => {
    const inc = names(include);
    const exc = names(exclude);
    const images = [...new Set([...pickedImages, ...names(otherImages)])];
    const containers = [...new Set([...pickedContainers, ...names(otherContainers)])];
    return {
      action,
      ...(inc.length || exc.length ? { namespaces: { ...(inc.length ? { include: inc } : {}), ...(exc.length ? { exclude: exc } : {}) } } : {}),
      ...(images.length ? { exemptImages: images } : {}),
      ...(containers.length ? { exemptContainers: containers } : {}),
    };
  }, [action, include, exclude, pickedImages, pickedContainers, otherImages, otherContainers]);

  useEffect(() => {
    const n = ++seq.current;
    exportEngine()
      .policy(kind, options)
      .then((r) => {
        if (n !== seq.current) return;
        setResult(r);
        setFailure(null);
      })
      .catch((err: unknown) => n === seq.current && setFailure(String((err as Error)?.message ?? err)));
  }, [kind, options]);

  const fileName = `${NAME}.${kind}.yaml`;
  /** A field with a problem is marked invalid and points at the message. */
  const invalid = (field: PolicyField) => (result && !result.ok && result.problems.some((p) => p.field === field) ? { 'aria-invalid': true, 'aria-errormessage': `${id}-problems` } : {});
  const yaml = result?.ok ? result.yaml : null;
  const toggle = (set: ReadonlySet<string>, value: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(value);
    else next.delete(value);
    return next;
  };

  return (
    <section className="section policy-export" aria-labelledby={`${id}-title`} ref={sectionRef}>
      <h3 id={`${id}-title`} className="section-title">
        Enforce read-only roots <span className="section-sub">a policy for the cluster</span>
      </h3>
      <p className="hint">
        The restricted Pod Security Standard does not check <code>readOnlyRootFilesystem</code>. This policy does: every container, init
        container and ephemeral container of Pods and of Deployment, StatefulSet, DaemonSet, ReplicaSet, Job and CronJob templates.
      </p>

      <fieldset className="policy-fieldset">
        <legend>Policy engine</legend>
        {KINDS.map((k) => (
          <label key={k.id} className="radio">
            <input type="radio" name={`${id}-kind`} value={k.id} checked={kind === k.id} onChange={() => setKind(k.id)} />
            <span>
              {k.label} <span className="hint">{k.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <fieldset className="policy-fieldset">
        <legend>When a container has a writable root</legend>
        {ACTIONS.map((a) => (
          <label key={a.id} className="radio">
            <input type="radio" name={`${id}-action`} value={a.id} checked={action === a.id} onChange={() => setAction(a.id)} />
            <span>
              {a.id} <span className="hint">{a.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <fieldset className="policy-fieldset">
        <legend>Namespaces</legend>
        <div className="field">
          <label htmlFor={`${id}-include`}>Only in these namespaces</label>
          <input id={`${id}-include`} type="text" value={include} placeholder="all namespaces" spellCheck={false} aria-describedby={`${id}-ns-hint`} {...invalid('include')} onChange={(e) => setInclude(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-exclude`}>Except in these namespaces</label>
          <input id={`${id}-exclude`} type="text" value={exclude} placeholder="none" spellCheck={false} aria-describedby={`${id}-ns-hint`} {...invalid('exclude')} onChange={(e) => setExclude(e.target.value)} />
        </div>
        <p id={`${id}-ns-hint`} className="hint">
          Names separated by commas or spaces{kind === 'gatekeeper' ? '; Gatekeeper also takes a prefix ending in *' : ''}. kube-system is left out by
          default: system add-ons often write to their roots.
        </p>
        {found.namespaces.length > 0 && (
          <p className="hint">
            In this file:{' '}
            <button type="button" className="link" onClick={() => setInclude(found.namespaces.join(', '))}>
              only {found.namespaces.join(', ')}
            </button>
          </p>
        )}
      </fieldset>

      <fieldset className="policy-fieldset">
        <legend>Exemptions</legend>
        {found.images.length > 0 && (
          <div className="picks" role="group" aria-label="Exempt images from this file">
            <p className="picks-title">Images in this file</p>
            {found.images.map(([image, writable]) => (
              <label key={image} className="check">
                <input type="checkbox" checked={pickedImages.has(image)} onChange={(e) => setPickedImages(toggle(pickedImages, image, e.target.checked))} />
                <code>{image}</code>
                {writable && <span className="hint"> (writable root)</span>}
              </label>
            ))}
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-images`}>Other exempt images</label>
          <input id={`${id}-images`} type="text" value={otherImages} placeholder="registry.example.com/debug/*" spellCheck={false} aria-describedby={`${id}-img-hint`} {...invalid('exemptImages')} onChange={(e) => setOtherImages(e.target.value)} />
        </div>
        <p id={`${id}-img-hint`} className="hint">An exact image reference, or a prefix ending in *.</p>
        {found.containers.length > 0 && (
          <div className="picks" role="group" aria-label="Exempt container names from this file">
            <p className="picks-title">Container names in this file</p>
            {found.containers.map(([name, writable]) => (
              <label key={name} className="check">
                <input type="checkbox" checked={pickedContainers.has(name)} onChange={(e) => setPickedContainers(toggle(pickedContainers, name, e.target.checked))} />
                <code>{name}</code>
                {writable && <span className="hint"> (writable root)</span>}
              </label>
            ))}
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-containers`}>Other exempt container names</label>
          <input id={`${id}-containers`} type="text" value={otherContainers} placeholder="none" spellCheck={false} {...invalid('exemptContainers')} onChange={(e) => setOtherContainers(e.target.value)} />
        </div>
      </fieldset>

      {failure && <p className="note sev-error" role="alert">The policy could not be generated: {failure}</p>}
      {result && !result.ok && (
        <div className="note sev-error" role="alert" id={`${id}-problems`}>
          <div className="note-text">
            <p>The policy cannot be generated with these settings:</p>
            <ul>{result.problems.map((p) => <li key={p.message}>{p.message}</li>)}</ul>
          </div>
        </div>
      )}
      {result && result.notes.length > 0 && (
        <ul className="notes" aria-label="Notes on the policy">
          {result.notes.map((n) => <li key={n} className="note sev-info"><span className="note-text">{n}</span></li>)}
        </ul>
      )}

      <div className="policy-output-head">
        <h4 id={`${id}-yaml`} className="policy-output-title"><code>{fileName}</code></h4>
        <div className="format-actions">
          <button
            type="button"
            className="btn btn-small btn-secondary"
            disabled={!yaml}
            onClick={() => {
              if (!yaml) return;
              void copyText(yaml).then((ok) => {
                setFallback(!ok);
                setStatus(ok ? 'Copied the policy to the clipboard.' : '');
              });
            }}
          >
            Copy
          </button>
          <button
            type="button"
            className="btn btn-small"
            disabled={!yaml}
            onClick={() => {
              if (!yaml) return;
              download(fileName, yaml, YAML_TYPE);
              setStatus(`Downloaded ${fileName}.`);
            }}
          >
            Download
          </button>
        </div>
      </div>
      <p className="policy-status" aria-live="polite">{status}</p>
      {fallback && yaml && <p className="hint">rootlock may not use the clipboard here: select the policy below and press {copyShortcut()}.</p>}
      <pre className="policy-yaml" tabIndex={0} aria-labelledby={`${id}-yaml`} aria-busy={!result}>
        {yaml ?? (result ? 'Fix the settings above to see the policy.' : 'Generating…')}
      </pre>
    </section>
  );
}
