import { useEffect, useSyncExternalStore } from 'react';
import { useStore } from '../store/index.ts';
import type { ThemeChoice } from '../store/index.ts';

const KEY = 'rootlock.theme';
const query = () => window.matchMedia('(prefers-color-scheme: dark)');

export function loadThemeChoice(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' || v === 'system' ? v : 'system';
  } catch {
    return 'system';
  }
}

function subscribe(cb: () => void): () => void {
  const q = query();
  q.addEventListener('change', cb);
  return () => q.removeEventListener('change', cb);
}

/** The theme in effect: the user's choice, or the system's when they chose "system". */
export function useEffectiveTheme(): 'light' | 'dark' {
  const choice = useStore((s) => s.theme);
  const systemDark = useSyncExternalStore(subscribe, () => query().matches, () => false);
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

/** Applies the theme to the page and remembers the choice. */
export function useThemeEffect(): 'light' | 'dark' {
  const choice = useStore((s) => s.theme);
  const effective = useEffectiveTheme();
  useEffect(() => {
    document.documentElement.dataset.theme = effective;
    document.documentElement.style.colorScheme = effective;
  }, [effective]);
  useEffect(() => {
    try {
      localStorage.setItem(KEY, choice);
    } catch {
      // storage unavailable (private mode): the choice lasts for this visit
    }
  }, [choice]);
  return effective;
}
