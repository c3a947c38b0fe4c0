import { useState } from 'react';
import { useStore } from '../store/index.ts';

/**
 * A value the user just chose, shown until the analysis of the edited text arrives (a form change
 * goes through the worker: without this a checkbox would flick back for a moment).
 */
export function usePending<T>(value: T): [shown: T, setPending: (v: T) => void, clear: () => void] {
  const at = useStore((s) => s.current?.version ?? 0);
  const [pending, setPending] = useState<{ v: T; at: number } | null>(null);
  const shown = pending && pending.at === at ? pending.v : value;
  return [shown, (v) => setPending({ v, at }), () => setPending(null)];
}
