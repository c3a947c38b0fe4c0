import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import type { Finding } from '../../src/index.ts';
import { FindingNotes, noteIds } from './FindingNote.tsx';
import { usePending } from './usePending.ts';

interface Common {
  label: string;
  /** The YAML key the field edits, shown under the label. */
  yamlKey?: string | undefined;
  hint?: ReactNode;
  findings?: readonly Finding[];
}

function Hint({ id, yamlKey, hint }: { id: string; yamlKey?: string | undefined; hint?: ReactNode }) {
  if (!yamlKey && !hint) return null;
  return (
    <span className="hint" id={id}>
      {yamlKey && <code>{yamlKey}</code>}
      {yamlKey && hint ? ' — ' : ''}
      {hint}
    </span>
  );
}

function describedBy(...ids: unknown[]): string | undefined {
  const s = ids.filter((x): x is string => typeof x === 'string' && x !== '').join(' ');
  return s || undefined;
}

/** A checkbox for a field that is true or absent. */
export function CheckboxField({ label, yamlKey, hint, findings = [], checked, onChange }: Common & { checked: boolean; onChange: (v: boolean) => Promise<boolean> }) {
  const id = useId();
  const [shown, setPending, clear] = usePending(checked);
  return (
    <div className={`field field-check${findings.length ? ' has-finding' : ''}`}>
      <input
        id={id}
        type="checkbox"
        checked={shown}
        aria-describedby={describedBy((yamlKey || hint) && `${id}-hint`, noteIds(`${id}-note`, findings))}
        onChange={(e) => {
          const v = e.target.checked;
          setPending(v);
          void onChange(v).then((ok) => ok || clear());
        }}
      />
      <div className="field-body">
        <label htmlFor={id}>{label}</label>
        <Hint id={`${id}-hint`} yamlKey={yamlKey} hint={hint} />
        <FindingNotes findings={findings} idPrefix={`${id}-note`} />
      </div>
    </div>
  );
}

type Tri = boolean | undefined;

/** A boolean that may also be left unset: not set / true / false. */
export function TriStateField({ label, yamlKey, hint, findings = [], value, onChange }: Common & { value: Tri; onChange: (v: boolean | null) => Promise<boolean> }) {
  const id = useId();
  const [shown, setPending, clear] = usePending<Tri>(value);
  return (
    <div className={`field${findings.length ? ' has-finding' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={shown === undefined ? '' : String(shown)}
        aria-describedby={describedBy((yamlKey || hint) && `${id}-hint`, noteIds(`${id}-note`, findings))}
        onChange={(e) => {
          const v = e.target.value === '' ? undefined : e.target.value === 'true';
          setPending(v);
          void onChange(v ?? null).then((ok) => ok || clear());
        }}
      >
        <option value="">Not set</option>
        <option value="true">true</option>
        <option value="false">false</option>
      </select>
      <Hint id={`${id}-hint`} yamlKey={yamlKey} hint={hint} />
      <FindingNotes findings={findings} idPrefix={`${id}-note`} />
    </div>
  );
}

/** A choice among fixed values ('' = not set). */
export function SelectField({ label, yamlKey, hint, findings = [], value, options, onChange }: Common & { value: string; options: ReadonlyArray<{ value: string; label: string }>; onChange: (v: string) => Promise<boolean> }) {
  const id = useId();
  const [shown, setPending, clear] = usePending(value);
  const known = options.some((o) => o.value === shown);
  return (
    <div className={`field${findings.length ? ' has-finding' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={shown}
        aria-describedby={describedBy((yamlKey || hint) && `${id}-hint`, noteIds(`${id}-note`, findings))}
        onChange={(e) => {
          setPending(e.target.value);
          void onChange(e.target.value).then((ok) => ok || clear());
        }}
      >
        {!known && <option value={shown}>{shown}</option>}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      <Hint id={`${id}-hint`} yamlKey={yamlKey} hint={hint} />
      <FindingNotes findings={findings} idPrefix={`${id}-note`} />
    </div>
  );
}

/**
 * A text value, committed on Enter or when the field loses focus (Escape goes back). `validate`
 * returns a message for a value that cannot be written.
 */
export function TextField({ label, yamlKey, hint, findings = [], value, placeholder, inputMode, validate, onCommit, className }: Common & {
  value: string;
  placeholder?: string;
  inputMode?: 'numeric' | 'text';
  validate?: (v: string) => string | undefined;
  onCommit: (v: string) => Promise<boolean>;
  className?: string;
}) {
  const id = useId();
  const [shown, setPending, clear] = usePending(value);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const text = draft ?? shown;
  const commit = () => {
    if (draft === null) return;
    const v = draft.trim();
    if (v === value) {
      setDraft(null);
      setError(undefined);
      return;
    }
    const bad = validate?.(v);
    if (bad) {
      setError(bad);
      return;
    }
    setError(undefined);
    setPending(v);
    setDraft(null);
    void onCommit(v).then((ok) => ok || clear());
  };
  return (
    <div className={`field${findings.length ? ' has-finding' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={text}
        placeholder={placeholder}
        inputMode={inputMode}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy((yamlKey || hint) && `${id}-hint`, error && `${id}-error`, noteIds(`${id}-note`, findings))}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          } else if (e.key === 'Escape' && draft !== null) {
            e.preventDefault();
            setDraft(null);
            setError(undefined);
          }
        }}
      />
      <Hint id={`${id}-hint`} yamlKey={yamlKey} hint={hint} />
      {error && <span className="field-error" id={`${id}-error`}>{error}</span>}
      <FindingNotes findings={findings} idPrefix={`${id}-note`} />
    </div>
  );
}

export const integerOrEmpty = (v: string): string | undefined => (v === '' || /^\d+$/.test(v) ? undefined : 'Enter a whole number (0 or more), or leave it empty to remove the field.');

/** A list of short strings (capabilities): each with a remove button, and an input to add one. */
export function ListField({ label, yamlKey, hint, values, suggestions, onChange }: Common & { values: readonly string[]; suggestions: readonly string[]; onChange: (v: string[]) => Promise<boolean> }) {
  const id = useId();
  const [shown, setPending, clear] = usePending<readonly string[]>(values);
  const [draft, setDraft] = useState('');
  const update = (next: string[]) => {
    setPending(next);
    void onChange(next).then((ok) => ok || clear());
  };
  const add = () => {
    const v = draft.trim().toUpperCase();
    if (!v || shown.includes(v)) {
      setDraft('');
      return;
    }
    update([...shown, v]);
    setDraft('');
  };
  return (
    <fieldset className="field field-list">
      <legend>{label}</legend>
      <Hint id={`${id}-hint`} yamlKey={yamlKey} hint={hint} />
      {shown.length > 0 && (
        <ul className="chips" aria-label={label}>
          {shown.map((v) => (
            <li key={v} className="chip">
              <code>{v}</code>
              <button type="button" className="chip-remove" aria-label={`Remove ${v} from ${label.toLowerCase()}`} onClick={() => update(shown.filter((x) => x !== v))}>×</button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={id} className="sublabel">{label.toLowerCase().startsWith('drop') ? 'Capability to drop' : 'Capability to add'}</label>
      <div className="inline">
        <input
          id={id}
          type="text"
          list={`${id}-list`}
          value={draft}
          placeholder="e.g. NET_BIND_SERVICE"
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <datalist id={`${id}-list`}>{suggestions.filter((s) => !shown.includes(s)).map((s) => <option key={s} value={s} />)}</datalist>
        <button type="button" className="btn btn-small" onClick={add} disabled={!draft.trim()}>Add</button>
      </div>
    </fieldset>
  );
}
