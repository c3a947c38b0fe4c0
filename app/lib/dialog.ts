import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';

/**
 * A <dialog> shown modal while `open` is true (showModal makes the rest of the page inert) and
 * closed when it turns false. With `autofocus`, focus starts on the element marked
 * `data-autofocus` rather than on the first control (usually the close button).
 */
export function useModalDialog(open: boolean, options: { autofocus?: boolean } = {}): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  const autofocus = options.autofocus ?? false;
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      if (autofocus) d.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    if (!open && d.open) d.close();
  }, [open, autofocus]);
  return ref;
}

/** Roving focus in a tab list: the index the key moves to (arrows wrap, Home and End), or -1 for another key. */
export function tabKeyTarget(key: string, index: number, count: number): number {
  if (key === 'ArrowRight') return (index + 1) % count;
  if (key === 'ArrowLeft') return (index + count - 1) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return -1;
}
