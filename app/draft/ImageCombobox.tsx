import { useEffect, useRef, useState } from 'react';
import type { ImageSuggestion } from '../../src/index.ts';
import { engine } from '../engine/instance.ts';

const MAX = 8;

/**
 * An image name with completion from the images rootlock knows (the knowledge base, through the
 * worker); any other image is accepted as typed. An ARIA 1.2 combobox: type to filter, ↓/↑ to move
 * through the list, Enter to take one, Escape to close it.
 */
export function ImageCombobox({ id, value, onChange, describedBy, autoFocus, invalid }: {
  id: string;
  value: string;
  onChange: (image: string) => void;
  describedBy?: string | undefined;
  autoFocus?: boolean;
  invalid?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<ImageSuggestion[]>([]);
  const [active, setActive] = useState(-1);
  const listId = `${id}-list`;
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    const t = setTimeout(() => {
      engine()
        .suggest(value)
        .then((r) => {
          if (!live) return;
          setItems(r.slice(0, MAX));
          setActive(-1);
        })
        .catch(() => undefined);
    }, 60);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [value, open]);

  useEffect(() => {
    if (active < 0) return;
    listRef.current?.querySelector(`#${CSS.escape(`${listId}-${active}`)}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, listId]);

  const expanded = open && items.length > 0;
  const pick = (s: ImageSuggestion) => {
    onChange(s.image);
    setOpen(false);
  };

  return (
    <div className="combobox">
      <input
        id={id}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        data-autofocus={autoFocus || undefined}
        value={value}
        placeholder="e.g. nginx:1.27, postgres:16, ghcr.io/you/app:1.0"
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => {
          onChange(e.target.value);
          setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            if (!open) setOpen(true);
            else setActive((a) => Math.min(a + 1, items.length - 1));
          } else if (e.key === 'ArrowUp') {
            if (!expanded) return;
            e.preventDefault();
            setActive((a) => Math.max(a - 1, -1));
          } else if (e.key === 'Enter') {
            const s = expanded && active >= 0 ? items[active] : undefined;
            if (!s) return;
            e.preventDefault();
            pick(s);
          } else if (e.key === 'Escape') {
            if (!expanded) return;
            // close the list, not the dialog around it
            e.preventDefault();
            e.stopPropagation();
            setOpen(false);
          }
        }}
      />
      <ul ref={listRef} id={listId} role="listbox" aria-label="Images rootlock knows" className="combobox-list" hidden={!expanded}>
        {items.map((s, i) => (
          <li
            key={s.image}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(s)}
          >
            <code>{s.image}</code> <span className="option-title">{s.title}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A Kubernetes name from an image reference: its last path part without tag or digest. */
export function nameFromImage(image: string): string {
  const last = image.trim().split(/[@]/)[0]?.replace(/:[^/]*$/, '').split('/').pop() ?? '';
  return last.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63);
}
