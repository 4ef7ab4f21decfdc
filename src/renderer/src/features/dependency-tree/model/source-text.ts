/**
 * How a row names where its package comes from, in a few characters (`registry`, `git@0123abcd`,
 * `path`), with cargo tree's full label (shared model) for the tooltip and the details pane.
 */
import type { GraphSource } from '@shared/models/dependency-tree'
import { CRATES_IO_NAME } from '@shared/models/dependency-tree'
import { assertNever } from '@shared/assert-never'

export function shortSource(source: GraphSource): string {
  switch (source.kind) {
    case 'registry':
      return source.name === CRATES_IO_NAME ? 'registry' : source.name
    case 'git':
      return source.commit ? `git@${source.commit.slice(0, 8)}` : 'git'
    case 'path':
      return 'path'
    default:
      return assertNever(source, 'graph source')
  }
}

/** The git reference as a person writes it in a manifest (`branch = "main"`), if any. */
export function gitReferenceText(source: GraphSource): string | undefined {
  if (source.kind !== 'git' || !source.reference) return undefined
  return `${source.reference.type} = "${source.reference.value}"`
}
