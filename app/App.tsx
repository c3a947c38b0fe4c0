import { useEffect, useRef, useState } from 'react';
import type { Analysis } from '../src/index.ts';
import { EngineClient } from './engine/client.ts';
import { FindingsList } from './panels/FindingsList.tsx';

const EXAMPLE_URL = `${import.meta.env.BASE_URL}examples/nginx-no-cache.yaml`;

/**
 * A first page: the manifest as text, analysed live in a Web Worker, with its findings. The Monaco
 * editor and the form replace the text area in the editor issue.
 */
export function App() {
  const engine = useRef<EngineClient | null>(null);
  const [text, setText] = useState('');
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    engine.current ??= new EngineClient();
    fetch(EXAMPLE_URL)
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${r.status} ${r.statusText}`))))
      .then((t) => setText((cur) => cur || t))
      .catch((e: unknown) => setStatus(`Could not load the example: ${String(e)}`));
  }, []);

  useEffect(() => {
    let live = true;
    engine.current?.analyze(text).then((a) => {
      if (live && a) setAnalysis(a);
    }).catch((e: unknown) => setStatus(`Analysis failed: ${String(e)}`));
    return () => {
      live = false;
    };
  }, [text]);

  const fixAll = async () => {
    if (!engine.current) return;
    const r = await engine.current.fixAll(text);
    if (r.refused) setStatus(r.refused);
    else {
      setText(r.text);
      setStatus(`Applied ${r.applied} ${r.applied === 1 ? 'fix' : 'fixes'}.`);
    }
  };

  const s = analysis?.summary;
  return (
    <div className="app">
      <header className="header">
        <h1><img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" width="22" height="22" className="logo" /> rootlock</h1>
        <p className="tagline">Read-only root filesystems, done right. Your manifest never leaves this browser.</p>
      </header>
      <main className="main">
        <section className="pane">
          <label htmlFor="manifest" className="pane-title">Manifest YAML</label>
          <textarea id="manifest" className="source" spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />
        </section>
        <section className="pane" aria-labelledby="findings-title">
          <div className="pane-head">
            <h2 id="findings-title" className="pane-title">Findings</h2>
            <button type="button" onClick={() => void fixAll()} disabled={!analysis?.findings.some((f) => f.fixes.some((x) => x.applicability !== 'manual'))}>Fix all</button>
          </div>
          {s && <p className="summary" role="status">{s.readOnlyContainers} of {s.containers} containers read-only · {s.errors} errors, {s.warnings} warnings, {s.infos} infos</p>}
          {status && <p className="status">{status}</p>}
          {analysis && <FindingsList analysis={analysis} />}
        </section>
      </main>
    </div>
  );
}
