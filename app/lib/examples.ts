/** The examples gallery: manifests in public/examples/, one per situation people meet first. */
export interface Example {
  file: string;
  title: string;
  description: string;
  /** Broken on purpose: it teaches what rootlock finds and fixes. */
  broken?: boolean;
}

export const EXAMPLES: readonly Example[] = [
  { file: 'nginx-readonly.yaml', title: 'nginx, read-only', description: 'The official nginx image with a read-only root and emptyDirs for its cache and pid file.' },
  { file: 'multiple-writable-volumes.yaml', title: 'Several writable paths', description: 'An app that writes to five places, each an emptyDir, running as a non-root user.' },
  { file: 'postgres-persistent.yaml', title: 'PostgreSQL with a volume', description: 'A StatefulSet whose data lives on a PersistentVolumeClaim, PGDATA below the mount.' },
  { file: 'init-container-shared-config.yaml', title: 'Init container prepares config', description: 'An init container copies a ConfigMap into a shared emptyDir; the app mounts it read-only.' },
  { file: 'test-pod.yaml', title: 'A pod to test in', description: 'A small pod with a read-only root and a writable /tmp, to exec into and try writes.' },
  { file: 'namespace-restricted.yaml', title: 'Namespace with restricted policy', description: 'Pod Security “restricted” does not require a read-only root: a Namespace and a pod that passes it anyway.' },
  { file: 'memory-emptydir-fragment.yaml', title: 'A volumes fragment', description: 'Not a whole object: a memory-backed emptyDir as you would paste it from a pod spec.' },
  { file: 'nginx-no-cache.yaml', title: 'nginx with no cache mount', description: 'Read-only root, but nowhere to write its cache, pid file or temp files: it would fail at start-up.', broken: true },
  { file: 'postgres-pgdata-root.yaml', title: 'PostgreSQL with PGDATA on the root', description: 'The data directory sits on the read-only root filesystem instead of a volume.', broken: true },
  { file: 'pod-level-flag.yaml', title: 'The flag at pod level', description: 'readOnlyRootFilesystem in the pod’s securityContext, where Kubernetes ignores it.', broken: true },
];

export const DEFAULT_EXAMPLE = 'pod-level-flag.yaml';

export async function fetchExample(file: string): Promise<string> {
  const r = await fetch(`${import.meta.env.BASE_URL}examples/${file}`);
  if (!r.ok) throw new Error(`${r.status} ${r.statusText}`);
  return r.text();
}
