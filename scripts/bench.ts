/**
 * Engine speed, reported as ratios so that it means the same on any machine:
 *   analyse ÷ parse   — analyze() against the `yaml` package parsing the same text alone
 *   fix-all ÷ parse   — applyFixes() (all rounds, including its analyses) against the same
 *   +view ÷ parse     — analyze() then formView() of the same text, as the editor's worker answers
 *                       each keystroke (the form's view follows the markers)
 *   edit ÷ parse      — analyze() of the text with one character changed in its middle document,
 *                       right after analyze() of the text before the edit (a keystroke: the parse
 *                       of the unchanged documents is remembered)
 *   growth            — how each time grows when the input doubles (1.0× per doubling = linear)
 * on generated files of 1,000, 2,000 and 4,000 Deployments. Run: npm run bench
 */
import { parseAllDocuments } from 'yaml';
import { analyze, applyFixes, formView } from '../src/index.ts';
import { forgetSharedParse } from '../src/yaml/parse.ts';

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

/**
 * Each run gets its own text (`variants[i]`: the text with a different last comment), and the
 * parse the engine remembers is forgotten before it, so nothing remembered of one text makes the
 * next run faster (the edit column measures that).
 */
function time(fn: (text: string) => void, variants: readonly string[]): number {
  const runs = variants.length - 1;
  fn(variants[runs] as string); // warm-up
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const v = variants[i] as string;
    forgetSharedParse();
    const t0 = performance.now();
    fn(v);
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

/**
 * analyze() of `text` with one character of its middle document changed, each run right after
 * analyze() of the unedited text (untimed), as a keystroke follows the previous keystroke.
 */
function timeEdit(text: string, n: number, runs: number): number {
  const at = text.indexOf(`  replicas: `, text.indexOf(`name: app-${Math.floor(n / 2)}\n`)) + '  replicas: '.length;
  const ts: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const edited = `${text.slice(0, at)}${'abcdefghij'[i % 10]}${text.slice(at + 1)}`;
    analyze(text);
    const t0 = performance.now();
    analyze(edited);
    if (i > 0) ts.push(performance.now() - t0); // the first is the warm-up
  }
  return median(ts);
}

const sizes = [1000, 2000, 4000];
const rows: Array<{ n: number; kb: number; parse: number; analyse: number; view: number; edit: number; fix: number; passes: number; findings: number }> = [];
for (const n of sizes) {
  const text = generate(n);
  const runs = n <= 1000 ? 7 : n <= 2000 ? 5 : 3;
  const variants = Array.from({ length: runs + 1 }, (_, i) => `${text}# run ${i}\n`);
  const parse = time((t) => void parseAllDocuments(t, { version: '1.1', prettyErrors: false, uniqueKeys: true, merge: true }), variants);
  let findings = 0;
  const analyse = time((t) => void (findings = analyze(t).findings.length), variants);
  const view = time((t) => void (analyze(t), formView(t)), variants);
  const edit = timeEdit(text, n, runs);
  let passes = 0;
  const fix = time((t) => void (passes = applyFixes(t).passes), variants.slice(-Math.max(2, runs - 1)));
  rows.push({ n, kb: Math.round(text.length / 1024), parse, analyse, view, edit, fix, passes, findings });
}

const f = (x: number) => x.toFixed(2);
console.log('rootlock engine benchmark (medians; ratios are what to compare across machines)\n');
console.log('deployments   size     analyse÷parse   +view÷parse   edit÷parse   fix-all÷parse   fix rounds   findings');
for (const r of rows) {
  console.log(`${String(r.n).padStart(11)}   ${String(r.kb).padStart(5)}KB   ${f(r.analyse / r.parse).padStart(13)}×   ${f(r.view / r.parse).padStart(11)}×   ${f(r.edit / r.parse).padStart(10)}×   ${f(r.fix / r.parse).padStart(13)}×   ${String(r.passes).padStart(10)}   ${String(r.findings).padStart(8)}`);
}
console.log('\ngrowth per doubling of the input (1.00× = linear):');
for (let i = 1; i < rows.length; i++) {
  const a = rows[i - 1]!;
  const b = rows[i]!;
  console.log(`  ${a.n} → ${b.n}: parse ${f(b.parse / a.parse / 2)}×, analyse ${f(b.analyse / a.analyse / 2)}×, +view ${f(b.view / a.view / 2)}×, fix-all ${f(b.fix / a.fix / 2)}×`);
}
console.log('\naims: analyse within 2× of parsing, fix-all within 4×, growth linear');
console.log(`(absolute, this machine: parse of ${rows[0]!.n} deployments ${rows[0]!.parse.toFixed(0)} ms)`);
