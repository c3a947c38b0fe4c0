import { useId } from 'react';
import type { FilesystemMap, StoryEntry } from '../../src/index.ts';

/**
 * "What happens at start-up": the pod as Kubernetes runs it — init containers one by one (each must
 * finish before the next starts), then sidecars and app containers — and, for each, which writes
 * succeed on which volume and which fail with the program's error.
 */
export function StartupStory({ map }: { map: FilesystemMap }) {
  const id = useId();
  const failures = map.story.reduce((n, e) => n + e.steps.filter((s) => !s.ok).length, 0);
  // a failing init container stops the pod there: later containers never start
  const blockedAfter = map.story.findIndex((e) => e.phase === 'init' && e.steps.some((s) => !s.ok));
  let init = 0;
  const phase = (e: StoryEntry) => {
    if (e.phase === 'init') return `Init container ${++init}`;
    return e.phase === 'sidecar' ? 'Sidecar' : 'App container';
  };
  return (
    <section className="story" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="section-title">What happens at start-up</h3>
      <p className={`story-summary ${failures ? 'bad' : 'ok'}`}>
        <span aria-hidden="true">{failures ? '✗ ' : '✓ '}</span>
        {failures
          ? `${failures} ${failures === 1 ? 'write fails' : 'writes fail'}: as written, the pod would not start cleanly.`
          : 'Every write rootlock knows of has a writable place: the pod starts.'}
      </p>
      <ol className="story-list">
        {map.story.map((e, i) => {
          const ok = e.steps.every((s) => s.ok);
          const blocked = blockedAfter >= 0 && i > blockedAfter;
          const label = phase(e);
          return (
            <li key={`${e.container}-${i}`} className={`story-entry ${ok ? 'ok' : 'bad'}`}>
              <p className="story-head">
                <span className="story-phase">{label}</span> <code>{e.container}</code>
                <span className="story-when">
                  {e.phase === 'init' ? ' runs to completion before the next one starts' : e.phase === 'sidecar' ? ' starts before the app containers and keeps running' : ' starts'}
                  {!ok && !blocked ? ', and fails:' : ''}
                  {blocked ? ' — but never gets to start: an init container before it fails' : ''}
                </span>
              </p>
              <ul className="story-steps">
                {e.steps.map((s, j) => (
                  <li key={`${s.path}-${j}`} className={s.ok ? 'ok' : 'bad'}>
                    <span className="story-mark" aria-hidden="true">{s.ok ? '✓' : '✗'}</span>
                    <span className="visually-hidden">{s.ok ? 'succeeds: ' : 'fails: '}</span>
                    <span className="story-text">{s.text}</span>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
