/**
 * A Unit is one step of a build: one rustc invocation for one target, or the 2014 build
 * command of a package. Units are planned (pure data) before anything runs.
 */
import { createHash } from 'node:crypto'
import type { Target } from '../manifest/model'
import type { PackageNode } from '../workspace/package-graph'
import type { Profile } from './profile'

export type UnitMode = 'compile' | 'build-command'

/** How much of a dependency must be finished before a dependent may start. */
export type DepNeed = 'metadata' | 'link' | 'run'

export interface UnitDep {
  readonly unit: Unit
  /** The name the dependent's code uses (`--extern NAME=…`); absent for a build command. */
  readonly externName?: string
  readonly needs: DepNeed
}

export interface Unit {
  readonly id: string
  readonly node: PackageNode
  /** Absent for a build command, which belongs to the package rather than a target. */
  readonly target?: Target
  readonly mode: UnitMode
  readonly profile: Profile
  readonly features: readonly string[]
  /** A package the user asked to build (not a dependency): its artifacts are uplifted. */
  readonly primary: boolean
  readonly deps: readonly UnitDep[]
  /** `-C metadata` and `-C extra-filename`: distinguishes this unit's artifacts from any other's. */
  readonly hash: string
  /** The package's OUT_DIR when a build command produces files for it. */
  readonly outDir?: string
}

/** A stable 16-hex-digit digest, as cargo uses for artifact names. */
export function shortHash(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16)
}

/** "demo (bin \"demo\")" style description used in cargo's messages. */
export function describeUnit(unit: Unit): string {
  const name = unit.node.pkg.manifest.package.name
  const t = unit.target
  if (!t) return `\`${name}\` (build command)`
  if (t.kind === 'lib') return `\`${name}\` (lib)`
  return `\`${name}\` (${t.kind} "${t.name}")`
}
