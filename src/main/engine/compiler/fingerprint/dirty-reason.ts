/**
 * Why a unit must be rebuilt, as data with old and new values (cargo's `DirtyReason`), so
 * the console and the UI can render it; `describeDirtyReason` gives cargo's `-v` wording.
 */
import { isAbsolute, relative } from 'node:path'
import { assertNever } from '@shared/assert-never'
import { formatFileTime, formatTimeDiff } from './file-time'

/** Where a watched file or variable came from: rustc's dep-info or a build script's rule. */
export type WatchOrigin = 'dep-info' | 'rerun-if-changed'

export type DirtyReason =
  /** No trustworthy fingerprint: never built, or the last build did not finish. */
  | { readonly type: 'fresh-build' }
  | { readonly type: 'rustc-changed' }
  | { readonly type: 'target-changed'; readonly old: string; readonly new: string }
  | { readonly type: 'profile-changed' }
  | { readonly type: 'features-changed'; readonly old: readonly string[]; readonly new: readonly string[] }
  | { readonly type: 'rustflags-changed'; readonly old: readonly string[]; readonly new: readonly string[] }
  | { readonly type: 'args-changed'; readonly old: readonly string[]; readonly new: readonly string[] }
  /** Configuration that is not part of the command line cargo compares changed (the linker). */
  | { readonly type: 'config-changed' }
  | { readonly type: 'dependency-count-changed'; readonly old: number; readonly new: number }
  | { readonly type: 'dependency-name-changed'; readonly old: string; readonly new: string }
  /** The dependency's own inputs changed (cargo: "dependency info changed"). */
  | {
      readonly type: 'dependency-info-changed'
      readonly name: string
      readonly old: string
      readonly new: string
    }
  /** The dependency was compiled again in this build, so this unit must relink against it. */
  | { readonly type: 'dependency-rebuilt'; readonly name: string }
  | {
      readonly type: 'env-changed'
      readonly origin: 'dep-info' | 'rerun-if-env-changed'
      readonly name: string
      readonly old: string | undefined
      readonly new: string | undefined
    }
  | {
      readonly type: 'file-changed'
      readonly origin: WatchOrigin
      readonly path: string
      readonly mtimeNs: bigint
      /** When the last build started; the file is newer than that. */
      readonly referenceNs: bigint
    }
  | { readonly type: 'file-missing'; readonly origin: WatchOrigin; readonly path: string }

function shown(path: string, root: string | undefined): string {
  if (root === undefined) return path
  const rel = relative(root, path)
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel
}

/**
 * Cargo's `Dirty` line text for a reason (`cargo build -v`). `root` (the workspace root)
 * shortens file paths under it, as cargo does. `fresh-build` has no cargo text (cargo just
 * compiles), so it gets one of ours.
 */
export function describeDirtyReason(reason: DirtyReason, root?: string): string {
  switch (reason.type) {
    case 'fresh-build':
      return 'no fingerprint from a finished earlier build'
    case 'rustc-changed':
      return 'the toolchain changed'
    case 'target-changed':
      return 'the target configuration changed'
    case 'profile-changed':
      return 'the profile configuration changed'
    case 'features-changed':
      return 'the list of features changed'
    case 'rustflags-changed':
      return 'the rustflags changed'
    case 'args-changed':
      return 'the rustc arguments changed'
    case 'config-changed':
      return 'the config settings changed'
    case 'dependency-count-changed':
      return `number of dependencies changed (${reason.old} => ${reason.new})`
    case 'dependency-name-changed':
      return `name of dependency changed (${reason.old} => ${reason.new})`
    case 'dependency-info-changed':
      return 'dependency info changed'
    case 'dependency-rebuilt':
      return `the dependency ${reason.name} was rebuilt`
    case 'env-changed':
      return reason.origin === 'dep-info'
        ? `the environment variable ${reason.name} changed`
        : `the env variable ${reason.name} changed`
    case 'file-changed': {
      const diff = formatTimeDiff(reason.referenceNs, reason.mtimeNs)
      const after = `${formatFileTime(reason.mtimeNs)}, ${diff} after last build at ${formatFileTime(reason.referenceNs)}`
      return `the file \`${shown(reason.path, root)}\` has changed (${after})`
    }
    case 'file-missing':
      return `the file \`${shown(reason.path, root)}\` is missing`
    default:
      return assertNever(reason, 'dirty reason')
  }
}
