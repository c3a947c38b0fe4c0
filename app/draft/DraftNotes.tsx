import type { DraftNote } from '../../src/index.ts';

/** The engine's notes on a draft or an added container: warnings first, then what is good to know. */
export function DraftNotes({ notes, label }: { notes: readonly DraftNote[]; label: string }) {
  if (!notes.length) return null;
  const sorted = [...notes].sort((a, b) => (a.level === b.level ? 0 : a.level === 'warning' ? -1 : 1));
  return (
    <ul className="notes draft-notes" aria-label={label}>
      {sorted.map((n, i) => (
        <li key={i} className={`note sev-${n.level}`}>
          <span className="sev-badge" aria-hidden="true">{n.level === 'warning' ? '▲' : 'i'}</span>
          <span className="note-text">
            <span className="visually-hidden">{n.level}: </span>
            {n.message}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function countNotes(notes: readonly DraftNote[]): string {
  const w = notes.filter((n) => n.level === 'warning').length;
  const i = notes.length - w;
  const parts = [w ? `${w} ${w === 1 ? 'warning' : 'warnings'}` : '', i ? `${i} ${i === 1 ? 'note' : 'notes'}` : ''].filter(Boolean);
  return parts.length ? parts.join(' and ') : 'nothing to add';
}
