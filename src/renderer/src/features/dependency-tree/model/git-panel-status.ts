/**
 * What one git panel row says, as pure data: the reference in words, the locked commit in short,
 * and how it stands against upstream. A check made against another locked commit (before an
 * Update) no longer applies to the row and is not shown as if it did.
 */
import { newerCommitsText, type GitDependency, type GitUpstreamCheck } from '@shared/models/git-dependencies'
import { assertNever } from '@shared/assert-never'

/** Eight hex digits, as `cargo tree` and the tree view abbreviate commits. */
export function shortCommit(commit: string): string {
  return commit.slice(0, 8)
}

/** `branch main`, `tag v1.0.0`, `rev 0123abcd`, or `default branch`. */
export function referenceText(dep: GitDependency): string {
  const ref = dep.reference
  if (!ref) return 'default branch'
  return `${ref.type} ${ref.type === 'rev' && /^[0-9a-f]{40,64}$/i.test(ref.value) ? shortCommit(ref.value) : ref.value}`
}

export type UpstreamTone = 'ok' | 'behind' | 'warn' | 'error' | 'muted'

export interface UpstreamText {
  readonly text: string
  readonly tone: UpstreamTone
  /** A longer explanation (the tooltip, or the error's message). */
  readonly detail?: string
}

/** The row's standing against upstream, from the last check that applies to its locked commit. */
export function upstreamText(
  dep: GitDependency,
  check: GitUpstreamCheck | undefined,
  checking: boolean
): UpstreamText {
  if (dep.reference?.type === 'rev') {
    return { text: 'Pinned', tone: 'muted', detail: 'A `rev` never moves: there is nothing newer to fetch.' }
  }
  if (!check || check.lockedCommit !== dep.lockedCommit) {
    return checking ? { text: 'Checking…', tone: 'muted' } : { text: 'Not checked', tone: 'muted' }
  }
  const status = check.status
  switch (status.state) {
    case 'pinned':
      return { text: 'Pinned', tone: 'muted' }
    case 'failed':
      return { text: 'Could not check', tone: 'error', detail: status.error.message }
    case 'checked':
      if (status.rewritten) {
        return {
          text: 'Upstream history rewritten',
          tone: 'warn',
          detail: `The ${referenceText(dep)} is now at ${shortCommit(status.latest)}, which does not contain the locked commit.`
        }
      }
      return status.ahead === 0
        ? { text: newerCommitsText(0), tone: 'ok' }
        : {
            text: newerCommitsText(status.ahead),
            tone: 'behind',
            detail: `The ${referenceText(dep)} is at ${shortCommit(status.latest)} upstream.`
          }
    default:
      return assertNever(status, 'upstream status')
  }
}

/** Update applies to what follows a branch or tag; a `rev` stays where it is. */
export function canUpdate(dep: GitDependency): boolean {
  return dep.reference?.type !== 'rev'
}

/** Pin writes `rev` into this package's Cargo.toml: only for an entry it declares that is not pinned yet. */
export function canPin(dep: GitDependency): boolean {
  return dep.declaredAs.length > 0 && dep.reference?.type !== 'rev'
}

/**
 * The name Update and Pin send for a source: one of its packages that no other git source of the
 * list also provides, so main can tell which source is meant (it refuses an ambiguous name).
 */
export function requestName(dep: GitDependency, all: readonly GitDependency[]): string {
  const elsewhere = new Set(
    all.filter((d) => d.source !== dep.source).flatMap((d) => d.packages.map((p) => p.name))
  )
  const names = dep.packages.map((p) => p.name)
  return names.find((n) => !elsewhere.has(n)) ?? names[0] ?? ''
}
