import { lazy, Suspense } from 'react';
import { ShareDialog } from '../share/ShareDialog.tsx';
import { useStore } from '../store/index.ts';

// The export dialog brings Monaco's diff editor: loaded when it is first opened.
const ExportDialog = lazy(() => import('./ExportDialog.tsx'));
// Harden shows its changes in the same diff editor
const HardenDialog = lazy(() => import('../policy/HardenDialog.tsx'));

/** The export, harden and share dialogs, rendered once by App. */
export function ExportDialogs() {
  const exportOpen = useStore((s) => s.exportOpen);
  const harden = useStore((s) => s.harden);
  return (
    <>
      {exportOpen && (
        <Suspense fallback={null}>
          <ExportDialog />
        </Suspense>
      )}
      {harden && (
        <Suspense fallback={null}>
          <HardenDialog />
        </Suspense>
      )}
      <ShareDialog />
    </>
  );
}
