import type { NodeKind } from '../../src/index.ts';

/**
 * One glyph per kind of node, drawn in a 16×16 box, so the map reads without colour: a padlock for
 * what is read-only, a folder for a disk emptyDir, a chip for memory, a cylinder for persistent
 * storage, a document for config, a warning sign for a host path, a question mark for a missing
 * volume, a pencil for a written path, a cross for what fails.
 */
export type IconKind = NodeKind | 'failing';

export function KindIcon({ kind, x = 0, y = 0 }: { kind: IconKind; x?: number; y?: number }) {
  return (
    <g className={`icon icon-${kind}`} transform={`translate(${x} ${y})`} aria-hidden="true">
      {glyph(kind)}
    </g>
  );
}

function glyph(kind: IconKind) {
  switch (kind) {
    case 'root-ro':
    case 'read-only':
      return (
        <>
          <path className="icon-line" d="M5 7.5V5a3 3 0 0 1 6 0v2.5" />
          <rect className="icon-solid" x="3" y="7.5" width="10" height="7" rx="1.5" />
        </>
      );
    case 'root-rw':
      return (
        <>
          <path className="icon-line" d="M5 7.5V5a3 3 0 0 1 6 0v-0.5" transform="translate(-3 -1.5)" />
          <rect className="icon-solid" x="3" y="7.5" width="10" height="7" rx="1.5" />
        </>
      );
    case 'emptyDir':
      return <path className="icon-line" d="M1.5 4h4.5l1.5 1.8h7v8.2h-13z" />;
    case 'memory':
      return (
        <>
          <rect className="icon-line" x="4" y="4" width="8" height="8" rx="1" />
          <path className="icon-line" d="M6 1.5v2.5M10 1.5v2.5M6 12v2.5M10 12v2.5M1.5 6h2.5M1.5 10h2.5M12 6h2.5M12 10h2.5" />
        </>
      );
    case 'persistent':
      return (
        <>
          <ellipse className="icon-line" cx="8" cy="4" rx="5.5" ry="2.2" />
          <path className="icon-line" d="M2.5 4v8a5.5 2.2 0 0 0 11 0V4M2.5 8a5.5 2.2 0 0 0 11 0" />
        </>
      );
    case 'config':
      return (
        <>
          <path className="icon-line" d="M3.5 1.5h6l3 3v10h-9z" />
          <path className="icon-line" d="M9.5 1.5v3h3M5.5 8h5M5.5 10.5h5" />
        </>
      );
    case 'hostPath':
      return (
        <>
          <path className="icon-line" d="M8 1.5l6.8 12.5H1.2z" />
          <path className="icon-line" d="M8 6v4" />
          <circle className="icon-solid" cx="8" cy="12" r="0.9" />
        </>
      );
    case 'missing':
      return (
        <>
          <circle className="icon-line icon-dashed" cx="8" cy="8" r="6.5" />
          <path className="icon-line" d="M6 6.2a2 2 0 1 1 2.6 1.9c-.5.2-.6.6-.6 1.1v.6" />
          <circle className="icon-solid" cx="8" cy="11.8" r="0.9" />
        </>
      );
    case 'path':
      return <path className="icon-line" d="M2.5 13.5l.8-3.2 7.4-7.4 2.4 2.4-7.4 7.4zM9.5 4.1l2.4 2.4" />;
    case 'failing':
      return (
        <>
          <circle className="icon-solid" cx="8" cy="8" r="7" />
          <path className="icon-knockout" d="M5.2 5.2l5.6 5.6M10.8 5.2l-5.6 5.6" />
        </>
      );
  }
}

/** The same glyph as a small standalone picture, for the legend and the story (HTML). */
export function InlineIcon({ kind, className = '' }: { kind: IconKind; className?: string }) {
  return (
    <svg className={`inline-icon k-${kind} ${className}`} width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {glyph(kind)}
    </svg>
  );
}
