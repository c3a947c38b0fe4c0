import { shareCurrent } from './shareLink.ts';

/** The header's "Share" button: copies a link to the manifest (the dialog is ShareDialog, in App). */
export function ShareButton() {
  return <button type="button" className="btn btn-ghost" aria-haspopup="dialog" onClick={() => void shareCurrent()}>Share</button>;
}
