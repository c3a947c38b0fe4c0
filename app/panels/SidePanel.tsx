import { useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { FormPanel } from '../form/FormPanel.tsx';
import { tabKeyTarget } from '../lib/dialog.ts';
import { MapPanel } from '../map/MapPanel.tsx';
import { PolicyPanel } from '../policy/PolicyPanel.tsx';
import { useStore } from '../store/index.ts';
import type { Tab } from '../store/index.ts';
import { FindingsPanel } from './FindingsPanel.tsx';
import { SyntaxBanner } from './SyntaxBanner.tsx';

const TABS: Array<{ id: Tab; label: string }> = [
  { id: 'form', label: 'Form' },
  { id: 'findings', label: 'Findings' },
  { id: 'map', label: 'Map' },
  { id: 'policy', label: 'Policy' },
];

export function SidePanel() {
  const tab = useStore((s) => s.tab);
  const setTab = useStore((s) => s.setTab);
  // while the YAML does not parse, the counts of the last version that did
  const summary = useStore((s) => (s.current?.view.syntaxError ? s.lastValid : s.current)?.analysis.summary);
  const problems = summary ? summary.errors + summary.warnings + summary.infos : 0;
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const next = tabKeyTarget(e.key, i, TABS.length);
    if (next < 0) return;
    e.preventDefault();
    const t = TABS[next]!.id;
    setTab(t);
    refs.current[t]?.focus();
  };
  return (
    <section className="pane side-pane" aria-label="Form, findings, map and policy">
      <div className="side-head">
        <div role="tablist" aria-label="Side panel" className="tabs" onKeyDown={onKey}>
          {TABS.map((t) => (
            <button
              key={t.id}
              ref={(el) => {
                refs.current[t.id] = el;
              }}
              type="button"
              role="tab"
              id={`tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls={`panel-${t.id}`}
              tabIndex={tab === t.id ? 0 : -1}
              className="tab"
              onClick={() => setTab(t.id)}
            >
              {t.label}
              {t.id === 'findings' && problems > 0 && <span className="badge" aria-hidden="true">{problems}</span>}
            </button>
          ))}
        </div>
        {summary && (
          <p className="summary" role="status">
            <span className={summary.readOnlyContainers === summary.containers && summary.containers > 0 ? 'ok' : ''}>
              {summary.readOnlyContainers} of {summary.containers} containers read-only
            </span>
          </p>
        )}
      </div>
      <SyntaxBanner />
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tabpanel" tabIndex={0}>
        {tab === 'form' ? <FormPanel /> : tab === 'findings' ? <FindingsPanel /> : tab === 'map' ? <MapPanel /> : <PolicyPanel />}
      </div>
    </section>
  );
}
