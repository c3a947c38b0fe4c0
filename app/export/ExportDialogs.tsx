import { lazy, Suspense } from 'react';
import { ShareDialog } from '../share/ShareDialog.tsx';
import { useStore } from '../store/index.ts';

// The export dialog brings Monaco's diff editor: loaded when it is first opened.
const ExportDialog = lazy(() => import('./ExportDialog.tsx'));

/** The export and share dialogs, rendered once by App. */
export function ExportDialogs() {
  const exportOpen = useStore((s) => s.exportOpen);
  return (
    <>
      {exportOpen && (
        <Suspense fallback={null}>
          <ExportDialog />
        </Suspense>
      )}
      <ShareDialog />
    </>
  );
}
