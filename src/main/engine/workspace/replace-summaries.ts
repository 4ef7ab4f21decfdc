/**
 * The root manifest's `[replace]` table as the resolver takes it, checked as cargo's manifest
 * reader checks it: not beside `[patch]`, keys that name one exact version (crates.io unless a
 * URL says otherwise), values with a path or git source and no version requirement. Also what
 * cargo says about the table after resolving (`resolve_ws_with_opts`): a spec nothing matched,
 * and `features`/`default-features`, which a replacement ignores.
 */
import { compareStrings } from '../resolver/feature-resolver/package-order'
import { join } from 'node:path'
import { EngineError } from '../errors'
import type { Dependency } from '../manifest/model'
import type { RootSettings } from '../manifest/virtual-manifest'
import { loadPackage } from '../manifest/read-manifest'
import { displayReplaceSpec, parseReplaceSpec, replaceSpecMatches } from '../resolver/resolve/replace-spec'
import { isStandIn } from '../resolver/resolve/replacements'
import type { ReplaceEntry, Resolve } from '../resolver/resolve/resolve-types'
import { summaryDepOf } from '../sources/manifest-summary'
import { collectPathPackages } from './path-packages'

/** One checked `[replace]` entry and the manifest dependency it was read from. */
export interface ReplaceSetting {
  readonly entry: ReplaceEntry
  readonly dep: Dependency
}

export interface ReplaceSettings {
  /** In cargo's order (the keys sorted), which decides which error or warning comes first. */
  readonly settings: readonly ReplaceSetting[]
  /**
   * Path replacements and the path packages they reach, by `name@version`: Cargo.lock lists
   * them without a source, as it does the workspace's own path packages.
   */
  readonly pathPackages: ReadonlyMap<string, string>
}

function manifestError(manifest: RootSettings, message: string, hint: string, line?: number): EngineError {
  return new EngineError('manifest-invalid', message, {
    file: manifest.path,
    ...(line !== undefined ? { line } : {}),
    hint
  })
}

const EXAMPLE = '"foo:0.1.0" = { path = "../foo" }'

function settingOf(manifest: RootSettings, key: string, dep: Dependency): ReplaceSetting {
  const parsed = parseReplaceSpec(key)
  if (!parsed.ok)
    throw manifestError(
      manifest,
      `replacements must specify a valid semver version to replace, but \`${key}\` does not`,
      `Write the key as \`name:version\` with a full version (${parsed.reason}), for example ${EXAMPLE}.`,
      dep.line
    )
  const display = displayReplaceSpec(parsed.spec)
  if (dep.versionReq !== undefined || dep.source.type === 'registry')
    throw manifestError(
      manifest,
      `replacements cannot specify a version requirement, but found one for \`${display}\``,
      `A replacement is a path or git package of the version the key names: ${EXAMPLE}.`,
      dep.line
    )
  if (!parsed.exact)
    throw manifestError(
      manifest,
      `replacements must specify a version to replace, but \`${display}\` does not`,
      `Add the exact version to the key, for example ${EXAMPLE}.`,
      dep.line
    )
  const { source } = summaryDepOf(dep, manifest, { source: { kind: 'path', path: manifest.rootDir } })
  return { entry: { spec: parsed.spec, source }, dep }
}

/** Reads and checks `[replace]`; throws cargo's manifest errors. */
export async function replaceSettings(manifest: RootSettings): Promise<ReplaceSettings> {
  if (manifest.replace.length > 0 && Object.keys(manifest.patch).length > 0)
    throw manifestError(
      manifest,
      'cannot specify both [replace] and [patch]',
      'Move the `[replace]` entries to `[patch]` (its successor) or drop the `[patch]` table.'
    )
  const sorted = [...manifest.replace].sort((a, b) => compareStrings(a.spec, b.spec))
  const settings = sorted.map((r) => settingOf(manifest, r.spec, r.dep))
  const pathPackages = new Map<string, string>()
  for (const { entry } of settings) {
    if (entry.source.kind !== 'path') continue
    // A missing package is the resolver's error to report, with its context.
    const pkg = await loadPackage(join(entry.source.path, 'Cargo.toml')).catch(() => undefined)
    if (pkg) for (const [k, dir] of await collectPathPackages(pkg)) pathPackages.set(k, dir)
  }
  return { settings, pathPackages }
}

/**
 * cargo's warnings after resolving, for commands that go on to use the packages (build,
 * metadata, tree): an entry no package of the resolve matched, and fields cargo ignores.
 */
export function replaceWarnings(settings: readonly ReplaceSetting[], resolve: Resolve): string[] {
  const ids = [...resolve.packages.values(), ...(resolve.replaced?.values() ?? [])].map((p) => p.id)
  const warnings: string[] = []
  for (const { entry, dep } of settings) {
    if (!ids.some((id) => replaceSpecMatches(entry.spec, id) && !isStandIn(entry, id)))
      warnings.push(`package replacement is not used: ${displayReplaceSpec(entry.spec)}`)
    const unused = [
      ...(dep.features.length > 0 ? ['`features`'] : []),
      ...(dep.defaultFeatures ? [] : ['`default-features`'])
    ].join(', ')
    if (unused !== '')
      warnings.push(
        `unused field in replacement for \`${entry.spec.name}\`: ${unused}\n  |\n  = note: configure ${unused} in the \`dependencies\` entry`
      )
  }
  return warnings
}
