import rule from './pss-baseline.ts';
import { ruleTester } from './rule-tester.ts';

const pod = (spec: string, meta = '') => `apiVersion: v1
kind: Pod
metadata:
  name: p
${meta}spec:
${spec}`;

ruleTester(rule, {
  valid: [
    pod('  containers:\n  - name: app\n    image: nginx\n'),
    {
      name: 'allowed values of every baseline control',
      code: pod(`  securityContext:
    seLinuxOptions: {type: container_t, level: "s0:c1,c2"}
    seccompProfile: {type: RuntimeDefault}
    sysctls:
    - {name: net.ipv4.ip_unprivileged_port_start, value: "0"}
  volumes:
  - name: data
    emptyDir: {}
  containers:
  - name: app
    image: nginx
    ports:
    - containerPort: 8080
      hostPort: 0
    securityContext:
      privileged: false
      procMount: Default
      capabilities:
        add: [NET_BIND_SERVICE, CHOWN]
      appArmorProfile: {type: RuntimeDefault}
    livenessProbe:
      httpGet: {path: /, port: 8080}
`, '  annotations:\n    container.apparmor.security.beta.kubernetes.io/app: runtime/default\n'),
    },
    {
      name: 'a user-namespaced pod may unmask /proc at baseline (v1.35+)',
      code: pod('  hostUsers: false\n  containers:\n  - name: app\n    securityContext:\n      procMount: Unmasked\n'),
    },
    {
      name: 'restricted-only settings are not baseline findings',
      code: pod('  containers:\n  - name: app\n    securityContext:\n      allowPrivilegeEscalation: true\n      runAsUser: 0\n'),
    },
  ],
  invalid: [
    {
      name: 'privileged container: at the field',
      code: pod('  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      privileged: true\n'),
      findings: [{
        line: 10, column: 7, container: 'app',
        message: 'Pod "p" does not meet Pod Security "baseline:latest", control privileged (Privileged Containers): spec.containers[0].securityContext.privileged is true. Pod security admission says: privileged (container "app" must not set securityContext.privileged=true)',
        fixes: [{ title: 'Set privileged: false', applicability: 'manual', output: pod('  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      privileged: false\n') }],
      }],
      output: null,
    },
    {
      name: 'one finding per failing control, in pod-security admission order',
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    metadata:
      annotations:
        container.apparmor.security.beta.kubernetes.io/agent: unconfined
    spec:
      hostPID: true
      hostNetwork: true
      volumes:
      - name: root
        hostPath: {path: /}
      containers:
      - name: agent
        image: agent:1
        securityContext:
          capabilities: {add: [SYS_ADMIN]}
          seccompProfile: {type: Unconfined}
`,
      findings: [
        { line: 9, column: 9, message: /control appArmorProfile \(AppArmor\): spec\.template\.metadata\.annotations\["container\.apparmor\.security\.beta\.kubernetes\.io\/agent"\] is "unconfined"\. Pod security admission says: forbidden AppArmor profile \(annotation must not set AppArmor profile type to "container\.apparmor\.security\.beta\.kubernetes\.io\/agent="unconfined""\)$/ },
        { line: 20, column: 32, container: 'agent', message: /control capabilities_baseline .*add\[0\] adds "SYS_ADMIN"/ },
        { line: 12, column: 7, message: /control hostNamespaces \(Host Namespaces\): spec\.template\.spec\.hostNetwork is true \(and 1 more place\)\. Pod security admission says: host namespaces \(hostNetwork=true, hostPID=true\)$/ },
        { line: 15, column: 9, message: /control hostPathVolumes .*spec\.template\.spec\.volumes\[0\]\.hostPath is a hostPath volume/ },
        { line: 21, column: 28, container: 'agent', message: /control seccompProfile_baseline .*seccompProfile\.type is "Unconfined"/ },
      ],
      output: null,
    },
    {
      name: 'a field written through a YAML alias is reported where it is written',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    securityContext: &priv
      privileged: true
  - name: b
    securityContext: *priv
`,
      findings: [{ line: 9, column: 7, container: 'a', message: /containers "a", "b" must not set securityContext\.privileged=true/ }],
    },
    {
      name: 'sysctls allowed only from a later version are forbidden at latest when unknown',
      code: pod('  securityContext:\n    sysctls:\n    - {name: kernel.msgmax, value: "65536"}\n    - {name: net.ipv4.tcp_notsent_lowat, value: "16384"}\n  containers:\n  - name: app\n'),
      findings: [{ line: 8, column: 8, message: /control sysctls \(Sysctls\): spec\.securityContext\.sysctls\[0\]\.name is "kernel\.msgmax"\. Pod security admission says: forbidden sysctls \(kernel\.msgmax\)$/ }],
    },
    {
      name: 'probe hosts (baseline since v1.34)',
      code: pod('  containers:\n  - name: app\n    livenessProbe:\n      httpGet: {host: 10.0.0.1, port: 80}\n'),
      findings: [{ line: 9, column: 17, container: 'app', message: /control hostProbesAndHostLifecycle .*livenessProbe\.httpGet\.host is "10\.0\.0\.1"/ }],
    },
    {
      name: 'Windows HostProcess and SELinux user',
      code: pod('  securityContext:\n    windowsOptions: {hostProcess: true}\n  containers:\n  - name: app\n    securityContext:\n      seLinuxOptions: {user: system_u}\n'),
      findings: [
        { line: 11, column: 24, container: 'app', message: /control seLinuxOptions .*seLinuxOptions\.user is set.*container "app" set forbidden securityContext\.seLinuxOptions: user may not be set\)$/ },
        { line: 7, column: 22, message: /control windowsHostProcess .*pod must not set securityContext\.windowsOptions\.hostProcess=true\)$/ },
      ],
    },
  ],
});
