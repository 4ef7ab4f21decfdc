/**
 * Which packages a build-like command works on, as cargo's `Packages::from_flags`: `-p SPEC`
 * (members, or any package of the resolve), `--workspace` less `--exclude`, or the default
 * members (the current package, `default-members`, or every member of a virtual workspace).
 */
import type { Package } from '../manifest/model'
import type { PackageId } from '../resolver/resolve/resolve-types'
import { parsePackageIdSpec, specMatches, type PackageIdSpec } from '../tree/package-id-spec'
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

export function selectMembers(ws: Workspace, sel: PackageSelection = {}): SelectedMembers {
  const specs = (sel.packages ?? []).map(parsePackageIdSpec)
  if (specs.length > 0) {
    const members = ws.members.filter((m) => specs.some((s) => specMatches(s, memberId(m))))
    const others = specs.filter((s) => !ws.members.some((m) => specMatches(s, memberId(m))))
    return { members, others, warnings: [] }
  }
  if (!sel.workspace) return { members: ws.defaultMembers, others: [], warnings: [] }
  const excluded = (sel.exclude ?? []).map(parsePackageIdSpec)
  const unmatched = excluded.filter((s) => !ws.members.some((m) => specMatches(s, memberId(m))))
  return {
    members: ws.members.filter((m) => !excluded.some((s) => specMatches(s, memberId(m)))),
    others: [],
    warnings: unmatched.length
      ? [
          `excluded package(s) ${unmatched.map((s) => `\`${s.text}\``).join(', ')} not found in workspace \`${ws.root.rootDir}\``
        ]
      : []
  }
}
