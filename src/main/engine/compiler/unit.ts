/**
 * A Unit is one step of a build: one rustc invocation for one target, one run of a package's
 * build script, or the 2014 build command of a package. Units are planned (pure data) before
 * anything runs.
 */
import { createHash } from 'node:crypto'
import type { UnitKind } from '@shared/models/build'
import type { Target } from '../manifest/model'
import type { PackageNode } from '../workspace/package-graph'
import type { Profile } from './profile'

export type UnitMode = 'compile' | 'run-build-script' | 'build-command'

/** How much of a dependency must be finished before a dependent may start. */
export type DepNeed = 'metadata' | 'link' | 'run'

export interface UnitDep {
  readonly unit: Unit
  /** The name the dependent's code uses (`--extern NAME=…`); absent when nothing is linked. */
  readonly externName?: string
  readonly needs: DepNeed
}

export interface Unit {
  readonly id: string
  /** `packageIdKey` of the package in the resolve. */
  readonly pkgKey: string
  readonly node: PackageNode
  /** What the unit does; `custom-build` compiles a build script, `run-custom-build` runs it. */
  readonly kind: UnitKind
  /** The crate rustc compiles (a build script's is `build-script-build`); absent when running. */
  readonly target?: Target
  readonly mode: UnitMode
  /** Compiled as a libtest harness (`rustc --test`). */
  readonly test: boolean
  /** Built for the machine running the build: build scripts, proc-macros and what they use. */
  readonly forHost: boolean
  readonly profile: Profile
  readonly features: readonly string[]
  /** A package the user asked to build (not a dependency): its artifacts are uplifted. */
  readonly primary: boolean
  readonly deps: readonly UnitDep[]
  /** `-C metadata` and `-C extra-filename`: distinguishes this unit's artifacts from any other's. */
  readonly hash: string
  /**
   * The package's OUT_DIR when its build script or build command produces files for it; for a
   * `run-custom-build` unit, the directory it writes into.
   */
  readonly outDir?: string
  /** The unit running this package's build script, whose output shapes how it compiles. */
  readonly buildScript?: Unit
  /** `custom-build`: the folder its executable goes to; `run-custom-build`: the one it keeps its output in. */
  readonly scriptDir?: string
}

/** A stable 16-hex-digit digest, as cargo uses for artifact names. */
export function shortHash(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16)
}

/** "`demo` (bin \"demo\")" style description used in cargo's messages. */
export function describeUnit(unit: Unit): string {
  const name = unit.node.pkg.manifest.package.name
  const t = unit.target
  if (unit.kind === 'build-command') return `\`${name}\` (build command)`
  if (unit.kind === 'custom-build' || unit.kind === 'run-custom-build') return `\`${name}\` (build script)`
  if (!t) return `\`${name}\``
  const test = unit.test ? ' test' : ''
  if (t.kind === 'lib') return `\`${name}\` (lib${test})`
  return `\`${name}\` (${t.kind}${test} "${t.name}")`
}
