import { openDocument, startFresh } from '../actions.ts';
import { useModalDialog } from '../lib/dialog.ts';
import { EXAMPLES, fetchExample } from '../lib/examples.ts';
import type { Example } from '../lib/examples.ts';
import { useStore } from '../store/index.ts';

/** The examples gallery. Picking one replaces the text, asking first when it has unexported changes. */
export function ExamplesDialog() {
  const open = useStore((s) => s.examplesOpen);
  const setOpen = useStore((s) => s.setExamplesOpen);
  const ref = useModalDialog(open);
  const pick = async (ex: Example) => {
    setOpen(false);
    try {
      openDocument(await fetchExample(ex.file), ex.file, `the example “${ex.title}”`);
    } catch (err) {
      useStore.getState().notify(`Could not load the example: ${String(err)}`, 'error');
    }
  };
  const list = (broken: boolean) => (
    <ul className="examples">
      {EXAMPLES.filter((e) => !!e.broken === broken).map((e) => (
        <li key={e.file}>
          <button type="button" className="example" onClick={() => void pick(e)} aria-describedby={`ex-${e.file}`}>
            <span className="example-title">{e.title}</span>
            <span className="example-desc" id={`ex-${e.file}`}>{e.description}</span>
          </button>
        </li>
      ))}
    </ul>
  );
  return (
    <dialog ref={ref} className="dialog dialog-wide" aria-labelledby="examples-title" onClose={() => setOpen(false)}>
      <div className="dialog-head">
        <h2 id="examples-title">Examples</h2>
        <button type="button" className="icon-button" aria-label="Close examples" onClick={() => setOpen(false)}>×</button>
      </div>
      <h3 className="examples-heading">Done right</h3>
      {list(false)}
      <h3 className="examples-heading">Broken on purpose — see what rootlock finds and fixes</h3>
      {list(true)}
      <div className="dialog-actions">
        <button type="button" className="btn btn-secondary" onClick={() => { setOpen(false); startFresh(); }}>Start fresh with an empty manifest</button>
      </div>
    </dialog>
  );
}
