import { reveal } from '../editor/bridge.ts';
import { useStore } from '../store/index.ts';

/** Shown while the YAML does not parse: the error, a link to its line, and why the form is read-only. */
export function SyntaxBanner() {
  const current = useStore((s) => s.current);
  const editorReady = useStore((s) => s.editorReady);
  const hasLastValid = useStore((s) => !!s.lastValid);
  const err = current?.view.syntaxError;
  if (!current || !err) return null;
  // the engine's own message for the same error is friendlier than the parser's
  const diag = current.analysis.diagnostics.find((d) => d.severity === 'error' && d.range.start === err.start) ?? current.analysis.diagnostics.find((d) => d.severity === 'error');
  const message = diag?.message ?? err.message;
  return (
    <div className="banner banner-error" id="syntax-banner" role="alert">
      <p className="banner-title">The YAML does not parse</p>
      <p>
        {message}{' '}
        <a
          href={`#L${err.line}`}
          onClick={(e) => {
            e.preventDefault();
            reveal({ start: err.start, end: err.end });
          }}
          aria-disabled={!editorReady || undefined}
        >
          Go to line {err.line}, column {err.column}
        </a>
      </p>
      <p className="banner-note">
        {hasLastValid ? 'The form shows the last version that parsed and is read-only until the YAML is fixed. ' : ''}
        Your text is kept as you typed it.
      </p>
    </div>
  );
}
