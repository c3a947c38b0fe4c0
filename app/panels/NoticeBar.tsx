import { useEffect } from 'react';
import { useStore } from '../store/index.ts';

/** One message at a time about what just happened; info messages fade after a while. */
export function NoticeBar() {
  const notice = useStore((s) => s.notice);
  const dismiss = useStore((s) => s.dismissNotice);
  useEffect(() => {
    if (!notice || notice.kind === 'error') return;
    const t = setTimeout(() => {
      if (useStore.getState().notice?.id === notice.id) dismiss();
    }, notice.action ? 20000 : 8000);
    return () => clearTimeout(t);
  }, [notice, dismiss]);
  return (
    <div className="notice-region" aria-live="polite">
      {notice && (
        <div className={`notice notice-${notice.kind}`}>
          <span>{notice.text}</span>
          {notice.action && (
            <button type="button" className="btn btn-small btn-secondary" onClick={() => { notice.action?.run(); }}>
              {notice.action.label}
            </button>
          )}
          <button type="button" className="icon-button" aria-label="Dismiss message" onClick={dismiss}>×</button>
        </div>
      )}
    </div>
  );
}
