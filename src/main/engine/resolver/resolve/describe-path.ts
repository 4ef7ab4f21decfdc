/**
 * How cargo tells the way from a package down to a workspace member: "package `x v1.0.0`
 * … which satisfies dependency `x = "^1"` of package `root v0.1.0 (/ws)`".
 */
import type { Summary } from '../../sources/summary'
import type { Dep } from './dependency'
import { displayPackageId, summaryId } from './package-keys'
import type { ResolverContext } from './resolver-context'

export interface PathStep {
  readonly key: string
  /** The dependency of this package that the previous step satisfies (none for the first). */
  readonly dep?: Dep
}

/** One path from `key` up through its dependents to a root (cargo takes the first dependent each time). */
export function pathToRoot(cx: ResolverContext, key: string): PathStep[] {
  const path: PathStep[] = [{ key }]
  let current = key
  for (;;) {
    const parents = cx.parents.get(current)
    const next = parents && [...parents].find(([p]) => !path.some((s) => s.key === p))
    if (!next) return path
    path.push({ key: next[0], dep: next[1][0]! })
    current = next[0]
  }
}

/** cargo's `describe_path`. */
export function describePath(steps: readonly PathStep[], known: (key: string) => Summary): string {
  const first = steps[0]
  if (!first) return ''
  let text = `package \`${displayPackageId(summaryId(known(first.key)))}\``
  for (const step of steps.slice(1)) {
    const dep = step.dep!
    const kind = dep.source.kind === 'path' ? 'path ' : dep.source.kind === 'git' ? 'git ' : ''
    const requirement = kind === '' ? `${dep.name} = "${dep.reqText}"` : dep.name
    const locked = dep.locked !== undefined ? `(locked to ${dep.locked}) ` : ''
    text += `\n    ... which satisfies ${kind}dependency \`${requirement}\` ${locked}of package \`${displayPackageId(summaryId(known(step.key)))}\``
  }
  return text
}
