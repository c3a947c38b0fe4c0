import { useRef } from 'react';
import { useStore } from '../store/index.ts';

/** The handle between the editor and the side panel: drag it, or focus it and use the arrow keys. */
export function Splitter({ containerRef }: { containerRef: React.RefObject<HTMLElement | null> }) {
  const split = useStore((s) => s.split);
  const setSplit = useStore((s) => s.setSplit);
  const dragging = useRef(false);
  const fromPointer = (clientX: number) => {
    const box = containerRef.current?.getBoundingClientRect();
    if (box && box.width > 0) setSplit(((clientX - box.left) / box.width) * 100);
  };
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the editor and the side panel"
      aria-valuenow={Math.round(split)}
      aria-valuemin={20}
      aria-valuemax={80}
      tabIndex={0}
      onPointerDown={(e) => {
        dragging.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        if (dragging.current) fromPointer(e.clientX);
      }}
      onPointerUp={(e) => {
        dragging.current = false;
        e.currentTarget.releasePointerCapture(e.pointerId);
      }}
      onKeyDown={(e) => {
        const step = e.shiftKey ? 10 : 2;
        if (e.key === 'ArrowLeft') setSplit(split - step);
        else if (e.key === 'ArrowRight') setSplit(split + step);
        else if (e.key === 'Home') setSplit(20);
        else if (e.key === 'End') setSplit(80);
        else return;
        e.preventDefault();
      }}
      onDoubleClick={() => setSplit(55)}
    />
  );
}
