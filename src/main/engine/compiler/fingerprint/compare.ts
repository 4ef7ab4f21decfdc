/**
 * Decides whether a unit is fresh: the first reason it is dirty, or `undefined`. The order
 * follows cargo: the recorded inputs first (cheap, and they explain the most), then
 * dependencies rebuilt in this build, then the environment and files the last build read.
 * All I/O goes through the injected probe, so tests run on a fake clock and file system.
 */
import { stat } from 'node:fs/promises'
import type { DirtyReason } from './dirty-reason'
import {
  canonicalInputs,
  type DependencyFingerprint,
  type Fingerprint,
  type FingerprintInputs
} from './fingerprint'

/** The outside world as freshness sees it. */
export interface FreshnessProbe {
  /** A file's modification time in nanoseconds, or `undefined` when it cannot be read. */
  readonly mtimeNs: (path: string) => Promise<bigint | undefined>
  /** The value the unit's process would see (its own env over the engine's), or `undefined`. */
  readonly env: (name: string) => string | undefined
  /** Whether a dependency was compiled again earlier in this build. */
  readonly rebuilt: (dep: DependencyFingerprint) => boolean
}

/** The real file system's mtime; any failure counts as missing, which makes the unit dirty. */
export async function statMtimeNs(path: string): Promise<bigint | undefined> {
  try {
    return (await stat(path, { bigint: true })).mtimeNs
  } catch {
    return undefined
  }
}

/** A command line without its `-C linker=…` (the form rustc-args.ts writes). */
function withoutLinker(args: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-C' && args[i + 1]?.startsWith('linker=')) i++
    else out.push(args[i]!)
  }
  return out
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

function compareInputs(
  old: FingerprintInputs,
  next: FingerprintInputs,
  rebuilt: FreshnessProbe['rebuilt']
): DirtyReason | undefined {
  const o = canonicalInputs(old)
  const n = canonicalInputs(next)
  if (o.rustc !== n.rustc) return { type: 'rustc-changed' }
  if (!sameList(o.features, n.features)) return { type: 'features-changed', old: o.features, new: n.features }
  if (o.target !== n.target) return { type: 'target-changed', old: o.target, new: n.target }
  if (o.profile !== n.profile) return { type: 'profile-changed' }
  if (!sameList(o.rustflags, n.rustflags))
    return { type: 'rustflags-changed', old: o.rustflags, new: n.rustflags }
  if (!sameList(o.args, n.args)) {
    // cargo keeps the configured linker out of the command line it compares (its fingerprint's
    // `config`), so a linker alone changing reads as the config settings.
    if (sameList(withoutLinker(o.args), withoutLinker(n.args))) return { type: 'config-changed' }
    return { type: 'args-changed', old: o.args, new: n.args }
  }
  if (o.deps.length !== n.deps.length)
    return { type: 'dependency-count-changed', old: o.deps.length, new: n.deps.length }
  for (const [i, dep] of n.deps.entries()) {
    const was = o.deps[i]!
    if (was.name !== dep.name) return { type: 'dependency-name-changed', old: was.name, new: dep.name }
    if (was.hash !== dep.hash) {
      // Rebuilt earlier in this build: say so, rather than that its record changed.
      if (rebuilt(dep)) return { type: 'dependency-rebuilt', name: dep.name }
      return { type: 'dependency-info-changed', name: dep.name, old: was.hash, new: dep.hash }
    }
  }
  return undefined
}

async function staleFile(
  paths: readonly string[],
  origin: 'dep-info' | 'rerun-if-changed',
  referenceNs: bigint,
  probe: FreshnessProbe
): Promise<DirtyReason | undefined> {
  for (const path of paths) {
    const mtimeNs = await probe.mtimeNs(path)
    if (mtimeNs === undefined) return { type: 'file-missing', origin, path }
    // Equal counts as fresh, as in cargo: coarse clocks would otherwise rebuild forever.
    if (mtimeNs > referenceNs) return { type: 'file-changed', origin, path, mtimeNs, referenceNs }
  }
  return undefined
}

/**
 * Compares the stored fingerprint of the last finished build with this build's inputs.
 * `old` is `undefined` when there is none (or it could not be trusted).
 */
export async function compareFingerprints(
  old: Fingerprint | undefined,
  next: FingerprintInputs,
  probe: FreshnessProbe
): Promise<DirtyReason | undefined> {
  if (old === undefined) return { type: 'fresh-build' }
  const changed = compareInputs(old.inputs, next, probe.rebuilt)
  if (changed) return changed
  const rebuilt = next.deps.find((d) => probe.rebuilt(d))
  if (rebuilt) return { type: 'dependency-rebuilt', name: rebuilt.name }
  const { observed } = old
  for (const e of observed.env) {
    const now = probe.env(e.name)
    if (now !== e.value)
      return { type: 'env-changed', origin: 'dep-info', name: e.name, old: e.value, new: now }
  }
  const file = await staleFile(observed.files, 'dep-info', observed.startedAtNs, probe)
  if (file) return file
  for (const e of observed.rerunIfEnvChanged) {
    const now = probe.env(e.name)
    if (now !== e.value)
      return { type: 'env-changed', origin: 'rerun-if-env-changed', name: e.name, old: e.value, new: now }
  }
  return staleFile(observed.rerunIfChanged, 'rerun-if-changed', observed.startedAtNs, probe)
}
