import type { Rule } from './define.ts';
import roRootFsMissing from './ro-root-fs-missing.ts';
import roRootFsPodLevel from './ro-root-fs-pod-level.ts';
import roRootFsWindows from './ro-root-fs-windows.ts';
import volumeMountMissingVolume from './volume-mount-missing-volume.ts';
import volumeMountDuplicatePath from './volume-mount-duplicate-path.ts';
import volumeDuplicateName from './volume-duplicate-name.ts';
import volumeUnused from './volume-unused.ts';
import emptyDirMemoryNoSizeLimit from './empty-dir-memory-no-size-limit.ts';
import tmpNotWritable from './tmp-not-writable.ts';
import imagePathNotWritable from './image-path-not-writable.ts';
import envPathNotWritable from './env-path-not-writable.ts';
import pgdataAtMountRoot from './pgdata-at-mount-root.ts';
import dataOnEmptyDir from './data-on-empty-dir.ts';
import mountHidesImageContent from './mount-hides-image-content.ts';
import commandWritesReadOnlyPath from './command-writes-read-only-path.ts';
import runtimePackageInstall from './runtime-package-install.ts';
import writableMountReadOnly from './writable-mount-read-only.ts';
import imageUnknown from './image-unknown.ts';
import pssBaseline from './pss-baseline.ts';
import pssRestricted from './pss-restricted.ts';
import pssNamespaceLabel from './pss-namespace-label.ts';
import pssNamespaceRejects from './pss-namespace-rejects.ts';
import restrictedNotReadOnly from './restricted-not-read-only.ts';

/** Every rule, listed by hand (no globbing), in the order findings are reported. */
export const rules: readonly Rule[] = [
  roRootFsMissing,
  roRootFsPodLevel,
  roRootFsWindows,
  volumeMountMissingVolume,
  volumeMountDuplicatePath,
  volumeDuplicateName,
  volumeUnused,
  emptyDirMemoryNoSizeLimit,
  tmpNotWritable,
  imagePathNotWritable,
  envPathNotWritable,
  pgdataAtMountRoot,
  dataOnEmptyDir,
  mountHidesImageContent,
  commandWritesReadOnlyPath,
  runtimePackageInstall,
  writableMountReadOnly,
  imageUnknown,
  pssBaseline,
  pssRestricted,
  pssNamespaceLabel,
  pssNamespaceRejects,
  restrictedNotReadOnly,
];
