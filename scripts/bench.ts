/**
 * Engine speed, reported as ratios so that it means the same on any machine:
 *   analyse ÷ parse   — analyze() against the `yaml` package parsing the same text alone
 *   fix-all ÷ parse   — applyFixes() (all rounds, including its analyses) against the same
 *   growth            — how each time grows when the input doubles (1.0× per doubling = linear)
 * on generated files of 1,000, 2,000 and 4,000 Deployments. Run: npm run bench
 */
import { parseAllDocuments } from 'yaml';
import { analyze, applyFixes } from '../src/index.ts';

function deployment(i: number): string {
  const hardened = i % 3 === 0;
  return `# workload ${i}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: team-${i % 7}
  labels: {app: app-${i}, tier: "${i % 2 ? 'web' : 'api'}"}
spec:
  replicas: ${1 + (i % 3)}
  selector:
    matchLabels:
      app: app-${i}
  template:
    metadata:
      labels:
        app: app-${i}
    spec:
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
      containers:
      - name: main
        image: registry.example.com/team/app-${i}:1.${i % 10}.0   # pinned
        ports:
        - containerPort: 8080
        resources:
          limits: {cpu: 500m, memory: 256Mi}
        securityContext:
          allowPrivilegeEscalation: false
${hardened ? '          readOnlyRootFilesystem: true\n' : ''}        volumeMounts:
        - name: config
          mountPath: /etc/app
          readOnly: true
${hardened ? '        - name: tmp\n          mountPath: /tmp\n' : ''}      - name: sidecar
        image: busybox:1.36
        command: ["sh", "-c", "sleep infinity"]
      volumes:
      - name: config
        configMap:
          name: app-${i}-config
${hardened ? '      - name: tmp\n        emptyDir: {sizeLimit: 256Mi}\n' : ''}`;
}

function generate(n: number): string {
  const docs: string[] = [];
  for (let i = 0; i < n; i++) docs.push(deployment(i));
  return docs.join('---\n');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function time(fn: () => void, runs: number): number {
  fn(); // warm-up
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

const sizes = [1000, 2000, 4000];
const rows: Array<{ n: number; kb: number; parse: number; analyse: number; fix: number; passes: number; findings: number }> = [];
for (const n of sizes) {
  const text = generate(n);
  const runs = n <= 1000 ? 7 : n <= 2000 ? 5 : 3;
  const parse = time(() => void parseAllDocuments(text, { version: '1.1', prettyErrors: false, uniqueKeys: true, merge: true }), runs);
  let findings = 0;
  const analyse = time(() => void (findings = analyze(text).findings.length), runs);
  let passes = 0;
  const fix = time(() => void (passes = applyFixes(text).passes), Math.max(1, runs - 2));
  rows.push({ n, kb: Math.round(text.length / 1024), parse, analyse, fix, passes, findings });
}

const f = (x: number) => x.toFixed(2);
console.log('rootlock engine benchmark (medians; ratios are what to compare across machines)\n');
console.log('deployments   size     analyse÷parse   fix-all÷parse   fix rounds   findings');
for (const r of rows) {
  console.log(`${String(r.n).padStart(11)}   ${String(r.kb).padStart(5)}KB   ${f(r.analyse / r.parse).padStart(13)}×   ${f(r.fix / r.parse).padStart(13)}×   ${String(r.passes).padStart(10)}   ${String(r.findings).padStart(8)}`);
}
console.log('\ngrowth per doubling of the input (1.00× = linear):');
for (let i = 1; i < rows.length; i++) {
  const a = rows[i - 1]!;
  const b = rows[i]!;
  console.log(`  ${a.n} → ${b.n}: parse ${f(b.parse / a.parse / 2)}×, analyse ${f(b.analyse / a.analyse / 2)}×, fix-all ${f(b.fix / a.fix / 2)}×`);
}
console.log('\naims: analyse within 2× of parsing, fix-all within 4×, growth linear');
console.log(`(absolute, this machine: parse of ${rows[0]!.n} deployments ${rows[0]!.parse.toFixed(0)} ms)`);
