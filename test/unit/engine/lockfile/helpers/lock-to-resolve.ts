/**
 * Test helper: a parsed Cargo.lock back into the `Resolve` it came from, so a lock can be
 * serialized again and compared with cargo's bytes. The lock knows no dependency kinds or
 * features, so every edge is a normal one and summaries are bare.
 */
import { parseLockfile, type ParsedLockfile } from '../../../../../src/main/engine/lockfile/parse-lockfile'
import { serializeLockfile } from '../../../../../src/main/engine/lockfile/serialize-lockfile'
import type { LockVersion } from '../../../../../src/main/engine/lockfile/lock-version'
import {
  packageIdKey,
  type Resolve,
  type ResolvedPackage
} from '../../../../../src/main/engine/resolver/resolve/resolve-types'
import type { SourceId } from '../../../../../src/main/engine/sources/source-id'

/** Path packages of a fixture live at `/work/<name>-<version>`; any stable place works. */
export function fixturePathSource(name: string, version: string): SourceId {
  return { kind: 'path', path: `/work/${name}-${version}` }
}

export function resolveFromLock(parsed: ParsedLockfile): Resolve {
  const byKey = new Map(parsed.packages.map((p) => [packageIdKey(p.id), p]))
  const packages = new Map<string, ResolvedPackage>()
  for (const locked of parsed.packages) {
    const key = packageIdKey(locked.id)
    const deps = (parsed.edges.get(key) ?? []).map((pkg) => {
      const target = byKey.get(pkg)
      if (!target) throw new Error(`edge to a package the lock does not list: ${pkg}`)
      return { name: target.id.name, pkg, kinds: [{ kind: 'normal' as const }] }
    })
    const summary = {
      name: locked.id.name,
      version: locked.id.version,
      source: locked.id.source,
      deps: [],
      features: {},
      yanked: false,
      ...(locked.checksum === undefined ? {} : { checksum: locked.checksum })
    }
    packages.set(key, { id: locked.id, summary, deps })
  }
  const roots = parsed.packages.filter((p) => p.id.source.kind === 'path').map((p) => packageIdKey(p.id))
  return { packages, roots, unusedPatches: parsed.unusedPatches.map((p) => p.id), warnings: [] }
}

/** Parse, rebuild the resolve, serialize again in `version` (default: the lock's own). */
export function roundTrip(
  text: string,
  options: {
    version?: LockVersion
    pathSource?: (name: string, version: string) => SourceId | undefined
  } = {}
): string {
  const parsed = parseLockfile(text, 'Cargo.lock', { pathSource: options.pathSource ?? fixturePathSource })
  return serializeLockfile(resolveFromLock(parsed), {
    version: options.version ?? parsed.version,
    original: text,
    metadata: parsed.metadata
  })
}
