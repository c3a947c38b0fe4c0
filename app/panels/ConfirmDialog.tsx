import { useModalDialog } from '../lib/dialog.ts';
import { useStore } from '../store/index.ts';

/** Asks before an action that would replace the user's text. */
export function ConfirmDialog() {
  const confirm = useStore((s) => s.confirm);
  const askConfirm = useStore((s) => s.askConfirm);
  const ref = useModalDialog(!!confirm);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="confirm-title" aria-describedby="confirm-message" onClose={() => askConfirm(null)}>
      {confirm && (
        <form method="dialog">
          <h2 id="confirm-title">{confirm.title}</h2>
          <p id="confirm-message">{confirm.message}</p>
          <div className="dialog-actions">
            <button type="submit" className="btn btn-secondary" autoFocus>Cancel</button>
            <button
              type="button"
              className="btn"
              onClick={() => {
                const run = confirm.onConfirm;
                askConfirm(null);
                run();
              }}
            >
              {confirm.confirmLabel}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
