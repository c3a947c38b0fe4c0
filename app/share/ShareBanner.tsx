import { useEffect } from 'react';
import { useStore } from '../store/index.ts';
import { discardShared, keepShared, openShareLink } from './shareLink.ts';
import './share.css';

/**
 * Under the header: a manifest opened from a share link (Keep it / Go back to your saved manifest),
 * or why a share link could not be opened. Also opens links pasted into the address bar of an open page.
 */
export function ShareBanner() {
  const preview = useStore((s) => s.sharedPreview);
  const error = useStore((s) => s.shareError);
  const setError = useStore((s) => s.setShareError);
  useEffect(() => {
    const onHash = () => void openShareLink(location.hash);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return (
    <>
      {error && (
        <div className="share-banner share-banner-error" role="alert">
          <p>
            <strong>Link not opened.</strong> {error} Your manifest was not changed.
          </p>
          <button type="button" className="icon-button" aria-label="Dismiss the share link message" onClick={() => setError(null)}>×</button>
        </div>
      )}
      {preview && (
        <section className="share-banner" aria-labelledby="share-banner-title">
          <p>
            <strong id="share-banner-title">Opened from a shared link</strong>
            <span className="share-banner-note">
              {preview.previous
                ? ' — your saved manifest stays as it was until you keep this one or edit it.'
                : ' — it is saved in this browser once you keep it or edit it.'}
            </span>
          </p>
          <div className="share-banner-actions">
            <button type="button" className="btn btn-small" onClick={keepShared}>Keep it</button>
            <button type="button" className="btn btn-small btn-secondary" onClick={discardShared}>
              {preview.previous ? 'Go back to your saved manifest' : 'Discard it'}
            </button>
          </div>
        </section>
      )}
    </>
  );
}
