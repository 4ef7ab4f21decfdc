/**
 * The folders whose code a build would run: every path package it compiles (its build script,
 * proc-macros and crates), and a build script kept outside its package. Registry and git
 * packages are not listed: they come from sources the user's configuration chose.
 */
import { dirname } from 'node:path'
import { isInside } from '../../tools/paths'
import type { BuildPlan } from '../unit-graph'

export function codeFolders(plan: BuildPlan): string[] {
  const folders = new Set<string>()
  for (const unit of plan.units) {
    const { node } = unit
    if (node.source.kind !== 'path') continue
    const root = node.pkg.manifest.rootDir
    folders.add(root)
    const script = node.pkg.buildScript
    if (script !== undefined && !isInside(root, script)) folders.add(dirname(script))
  }
  return [...folders]
}
