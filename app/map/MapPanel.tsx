import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Analysis, FilesystemMap, Finding } from '../../src/index.ts';
import { applyFix, fixAll } from '../actions.ts';
import { reveal } from '../editor/bridge.ts';
import { engine } from '../engine/instance.ts';
import { useStore } from '../store/index.ts';
import type { Analysed } from '../store/index.ts';
import { download, pngOf, standaloneSvg } from './exportImage.ts';
import { fixForNode } from './fixes.ts';
import { InlineIcon } from './icons.tsx';
import type { IconKind } from './icons.tsx';
import { KIND_TEXT, layoutMap } from './layout.ts';
import type { LaidNode } from './layout.ts';
import { MapSvg } from './MapSvg.tsx';
import { StartupStory } from './StartupStory.tsx';
import './map.css';

/** The Map tab: the selected workload's filesystem map, its start-up story, and picture export. */
export function MapPanel() {
  const current = useStore((s) => s.current);
  const lastValid = useStore((s) => s.lastValid);
  const frozen = !!current?.view.syntaxError;
  const analysed: Analysed | null = frozen ? lastValid : current;
  if (!current) return <p className="empty">Analysing the manifest…</p>;
  if (!analysed) return <p className="empty">The map appears once the YAML parses.</p>;
  if (!analysed.analysis.workloads.length) return <EmptyMap analysis={analysed.analysis} />;
  return <WorkloadMap analysed={analysed} frozen={frozen} />;
}

function EmptyMap({ analysis }: { analysis: Analysis }) {
  const setNewOpen = useStore((s) => s.setNewOpen);
  return (
    <div className="empty-form">
      <p className="empty">
        No workload to draw. The map shows the containers of a Pod, Deployment, StatefulSet, DaemonSet, Job, CronJob or other object with a pod
        template: what each one can write, and what would fail at start-up.
      </p>
      {analysis.diagnostics.length > 0 && (
        <ul className="notes">
          {analysis.diagnostics.map((d) => <li key={`${d.code}${d.range.start}`} className={`note sev-${d.severity}`}><span className="note-text">{d.message}</span></li>)}
        </ul>
      )}
      <button type="button" className="btn" aria-haspopup="dialog" onClick={() => setNewOpen(true)}>New workload from an image…</button>
    </div>
  );
}

interface Drawn {
  version: number;
  workload: number;
  map: FilesystemMap | undefined;
  findings: Finding[];
}

const NONE: ReadonlySet<string> = new Set();

function WorkloadMap({ analysed, frozen }: { analysed: Analysed; frozen: boolean }) {
  const selection = useStore((s) => s.selection);
  const select = useStore((s) => s.select);
  const notify = useStore((s) => s.notify);
  const textVersion = useStore((s) => s.version);
  const editorSel = useStore((s) => s.editorSelection);
  const split = useStore((s) => s.split);
  const setSplit = useStore((s) => s.setSplit);
  // "Wide map": the split before it was pressed, to go back to
  const [wideFrom, setWideFrom] = useState<number | null>(null);
  const wide = wideFrom !== null && split <= 32;
  const { analysis } = analysed;
  const workloads = analysis.workloads;
  const wi = Math.min(selection.workload, workloads.length - 1);
  const [drawn, setDrawn] = useState<Drawn | null>(null);
  const [error, setError] = useState<string | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const pickerId = useId();
  const tipId = useId();

  // the map of the analysed text, for the selected workload (a newer one replaces it when it comes)
  useEffect(() => {
    let live = true;
    engine()
      .map(analysed.text, analysed.version, wi)
      .then((map) => {
        if (!live) return;
        setDrawn({ version: analysed.version, workload: wi, map, findings: analysis.findings });
        setError(null);
      })
      .catch((err: unknown) => live && setError(String((err as Error)?.message ?? err)));
    return () => {
      live = false;
    };
  }, [analysed, analysis, wi]);

  const map = drawn?.map;
  const fixes = useMemo(() => {
    const out = new Map<string, { finding: Finding; index: number }>();
    if (!drawn?.map) return out;
    drawn.map.columns.forEach((col, ci) => {
      for (const n of col.nodes) {
        const fx = fixForNode(n, col.container, drawn.workload, drawn.findings);
        if (fx) out.set(`${ci}:${n.path}`, fx);
      }
    });
    return out;
  }, [drawn]);
  const layout = useMemo(() => (map ? layoutMap(map, (ci, n) => fixes.has(`${ci}:${n.path}`)) : null), [map, fixes]);

  // the node(s) whose YAML holds the editor's cursor: the innermost range around the selection
  const current = useMemo(() => {
    if (!layout || !drawn || !editorSel || editorSel.version !== drawn.version) return NONE;
    let best: { start: number; end: number } | undefined;
    for (const n of layout.nodes) {
      const r = n.node.range;
      if (r.start <= editorSel.start && editorSel.end <= r.end && (!best || r.end - r.start < best.end - best.start)) best = r;
    }
    if (!best) return NONE;
    const b = best;
    return new Set(layout.nodes.filter((n) => n.node.range.start === b.start && n.node.range.end === b.end).map((n) => n.id));
  }, [layout, drawn, editorSel]);

  // the tooltip: the node under the pointer, else the focused one; Escape hides it
  const [hovered, setHovered] = useState<LaidNode | null>(null);
  const [focused, setFocused] = useState<LaidNode | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const hideTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(hideTimer.current), []);
  const pointed = dismissed ? null : (hovered ?? focused);
  const livePointed = pointed && layout?.nodes.find((n) => n.id === pointed.id);
  const anchor = useAnchorRect(svgRef, livePointed?.id);

  if (error) return <p className="empty">The map could not be drawn: {error}</p>;
  if (!drawn || !layout || !map || drawn.workload !== wi) return <p className="empty">Drawing the map…</p>;

  const stale = drawn.version !== textVersion;
  const title = `Filesystem map of ${map.workload.kind} ${map.workload.namespace ? `${map.workload.namespace}/` : ''}${map.workload.name}`;
  const failingCount = layout.nodes.filter((n) => n.failing).length;
  const unlocked = map.columns.filter((c) => !c.readOnlyRoot && c.type !== 'ephemeral').map((c) => `"${c.container}"`);
  const fixable = analysis.findings.some((f) => f.fixes.some((x) => x.applicability !== 'manual'));
  const fixOf = (n: LaidNode) => (frozen ? undefined : fixes.get(n.id)?.finding.fixes[fixes.get(n.id)?.index ?? 0]?.title);

  const activate = (n: LaidNode) => {
    if (stale) return; // the offsets belong to an older text; the new map is on its way
    reveal(n.node.range, { focus: false });
    const col = map.columns[n.column];
    const ci = workloads[wi]?.containers.findIndex((c) => c.name === col?.container) ?? -1;
    if (ci >= 0) select({ workload: wi, container: ci });
  };
  const fix = (n: LaidNode) => {
    const fx = fixes.get(n.id);
    if (fx && !frozen) void applyFix(fx.finding, fx.index, drawn.version);
  };
  const fileBase = `${map.workload.name || 'workload'}-filesystem-map`;
  const background = () => getComputedStyle(document.documentElement).getPropertyValue('--panel').trim() || '#ffffff';
  const downloadSvg = () => {
    if (!svgRef.current) return;
    const text = standaloneSvg(svgRef.current, { title, background: background() });
    download(new Blob([text], { type: 'image/svg+xml' }), `${fileBase}.svg`);
    notify(`Downloaded ${fileBase}.svg.`);
  };
  const downloadPng = async () => {
    if (!svgRef.current) return;
    try {
      const text = standaloneSvg(svgRef.current, { title, background: background() });
      download(await pngOf(text, layout.width, layout.height), `${fileBase}.png`);
      notify(`Downloaded ${fileBase}.png.`);
    } catch (err) {
      notify(`The PNG could not be made: ${String((err as Error)?.message ?? err)}`, 'error');
    }
  };

  const tipFix = livePointed ? fixOf(livePointed) : undefined;

  return (
    <div className="map-panel">
      <div className="map-toolbar">
        {workloads.length > 1 && (
          <div className="field map-picker">
            <label htmlFor={pickerId}>Workload</label>
            <select id={pickerId} value={wi} onChange={(e) => select({ workload: Number(e.target.value) })}>
              {workloads.map((w, i) => <option key={i} value={i}>{`${w.kind} ${w.namespace ? `${w.namespace}/` : ''}${w.name}`}</option>)}
            </select>
          </div>
        )}
        <div className="map-actions">
          <button type="button" className="btn btn-small" disabled={!fixable || frozen} onClick={() => void fixAll()} title="Applies every safe and unsafe fix; suggestions that need your judgement are left to you">Fix all</button>
          <button type="button" className="btn btn-small btn-secondary" onClick={downloadSvg}>Download SVG</button>
          <button type="button" className="btn btn-small btn-secondary" onClick={() => void downloadPng()}>Download PNG</button>
          <button
            type="button"
            className="btn btn-small btn-secondary wide-toggle"
            aria-pressed={wide}
            title="Gives the side panel more of the window (drag the divider to adjust)"
            onClick={() => {
              if (wide) {
                setSplit(wideFrom);
                setWideFrom(null);
              } else {
                setWideFrom(split);
                setSplit(30);
              }
            }}
          >
            Wide map
          </button>
        </div>
      </div>
      <p className={`map-status ${failingCount ? 'bad' : unlocked.length ? 'warn' : 'ok'}`}>
        <span className="map-status-mark" aria-hidden="true">{failingCount ? '✗' : unlocked.length ? '!' : '✓'}</span>
        {failingCount
          ? `${failingCount} ${failingCount === 1 ? 'path fails' : 'paths fail'} at start-up (marked ✗, in red): fix each with the Fix beside it, or all at once with Fix all.`
          : unlocked.length
            ? `Nothing rootlock knows of fails, but ${unlocked.length === 1 ? `container ${unlocked[0]} has` : `${unlocked.length} containers have`} a writable root filesystem (unlocked).`
            : 'Every write rootlock knows of has a writable place, and every root is read-only.'}
      </p>
      <p className="map-help">
        Each column is a container, in the order Kubernetes starts them; the bottom block is its root filesystem. Click a path (or focus it and press Enter) to
        select its YAML; arrow keys move between paths.
      </p>
      <div className={`map-scroll${stale ? ' stale' : ''}`}>
        <div className="map-canvas" style={{ width: layout.width, height: layout.height }} onKeyDown={(e) => e.key === 'Escape' && setDismissed(true)}>
          <MapSvg
            layout={layout}
            title={title}
            current={current}
            fixOf={fixOf}
            onActivate={activate}
            onFix={fix}
            svgRef={svgRef}
            describedBy={livePointed ? { node: livePointed.id, id: tipId } : undefined}
            onPoint={(n, how) => {
              if (how === 'hover') {
                clearTimeout(hideTimer.current);
                if (n) setHovered(n);
                else hideTimer.current = setTimeout(() => setHovered(null), 250);
              } else setFocused(n);
              if (n) setDismissed(false);
            }}
          />
        </div>
      </div>
      {livePointed && anchor && (
        <div
          id={tipId}
          role="tooltip"
          className={`map-tip${livePointed.failing ? ' map-tip-fail' : ''}`}
          style={tipStyle(anchor)}
          onMouseEnter={() => clearTimeout(hideTimer.current)}
          onMouseLeave={() => setHovered(null)}
        >
          <p className="tip-title"><code>{livePointed.node.path}</code> <span className="tip-kind">{KIND_TEXT[livePointed.node.kind]}</span></p>
          {!livePointed.node.failing && !livePointed.node.written && <p>{detail(livePointed.node.path, livePointed.node.label)}</p>}
          {(livePointed.node.writes ?? (livePointed.node.written ? [livePointed.node.written] : [])).map((w, i) => (
            <p key={i}>Written: {w.what} <span className="tip-origin">(known from the {w.origin})</span></p>
          ))}
          {livePointed.node.failing && (
            <>
              <p className="tip-fail">Would fail at start-up:</p>
              <pre className="tip-error">{livePointed.node.failing.error}</pre>
              <p>{tipFix ? `Fix: ${tipFix} — the Fix button beside the path applies it.` : 'No one-click fix: see the Findings tab for what to do.'}</p>
            </>
          )}
        </div>
      )}
      <Legend />
      <StartupStory map={map} />
    </div>
  );
}

/** The label without the path the tooltip's title already shows (`/run — memory-backed …` → `memory-backed …`). */
function detail(path: string, label: string): string {
  return label.startsWith(`${path} — `) ? label.slice(path.length + 3) : label;
}

const LEGEND: Array<{ kind: IconKind; text: string }> = [
  { kind: 'root-ro', text: KIND_TEXT['root-ro'] },
  { kind: 'root-rw', text: `${KIND_TEXT['root-rw']} (hatched)` },
  { kind: 'emptyDir', text: KIND_TEXT.emptyDir },
  { kind: 'memory', text: KIND_TEXT.memory },
  { kind: 'persistent', text: KIND_TEXT.persistent },
  { kind: 'config', text: `${KIND_TEXT.config} (configMap, secret, projected)` },
  { kind: 'read-only', text: KIND_TEXT['read-only'] },
  { kind: 'hostPath', text: 'host path: the node’s disk (flagged)' },
  { kind: 'missing', text: KIND_TEXT.missing },
  { kind: 'path', text: 'a path the program writes' },
  { kind: 'failing', text: 'a write that fails (red)' },
];

function Legend() {
  return (
    <div className="legend">
      <h3 className="visually-hidden">Legend</h3>
      <ul aria-label="Legend">
        {LEGEND.map((l) => (
          <li key={l.kind}>
            <InlineIcon kind={l.kind} /> {l.text}
          </li>
        ))}
        <li>
          <svg className="inline-icon legend-link" width="28" height="16" viewBox="0 0 28 16" aria-hidden="true" focusable="false"><path d="M1 8H20" /><path className="legend-arrow" d="M19 3l7 5-7 5z" /></svg>
          data flows this way (one writes, the other reads)
        </li>
        <li>
          <svg className="inline-icon legend-link legend-shared" width="28" height="16" viewBox="0 0 28 16" aria-hidden="true" focusable="false"><path d="M4 8H24" /><circle className="legend-arrow" cx="4" cy="8" r="3" /><circle className="legend-arrow" cx="24" cy="8" r="3" /></svg>
          shared, both write
        </li>
      </ul>
    </div>
  );
}

/** Where the pointed node is on screen, kept up to date while the page or the map scrolls. */
function useAnchorRect(svgRef: React.RefObject<SVGSVGElement | null>, id: string | undefined): DOMRect | null {
  const [rect, setRect] = useState<DOMRect | null>(null);
  useLayoutEffect(() => {
    if (!id) {
      setRect(null);
      return;
    }
    const measure = () => {
      const el = svgRef.current?.querySelector(`[data-node="${CSS.escape(id)}"]`);
      setRect(el ? el.getBoundingClientRect() : null);
    };
    measure();
    window.addEventListener('scroll', measure, true);
    window.addEventListener('resize', measure);
    return () => {
      window.removeEventListener('scroll', measure, true);
      window.removeEventListener('resize', measure);
    };
  }, [svgRef, id]);
  return rect;
}

/** The tooltip beside its node: below it when there is room, else above; inside the window. */
function tipStyle(r: DOMRect): React.CSSProperties {
  const width = Math.min(320, window.innerWidth - 16);
  const left = Math.max(8, Math.min(r.left, window.innerWidth - width - 8));
  const spaceBelow = window.innerHeight - r.bottom;
  const below = spaceBelow >= 240 || spaceBelow >= r.top;
  return below ? { left, top: r.bottom + 8, width } : { left, bottom: window.innerHeight - r.top + 8, width };
}
