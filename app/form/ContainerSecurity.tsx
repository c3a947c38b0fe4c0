import type { ContainerView } from '../../src/index.ts';
import { runFormOp } from '../actions.ts';
import { CheckboxField, integerOrEmpty, ListField, TextField, TriStateField } from './fields.tsx';
import type { Placed } from './FormPanel.tsx';
import { TYPE_LABEL } from './FormPanel.tsx';

export const CAPABILITIES = ['ALL', 'NET_BIND_SERVICE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'SETGID', 'SETUID', 'SETPCAP', 'NET_RAW', 'NET_ADMIN', 'SYS_CHROOT', 'SYS_ADMIN', 'SYS_PTRACE', 'SYS_TIME', 'MKNOD', 'AUDIT_WRITE', 'SETFCAP'];

/** The selected container's securityContext. */
export function ContainerSecurity({ workload, container, view, placed }: { workload: number; container: number; view: ContainerView; placed: Placed }) {
  const target = { workload, container };
  const set = (path: string[], value: string | number | boolean | string[] | null) => runFormOp({ op: 'containerSecurity', target, path, value });
  const rofs = placed.filter((p) => p.place.at === 'container-rofs' && p.place.workload === workload && p.place.container === container).map((p) => p.finding);
  const sc = view.security;
  return (
    <section className="section" aria-labelledby="container-security-title">
      <h3 id="container-security-title" className="section-title">
        Container security context <span className="section-sub">{view.name} · {TYPE_LABEL[view.type] ?? view.type}</span>
      </h3>
      <CheckboxField
        label="Read-only root filesystem"
        yamlKey="securityContext.readOnlyRootFilesystem"
        hint={sc.readOnlyRootFilesystem === false ? 'set to false in the YAML' : undefined}
        checked={sc.readOnlyRootFilesystem === true}
        findings={rofs}
        onChange={(v) => set(['readOnlyRootFilesystem'], v ? true : null)}
      />
      <div className="grid-2">
        <TriStateField label="Run as non-root" yamlKey="runAsNonRoot" value={sc.runAsNonRoot} onChange={(v) => set(['runAsNonRoot'], v)} />
        <TextField
          label="Run as user (UID)"
          yamlKey="runAsUser"
          value={sc.runAsUser ?? ''}
          inputMode="numeric"
          placeholder="from the pod or image"
          validate={integerOrEmpty}
          onCommit={(v) => set(['runAsUser'], v === '' ? null : Number(v))}
        />
        <TriStateField label="Allow privilege escalation" yamlKey="allowPrivilegeEscalation" value={sc.allowPrivilegeEscalation} onChange={(v) => set(['allowPrivilegeEscalation'], v)} />
        <TriStateField label="Privileged" yamlKey="privileged" value={sc.privileged} onChange={(v) => set(['privileged'], v)} />
      </div>
      <div className="grid-2">
        <ListField label="Drop capabilities" yamlKey="capabilities.drop" values={sc.capabilitiesDrop} suggestions={CAPABILITIES} onChange={(v) => set(['capabilities', 'drop'], v.length ? v : null)} />
        <ListField label="Add capabilities" yamlKey="capabilities.add" values={sc.capabilitiesAdd} suggestions={CAPABILITIES.filter((c) => c !== 'ALL')} onChange={(v) => set(['capabilities', 'add'], v.length ? v : null)} />
      </div>
    </section>
  );
}
