/**
 * Freshness for one unit, as cargo decides it: the inputs known before it runs (toolchain,
 * command line, features, profile, dependencies' fingerprints), and what its last finished run
 * observed (the files and variables rustc read, a build script's rerun rules). A fresh unit runs
 * nothing; a dirty one carries its reason, loses its fingerprint before it starts (so a killed
 * build leaves nothing a later build trusts) and gets a new one only after its outputs are whole.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { compareFingerprints } from '../fingerprint/compare'
import type { DirtyReason } from '../fingerprint/dirty-reason'
import {
  fingerprintHash,
  normalizeArgs,
  type BuildObservations,
  type FingerprintInputs
} from '../fingerprint/fingerprint'
import { invalidateFingerprint, readFingerprint, writeFingerprint } from '../fingerprint/fingerprint-file'
import { unitLayout, type Layout } from '../layout'
import type { Unit } from '../unit'
import { newestMtimeNs } from './newest-mtime'

export interface FreshnessState {
  /**
   * What a dependent records of each unit checked so far, by unit id: its inputs' hash and
   * when its output was built. The time changes with every rebuild, so a dependent that did
   * not run in the build that rebuilt this unit (another bin, a cancelled or failed build)
   * still sees the change next time.
   */
  readonly hashes: Map<string, string>
  /** The entries of units that ran again in this build: their dependents must run too. */
  readonly rebuilt: Set<string>
}

export interface UnitCheck {
  readonly path: string
  readonly inputs: FingerprintInputs
  /** Undefined when the unit is fresh. */
  readonly reason?: DirtyReason
}

export function freshnessState(): FreshnessState {
  return { hashes: new Map(), rebuilt: new Set() }
}

/** cargo keeps fingerprints in target/<profile>/.fingerprint/<pkg>-<hash>/; ours are named apart. */
export function fingerprintPath(unit: Unit, layout: Layout): string {
  const name = unit.node.pkg.manifest.package.name
  return join(
    unitLayout(unit, layout).dest,
    '.fingerprint',
    `${name}-${unit.hash}`,
    `crate-studio-${unit.kind}.json`
  )
}

/** What the command line says about the output; message formatting does not change it. */
function fingerprintArgs(args: readonly string[], layout: Layout): string[] {
  return normalizeArgs(
    args.filter((a) => !a.startsWith('--json=')),
    layout.targetDir
  )
}

export interface UnitInputsSource {
  readonly rustcVersion: string
  readonly rustflags: readonly string[]
  /** The command line (compile units), or what stands for it (a build command's text). */
  readonly args: readonly string[]
  readonly layout: Layout
}

export async function checkUnit(
  unit: Unit,
  src: UnitInputsSource,
  state: FreshnessState,
  env: (name: string) => string | undefined,
  outputs: readonly string[]
): Promise<UnitCheck> {
  const inputs: FingerprintInputs = {
    rustc: src.rustcVersion,
    target: `${unit.kind}${unit.test ? ' test' : ''} ${unit.target?.name ?? ''}`,
    profile: JSON.stringify({ ...unit.profile, name: undefined }),
    features: unit.features,
    rustflags: src.rustflags,
    args: fingerprintArgs(src.args, src.layout),
    deps: unit.deps.map((d) => ({
      name: d.unit.node.pkg.manifest.package.name,
      hash: state.hashes.get(d.unit.id) ?? ''
    }))
  }
  const path = fingerprintPath(unit, src.layout)
  let old
  try {
    old = readFingerprint(path)
  } catch {
    // Unreadable (permissions, a folder in its place): treated as none, so the unit rebuilds.
    old = undefined
  }
  let reason = await compareFingerprints(old, inputs, {
    mtimeNs: (p) => newestMtimeNs(p, WATCH_SKIP),
    env,
    rebuilt: (dep) => state.rebuilt.has(dep.hash)
  })
  if (!reason) {
    for (const file of outputs) {
      if (!existsSync(file)) {
        reason = { type: 'file-missing', origin: 'dep-info', path: file }
        break
      }
    }
  }
  if (!reason && old) state.hashes.set(unit.id, `${fingerprintHash(inputs)}@${old.observed.startedAtNs}`)
  return { path, inputs, ...(reason ? { reason } : {}) }
}

/** Folders a package-wide watch leaves out: build output and version control. */
const WATCH_SKIP: ReadonlySet<string> = new Set(['target'])

/** Before a dirty unit runs: dependents learn it rebuilt, and the old record stops vouching. */
export async function startDirty(unit: Unit, check: UnitCheck, state: FreshnessState): Promise<bigint> {
  const startedAtNs = BigInt(Date.now()) * 1_000_000n
  const entry = `${fingerprintHash(check.inputs)}@${startedAtNs}`
  state.hashes.set(unit.id, entry)
  state.rebuilt.add(entry)
  await invalidateFingerprint(check.path)
  return startedAtNs
}

/** After a unit's outputs are complete: the record a later build compares against. */
export async function recordFresh(check: UnitCheck, observed: BuildObservations): Promise<void> {
  await writeFingerprint(check.path, { inputs: check.inputs, observed })
}
