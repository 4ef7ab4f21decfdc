/**
 * cargo rejects a dependency cycle unless a dev-dependency closes it (a test may depend on a
 * package that depends on the one under test). The error walks the cycle as cargo prints it.
 */
import { EngineError } from '../../errors'
import type { Summary } from '../../sources/summary'
import { isTransitive, type Dep } from './dependency'
import { describePath, type PathStep } from './describe-path'
import { comparePackageIds, summaryId, summaryKey } from './package-keys'
import type { ResolverContext } from './resolver-context'

/**
 * Throws cargo's "cyclic package dependency" error when normal or build edges form a cycle. An
 * edge to a `[replace]`d package also leads to its stand-in (`standIns`: original key → summary).
 */
export function checkCycles(
  cx: ResolverContext,
  known: (key: string) => Summary,
  standIns: ReadonlyMap<string, Summary> = new Map()
): void {
  const graph = new Map<string, Map<string, Dep>>()
  const nodes = new Set<string>()
  for (const a of cx.activations.values()) nodes.add(summaryKey(a.summary))
  for (const [child, parents] of cx.parents) {
    nodes.add(child)
    for (const [parent, deps] of parents) {
      nodes.add(parent)
      const dep = deps.find(isTransitive)
      if (!dep) continue
      let edges = graph.get(parent)
      if (!edges) graph.set(parent, (edges = new Map<string, Dep>()))
      edges.set(child, dep)
      const standIn = standIns.get(child)
      if (standIn) edges.set(summaryKey(standIn), dep)
    }
  }
  const byId = (a: string, b: string) => comparePackageIds(summaryId(known(a)), summaryId(known(b)))
  const checked = new Set<string>()
  const visiting = new Set<string>()
  const path: string[] = []
  const visit = (id: string): void => {
    path.push(id)
    if (visiting.has(id)) {
      const steps: PathStep[] = [{ key: id }]
      let child = id
      for (let i = path.length - 2; i >= 0; i--) {
        const parent = path[i]!
        steps.push({ key: parent, dep: graph.get(parent)!.get(child)! })
        child = parent
      }
      const describe = describePath(steps, known)
      const first = describe.split('\n')[0]!.replace(/^package /, '')
      throw new EngineError(
        'manifest-invalid',
        `cyclic package dependency: package ${first} depends on itself. Cycle:\n${describe}`,
        {
          hint: 'Break the cycle: packages may not depend on each other in a loop (only dev-dependencies may point back).'
        }
      )
    }
    visiting.add(id)
    if (!checked.has(id)) {
      checked.add(id)
      for (const next of [...(graph.get(id)?.keys() ?? [])].sort(byId)) visit(next)
    }
    path.pop()
    visiting.delete(id)
  }
  for (const id of [...nodes].sort(byId)) if (!checked.has(id)) visit(id)
}
