import { useId } from 'react';
import type { KeyboardEvent, Ref } from 'react';
import { KindIcon } from './icons.tsx';
import { COL_W, FIX_W, GAP } from './layout.ts';
import type { LaidNode, MapLayout } from './layout.ts';

export interface MapSvgProps {
  layout: MapLayout;
  /** The picture's title: "Filesystem map of Deployment web". */
  title: string;
  /** Ids of the nodes whose YAML holds the editor's cursor. */
  current: ReadonlySet<string>;
  /** The title of the fix a failing node offers, if any. */
  fixOf: (n: LaidNode) => string | undefined;
  onActivate: (n: LaidNode) => void;
  onFix: (n: LaidNode) => void;
  /** A node is pointed at (hover or focus), or no longer (null). */
  onPoint: (n: LaidNode | null, how: 'hover' | 'focus') => void;
  svgRef?: Ref<SVGSVGElement>;
  /** The id of the tooltip that describes the pointed node, while it shows. */
  describedBy?: { node: string; id: string } | undefined;
}

const activateKeys = new Set(['Enter', ' ']);

/**
 * The map as SVG, drawn by hand: columns of path trees over a root base, links between them. Every
 * node is a focusable button named by the engine's label; a failing node has a "Fix" button beside
 * it. Arrow keys move between nodes (up/down in a column, left/right across columns).
 */
export function MapSvg({ layout, title, current, fixOf, onActivate, onFix, onPoint, svgRef, describedBy }: MapSvgProps) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const arrow = `${uid}-arrow`;
  const dot = `${uid}-dot`;
  const hatch = `${uid}-hatch`;

  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const target = (e.target as Element).closest('[data-node]');
    if (!target || !['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(e.key)) return;
    const id = target.getAttribute('data-node');
    const from = layout.nodes.find((n) => n.id === id);
    if (!from) return;
    const inColumn = layout.nodes.filter((n) => n.column === from.column);
    let to: LaidNode | undefined;
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      const i = inColumn.indexOf(from);
      to = inColumn[i + (e.key === 'ArrowUp' ? -1 : 1)];
    } else {
      const col = from.column + (e.key === 'ArrowLeft' ? -1 : 1);
      const mid = from.y + from.h / 2;
      to = layout.nodes.filter((n) => n.column === col).sort((a, b) => Math.abs(a.y + a.h / 2 - mid) - Math.abs(b.y + b.h / 2 - mid))[0];
    }
    if (!to) return;
    e.preventDefault();
    (e.currentTarget.querySelector(`[data-node="${CSS.escape(to.id)}"]`) as SVGGElement | null)?.focus();
  };

  const node = (n: LaidNode, base = false) => {
    const kind = n.node.kind;
    const isCurrent = current.has(n.id);
    const fix = n.failing ? fixOf(n) : undefined;
    const rx = base ? 3 : kind === 'path' ? 14 : 6;
    const described = describedBy?.node === n.id ? describedBy.id : undefined;
    return (
      <g key={n.id}>
        <g
          className={`node k-${kind}${n.failing ? ' failing' : ''}${base ? ' base' : ''}${isCurrent ? ' current' : ''}`}
          role="button"
          tabIndex={0}
          aria-label={n.name}
          aria-current={isCurrent ? 'true' : undefined}
          aria-describedby={described}
          data-node={n.id}
          onClick={() => onActivate(n)}
          onKeyDown={(e) => {
            if (!activateKeys.has(e.key)) return;
            e.preventDefault();
            onActivate(n);
          }}
          onFocus={() => onPoint(n, 'focus')}
          onBlur={() => onPoint(null, 'focus')}
          onMouseEnter={() => onPoint(n, 'hover')}
          onMouseLeave={() => onPoint(null, 'hover')}
        >
          <rect className="sel-ring" x={n.x - 4} y={n.y - 4} width={n.w + 8} height={n.h + 8} rx={rx + 3} />
          <rect className="focus-ring" x={n.x - 7} y={n.y - 7} width={n.w + 14} height={n.h + 14} rx={rx + 5} />
          <rect className="node-box" x={n.x} y={n.y} width={n.w} height={n.h} rx={rx} />
          {base && kind === 'root-rw' && <rect className="hatch" x={n.x} y={n.y} width={n.w} height={n.h} rx={rx} fill={`url(#${hatch})`} />}
          {n.failing && <rect className="fail-bar" x={n.x} y={n.y} width={5} height={n.h} rx={2} />}
          <KindIcon kind={n.failing ? 'failing' : kind} x={n.x + 10} y={n.y + (base ? 15 : 8)} />
        </g>
        {/* The words drawn in the box, for the eye: the button's name (the engine's label, which starts
            with the path drawn first here) says all of it. Outside the button, so its name is not
            expected to repeat every drawn word; clicks go through to the button. */}
        <g className="node-text" aria-hidden="true">
          <text className={base ? 't-base' : 't-path'} x={n.x + 34} y={n.y + (base ? 19 : 17)}>{n.lines[0]}</text>
          <text className="t-sub" x={n.x + 34} y={n.y + (base ? 36 : 32)}>{n.lines[1]}</text>
          {n.lines[2] && <text className={n.failing ? 't-fail' : 't-sub t-ok'} x={n.x + 34} y={n.y + 47}>{n.lines[2]}</text>}
        </g>
        {fix && (
          <g
            className="fix-btn no-export"
            role="button"
            tabIndex={0}
            aria-label={`Fix ${n.node.path}: ${fix}`}
            onClick={() => onFix(n)}
            onKeyDown={(e) => {
              if (!activateKeys.has(e.key)) return;
              e.preventDefault();
              onFix(n);
            }}
          >
            <rect className="focus-ring" x={n.x + n.w - FIX_W - 9} y={n.y + 2} width={FIX_W + 6} height={26} rx={6} />
            <rect className="fix-box" x={n.x + n.w - FIX_W - 6} y={n.y + 5} width={FIX_W} height={20} rx={4} />
            <text className="t-fix" x={n.x + n.w - FIX_W / 2 - 6} y={n.y + 19}>Fix</text>
          </g>
        )}
      </g>
    );
  };

  return (
    <svg
      ref={svgRef}
      className="fsmap"
      xmlns="http://www.w3.org/2000/svg"
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="group"
      aria-label={title}
      onKeyDown={onKeyDown}
    >
      <defs>
        <marker id={arrow} className="marker" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
          <path className="marker-fill" d="M0 0L10 5L0 10z" />
        </marker>
        <marker id={dot} className="marker" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="6" markerHeight="6">
          <circle className="marker-fill" cx="5" cy="5" r="4" />
        </marker>
        <pattern id={hatch} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect className="hatch-stripe" width="3" height="8" />
        </pattern>
      </defs>

      {layout.columns.map((c, i) => (
        <g key={c.index} role="group" aria-label={`Column ${c.order} of ${layout.columns.length}: ${c.name}`}>
          <g className="col-head" aria-hidden="true">
            <rect className="col-head-box" x={c.x} y={16} width={COL_W} height={44} rx={6} />
            <circle className="order-badge" cx={c.x + 18} cy={38} r={11} />
            <text className="t-order" x={c.x + 18} y={42}>{c.order}</text>
            <text className="t-col" x={c.x + 36} y={34}>{c.column.container.length > 22 ? `${c.column.container.slice(0, 21)}…` : c.column.container}</text>
            <text className="t-role" x={c.x + COL_W - 10} y={34}>{c.role}</text>
            <text className="t-image" x={c.x + 36} y={51}>{(c.column.image ?? 'no image').length > 32 ? `${(c.column.image ?? '').slice(0, 31)}…` : c.column.image ?? 'no image'}</text>
            {i < layout.columns.length - 1 && (
              <>
                <path className="order-arrow" d={`M${c.x + COL_W + 10} 38 H${c.x + COL_W + GAP - 12}`} markerEnd={`url(#${arrow})`} />
                <text className="t-then" x={c.x + COL_W + GAP / 2} y={31}>then</text>
              </>
            )}
          </g>
          <path className="tree" d={c.tree} aria-hidden="true" />
          {c.nodes.map((n) => node(n))}
          {node(c.base, true)}
        </g>
      ))}

      {layout.links.map((l) => (
        <g key={l.id} className={`link link-${l.link.direction}`} role="img" aria-label={l.name}>
          <path className="link-halo" d={l.d} />
          <path
            className="link-line"
            d={l.d}
            markerEnd={l.link.direction === 'writes-reads' ? `url(#${arrow})` : `url(#${dot})`}
            markerStart={l.link.direction === 'shared' ? `url(#${dot})` : undefined}
          />
          <rect className="link-label-box" x={l.label.x - l.label.text.length * 3.3 - 6} y={l.label.y - 11} width={l.label.text.length * 6.6 + 12} height={16} rx={8} />
          <text className="t-link" x={l.label.x} y={l.label.y + 1}>{l.label.text}</text>
        </g>
      ))}
    </svg>
  );
}
