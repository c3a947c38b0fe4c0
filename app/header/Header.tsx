import { useId, useRef } from 'react';
import { openFiles } from '../export/openFiles.ts';
import { ShareButton } from '../share/ShareButton.tsx';
import { useStore } from '../store/index.ts';
import type { ThemeChoice } from '../store/index.ts';

export function Header() {
  const fileInput = useRef<HTMLInputElement>(null);
  const themeId = useId();
  const theme = useStore((s) => s.theme);
  const setTheme = useStore((s) => s.setTheme);
  const setExamplesOpen = useStore((s) => s.setExamplesOpen);
  const setNewOpen = useStore((s) => s.setNewOpen);
  const setExportOpen = useStore((s) => s.setExportOpen);
  return (
    <header className="header">
      <div className="brand">
        <img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" width="24" height="24" />
        <h1>rootlock</h1>
        <span className="tagline">read-only root filesystems, done right · your manifest never leaves this browser</span>
      </div>
      <nav className="actions" aria-label="Document">
        <button type="button" className="btn btn-ghost" onClick={() => setNewOpen(true)} aria-haspopup="dialog" title="Draft a hardened, read-only workload from an image name">New…</button>
        <button type="button" className="btn btn-ghost" onClick={() => setExamplesOpen(true)} aria-haspopup="dialog">Examples</button>
        <button type="button" className="btn btn-ghost" onClick={() => fileInput.current?.click()}>Open file…</button>
        <input
          ref={fileInput}
          type="file"
          multiple
          accept=".yaml,.yml,.json,application/yaml,text/yaml,application/json"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => {
            // several files open as one text, each after a comment line naming it
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            void openFiles(files);
          }}
        />
        <button type="button" className="btn btn-ghost" aria-haspopup="dialog" onClick={() => setExportOpen(true)}>Export</button>
        <ShareButton />
        <span className="theme">
          <label htmlFor={themeId}>Theme</label>
          <select id={themeId} value={theme} onChange={(e) => setTheme(e.target.value as ThemeChoice)}>
            <option value="system">System</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </span>
      </nav>
    </header>
  );
}
