import { useId, useRef } from 'react';
import { exportText, openFile } from '../actions.ts';
import { useStore } from '../store/index.ts';
import type { ThemeChoice } from '../store/index.ts';

export function Header() {
  const fileInput = useRef<HTMLInputElement>(null);
  const themeId = useId();
  const theme = useStore((s) => s.theme);
  const setTheme = useStore((s) => s.setTheme);
  const setExamplesOpen = useStore((s) => s.setExamplesOpen);
  const notify = useStore((s) => s.notify);
  return (
    <header className="header">
      <div className="brand">
        <img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" width="24" height="24" />
        <h1>rootlock</h1>
        <span className="tagline">read-only root filesystems, done right · your manifest never leaves this browser</span>
      </div>
      <nav className="actions" aria-label="Document">
        <button type="button" className="btn btn-ghost" onClick={() => setExamplesOpen(true)} aria-haspopup="dialog">Examples</button>
        <button type="button" className="btn btn-ghost" onClick={() => fileInput.current?.click()}>Open file…</button>
        <input
          ref={fileInput}
          type="file"
          accept=".yaml,.yml,.json,application/yaml,text/yaml,application/json"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void openFile(f);
          }}
        />
        <button type="button" className="btn btn-ghost" onClick={exportText}>Export</button>
        <button
          type="button"
          className="btn btn-ghost btn-soon"
          aria-describedby="share-note"
          title="Share links are coming in the next version"
          onClick={() => notify('Share links are coming in the next version. Your manifest stays in this browser; use Export to save it as a file.')}
        >
          Share
        </button>
        <span id="share-note" className="visually-hidden">Coming in the next version.</span>
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
