/**
 * `resolve`: cargo's dependency resolution for a workspace, producing what Cargo.lock records.
 * Members get every feature and their dev-dependencies; every platform's dependencies count;
 * one version per semver-compatible bucket per source; `links` unique; newest compatible
 * versions first, except that the previous lock, `[patch]`es and (with resolver 3) Rust-version
 * compatible versions are preferred; backtracking as cargo's does, so the same versions come out.
 * `[replace]` swaps matching candidates for their stand-ins (`replacements.ts`).
 */
import { EngineError } from '../../errors'
import type { Summary } from '../../sources/summary'
import { activateDepsLoop } from './activate-deps-loop'
import { buildPackages } from './build-resolve'
import { checkChecksums } from './check-checksums'
import { checkCycles } from './check-cycles'
import { comparePackageIds, displayPackageId, summaryId, summaryKey } from './package-keys'
import { normalizePatches } from './patch-sources'
import { previousLocks } from './previous-locks'
import { cancelled, RegistryQueryer } from './registry-queryer'
import { lockReplacements, Replacements } from './replacements'
import { packageIdKey, type PackageId, type Resolve, type ResolveInput } from './resolve-types'
import { isVersion } from './version-order'

const UNUSED_PATCH_HELP = `help: Check that the patched package version and available features are compatible
      with the dependency requirements. If the patch has a different version from
      what is locked in the Cargo.lock file, run \`cargo update\` to use the new
      version. This may also occur with an optional dependency that is not enabled.`

/** The Rust versions candidates should stay compatible with, per cargo's MSRV-aware policy. */
function rustVersionsFor(input: ResolveInput): string[] {
  const policy = input.incompatibleRustVersions ?? (input.resolverVersion === '3' ? 'fallback' : 'allow')
  if (policy === 'allow') return []
  const declared = input.roots.flatMap((r) => (r.rustVersion !== undefined ? [r.rustVersion] : []))
  if (declared.length > 0) return declared
  return input.rustcVersion !== undefined ? [input.rustcVersion] : []
}

function checkRoots(roots: readonly Summary[]): void {
  if (roots.length === 0)
    throw new EngineError('invalid-input', 'Nothing to resolve: the workspace has no member packages.', {
      hint: 'Add a [package] section or workspace members to Cargo.toml.'
    })
  for (const r of roots)
    if (!isVersion(r.version))
      throw new EngineError(
        'manifest-invalid',
        `package \`${r.name}\` has an invalid version \`${r.version}\``,
        {
          ...(r.source.kind === 'path' ? { file: `${r.source.path}/Cargo.toml` } : {}),
          hint: 'Use a full semver version such as `0.1.0`.'
        }
      )
}

/** Resolves the workspace's dependency graph the way cargo does for Cargo.lock. */
export async function resolve(input: ResolveInput): Promise<Resolve> {
  checkRoots(input.roots)
  if (input.signal?.aborted) throw cancelled()
  const locks = await previousLocks({
    locked: input.locked ?? [],
    ...(input.unlock ? { unlock: input.unlock } : {}),
    roots: input.roots,
    sourceFor: input.sourceFor
  })
  const patches = normalizePatches(input.patches)
  const preferred = new Set(locks.preferred)
  for (const list of patches.values()) for (const s of list) preferred.add(summaryKey(s))
  const replacements = new Replacements(
    lockReplacements(input.replacements ?? [], input.locked ?? [], (id) =>
      locks.preferred.has(packageIdKey(id))
    ),
    input.sourceFor,
    (summary) => queryer.remember(summary)
  )
  const queryer = new RegistryQueryer({
    sourceFor: input.sourceFor,
    patches,
    replacements,
    locks,
    prefs: { preferred, rustVersions: rustVersionsFor(input) },
    ...(input.onProgress ? { onQueried: (queried: number) => input.onProgress?.({ queried }) } : {}),
    ...(input.signal ? { signal: input.signal } : {})
  })
  const cx = await activateDepsLoop(input.roots, {
    queryer,
    ...(input.describeSource ? { describeSource: input.describeSource } : {})
  })
  const standIns = replacements.replacedKeys()
  checkCycles(cx, (key) => queryer.known.get(key)!, standIns)

  const { packages, replaced } = buildPackages(cx, standIns)
  checkChecksums(packages, input.locked ?? [], replaced)
  const unusedPatches: PackageId[] = []
  for (const list of patches.values())
    for (const s of list) if (!packages.has(summaryKey(s))) unusedPatches.push(summaryId(s))
  unusedPatches.sort(comparePackageIds)
  const warnings = unusedPatches.map(
    (id) => `patch \`${displayPackageId(id)}\` was not used in the crate graph\n${UNUSED_PATCH_HELP}`
  )
  return {
    packages,
    ...(replaced.size > 0 ? { replaced } : {}),
    roots: input.roots.map(summaryKey),
    unusedPatches,
    warnings
  }
}
