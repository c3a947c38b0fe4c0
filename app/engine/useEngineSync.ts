import { useEffect } from 'react';
import { useStore } from '../store/index.ts';
import { engine } from './instance.ts';

/** Keeps the analysis following the text: each new text version is scheduled in the worker. */
export function useEngineSync(): void {
  useEffect(() => {
    const client = engine();
    const offAnalysis = client.onAnalysis((r) => {
      const s = useStore.getState();
      s.receiveAnalysis({ version: r.version, text: s.version === r.version ? s.text : '', analysis: r.analysis, view: r.view }, r.ms);
    });
    const offLatest = client.onLatest((r) => useStore.getState().receiveLatest(r.version, r.analysis));
    const offFailure = client.onFailure((message) => useStore.getState().notify(message, 'error'));
    client
      .catalog()
      .then(({ rules, pssNewest }) => {
        useStore.getState().setCatalog(rules);
        useStore.getState().setPssNewest(pssNewest);
      })
      .catch(() => undefined);
    const { text, version, pssVersion } = useStore.getState();
    client.pssVersion = pssVersion;
    client.schedule(text, version);
    const unsubscribe = useStore.subscribe((s, prev) => {
      // a new Pod Security version comes with a new text version (setPssVersion), analysed at it
      if (s.pssVersion !== prev.pssVersion) client.pssVersion = s.pssVersion;
      if (s.version !== prev.version) client.schedule(s.text, s.version);
    });
    return () => {
      offAnalysis();
      offLatest();
      offFailure();
      unsubscribe();
    };
  }, []);
}
