import { useEffect, useId, useRef } from 'react';
import { download, manifestFileName, YAML_TYPE } from '../export/download.ts';
import { Modal } from '../export/Modal.tsx';
import { useStore } from '../store/index.ts';
import { copyShortcut } from './clipboard.ts';

/** What "Share" did: the link it copied, the link to copy by hand, or why a link cannot hold this manifest. */
export function ShareDialog() {
  const dialog = useStore((s) => s.shareDialog);
  const setDialog = useStore((s) => s.setShareDialog);
  const titleId = useId();
  const messageId = useId();
  const fieldId = useId();
  const field = useRef<HTMLInputElement>(null);
  const close = () => setDialog(null);
  useEffect(() => {
    // without the clipboard: the link, selected, ready for Ctrl+C
    if (dialog?.kind === 'copy-failed') {
      field.current?.focus();
      field.current?.select();
    }
  }, [dialog]);
  return (
    <Modal open={!!dialog} onClose={close} labelledBy={titleId} describedBy={messageId} className="share-dialog">
      <div className="dialog-head">
        <h2 id={titleId}>{dialog?.kind === 'too-large' ? 'Too large for a link' : 'Share this manifest'}</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={close}>×</button>
      </div>
      {dialog?.kind === 'too-large' && (
        <>
          <p id={messageId}>
            A link to this manifest would be {dialog.length.toLocaleString('en')} characters long. Links over{' '}
            {dialog.max.toLocaleString('en')} characters are not kept reliably (chat tools, mail clients and issue trackers cut
            them), so rootlock does not make one. Download the manifest and send the file instead.
          </p>
          <div className="dialog-actions">
            <button type="button" className="btn btn-secondary" onClick={close}>Close</button>
            <button
              type="button"
              className="btn"
              autoFocus
              onClick={() => {
                const { text, fileName } = useStore.getState();
                download(manifestFileName(fileName), text, YAML_TYPE);
                close();
              }}
            >
              Download {manifestFileName(useStore.getState().fileName)}
            </button>
          </div>
        </>
      )}
      {dialog && dialog.kind !== 'too-large' && (
        <>
          <p id={messageId} aria-live="polite" className={dialog.kind === 'copied' ? 'share-ok' : undefined}>
            {dialog.kind === 'copied'
              ? 'Link copied to the clipboard.'
              : `rootlock may not use the clipboard here. The link is selected below: press ${copyShortcut()} to copy it.`}
          </p>
          <label htmlFor={fieldId} className="field-label">Share link</label>
          <input ref={field} id={fieldId} type="text" readOnly value={dialog.url} className="share-url" onFocus={(e) => e.currentTarget.select()} />
          <p className="hint share-hint">
            The manifest travels inside the link, after the <code>#</code>, which browsers never send to a server: nothing is
            uploaded. Anyone who has the link can read the manifest. Opening it shows the manifest without replacing the one saved
            in their browser until they keep it.
          </p>
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={close} autoFocus={dialog.kind === 'copied'}>Done</button>
          </div>
        </>
      )}
    </Modal>
  );
}
