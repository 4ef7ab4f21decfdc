/**
 * Which packages a build-like command works on, as cargo's `Packages::from_flags`: `-p SPEC`
 * (members, or any package of the resolve), `--workspace` less `--exclude`, or the default
 * members (the current package, `default-members`, or every member of a virtual workspace).
 */
import type { Package } from '../manifest/model'
import type { PackageId } from '../resolver/resolve/resolve-types'
import { EngineError } from '../errors'
import { parsePackageIdSpec, specMatches, type PackageIdSpec } from '../tree/package-id-spec'
import { isPattern, memberPatternMatches } from './member-pattern'
import type { Workspace } from './load-workspace'

export interface PackageSelection {
  /** `-p SPEC` as given. */
  readonly packages?: readonly string[]
  /** `--workspace` (or `--all`). */
  readonly workspace?: boolean
  /** `--exclude SPEC`, with `--workspace`. */
  readonly exclude?: readonly string[]
}

export interface SelectedMembers {
  /** The members selected, in member order. */
  readonly members: readonly Package[]
  /** `-p` specs that name no member: packages of the resolve, looked up once it exists. */
  readonly others: readonly PackageIdSpec[]
  /** cargo's warnings, without `warning: `. */
  readonly warnings: readonly string[]
}

export function memberId(pkg: Package): PackageId {
  const meta = pkg.manifest.package
  return { name: meta.name, version: meta.version, source: { kind: 'path', path: pkg.manifest.rootDir } }
}

/** A `-p`/`--exclude` value: a package ID spec, or (as cargo allows) a glob over member names. */
function matcher(text: string): (pkg: Package) => boolean {
  if (isPattern(text)) return (pkg) => memberPatternMatches(text, pkg.manifest.package.name)
  const spec = parsePackageIdSpec(text)
  return (pkg) => specMatches(spec, memberId(pkg))
}

export function selectMembers(ws: Workspace, sel: PackageSelection = {}): SelectedMembers {
  // `--workspace` wins over `-p`, as in cargo's `Packages::from_flags`.
  if (sel.workspace) {
    const excluded = (sel.exclude ?? []).map((text) => ({ text, matches: matcher(text) }))
    const unmatched = excluded.filter((e) => !ws.members.some(e.matches))
    return {
      members: ws.members.filter((m) => !excluded.some((e) => e.matches(m))),
      others: [],
      warnings: unmatched.length
        ? [
            `excluded package(s) ${unmatched.map((e) => `\`${e.text}\``).join(', ')} not found in workspace \`${ws.root.rootDir}\``
          ]
        : []
    }
  }
  const texts = sel.packages ?? []
  if (texts.length === 0) return { members: ws.defaultMembers, others: [], warnings: [] }
  const globs = texts.filter((t) => isPattern(t))
  const unmatchedGlobs = globs.filter((g) => !ws.members.some(matcher(g)))
  if (unmatchedGlobs.length)
    throw new EngineError(
      'invalid-input',
      `package pattern(s) ${unmatchedGlobs.map((g) => `\`${g}\``).join(', ')} not found in workspace \`${ws.root.rootDir}\``,
      { hint: `Members: ${ws.members.map((m) => m.manifest.package.name).join(', ')}.` }
    )
  const matchers = texts.map(matcher)
  const specs = texts.filter((t) => !isPattern(t)).map(parsePackageIdSpec)
  return {
    members: ws.members.filter((m) => matchers.some((matches) => matches(m))),
    // Specs that name no member may name a dependency, found once the resolve exists.
    others: specs.filter((s) => !ws.members.some((m) => specMatches(s, memberId(m)))),
    warnings: []
  }
}
