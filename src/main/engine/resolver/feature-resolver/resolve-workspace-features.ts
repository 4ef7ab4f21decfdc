/**
 * cargo's `resolve_ws_with_opts` for a resolved workspace: choose the members and their flags,
 * run the dependency resolver's feature pass (the targeted resolve), then the feature resolver
 * with the workspace's resolver version. `cargo tree`, `cargo metadata` and builds start here.
 */
import type { Package } from '../../manifest/model'
import type { ResolvedWorkspace } from '../../workspace/resolved-workspace'
import { packageIdKey } from '../resolve/resolve-types'
import { cliFeaturesFrom, type FeatureFlags } from './cli-features'
import { resolveDependencyFeatures, type TargetedResolve } from './dependency-features'
import { featureOpts, resolveFeatures, type ResolvedFeatures } from './feature-resolver'
import {
  membersWithFeatures,
  type MemberFeatures,
  type MemberSelector,
  type WorkspaceMember
} from './members-with-features'
import { HOST, type CompileKind, type TargetData } from './target-data'
import { EngineError } from '../../errors'

export type ResolverVersion = '1' | '2' | '3'

export interface WorkspaceFeatureOptions {
  /** `-p` selectors; undefined: the root package (cargo's default members). */
  readonly specs?: readonly MemberSelector[]
  readonly flags?: FeatureFlags
  /** Whether dev units (tests, examples, benches) are built: members' dev-dependencies count. */
  readonly hasDevUnits: boolean
  /** The platforms' cfg; needed unless every platform counts (`forceAllTargets`). */
  readonly targetData?: TargetData
  /** `--target` kinds; default `[host]`. */
  readonly requestedKinds?: readonly CompileKind[]
  /** `--target all` and `cargo metadata`: platform tables never filter features. */
  readonly forceAllTargets?: boolean
}

export interface WorkspaceFeatures {
  readonly resolverVersion: ResolverVersion
  readonly members: readonly MemberFeatures[]
  readonly targeted: TargetedResolve
  readonly features: ResolvedFeatures
  readonly requestedKinds: readonly CompileKind[]
}

/** The workspace's `resolver`: as written, else "3" for edition 2024, "2" for 2021, "1" before. */
export function resolverVersionOf(root: Package): ResolverVersion {
  const written = root.manifest.package.resolver
  if (written === '1' || written === '2' || written === '3') return written
  const edition = root.manifest.package.edition
  return edition === '2024' ? '3' : edition === '2021' ? '2' : '1'
}

/** Whether the package's library is a proc-macro. */
export function isProcMacroPackage(pkg: Package): boolean {
  return pkg.targets.some((t) => t.kind === 'lib' && t.crateTypes.includes('proc-macro'))
}

export function workspaceMembers(ws: ResolvedWorkspace): WorkspaceMember[] {
  return ws.members.map((key) => {
    const p = ws.resolve.packages.get(key)
    if (!p) throw new Error(`member ${key} is not in the resolve`)
    return { key, id: p.id, summary: p.summary }
  })
}

/**
 * Feature activation recurses along dependency chains; a chain thousands of packages deep
 * (no real project has one, a hostile one might) exhausts the stack. That is a clear error,
 * not an internal one.
 */
export function resolveWorkspaceFeatures(
  ws: ResolvedWorkspace,
  options: WorkspaceFeatureOptions
): WorkspaceFeatures {
  try {
    return resolveFeaturesOf(ws, options)
  } catch (e) {
    if (!(e instanceof RangeError)) throw e
    throw new EngineError(
      'manifest-invalid',
      `The dependency graph of ${ws.rootDir} is too deep to resolve features (${ws.packages.size} packages).`,
      { hint: 'Shorten the chain of dependencies; real projects nest a few dozen levels at most.' }
    )
  }
}

function resolveFeaturesOf(ws: ResolvedWorkspace, options: WorkspaceFeatureOptions): WorkspaceFeatures {
  const resolverVersion = ws.resolver
  const members = workspaceMembers(ws)
  const current = members.find((m) => m.key === ws.current)
  // No packages named: the default members (the current package, `default-members`, or all).
  const specs: readonly MemberSelector[] =
    options.specs ?? members.filter((m) => ws.defaultMembers.includes(m.key)).map(exactly)
  const selected = membersWithFeatures({
    members,
    ...(current ? { current } : {}),
    specs,
    cli: cliFeaturesFrom(options.flags ?? {}),
    newBehavior: resolverVersion !== '1' || ws.virtual
  })
  const targeted = resolveDependencyFeatures(ws.resolve, selected, options.hasDevUnits)
  const requestedKinds = options.requestedKinds ?? [HOST]
  const isProcMacro = (key: string) => {
    const files = ws.packages.get(key)
    return files ? isProcMacroPackage(files.pkg) : false
  }
  const features = resolveFeatures({
    targeted,
    members: selected.map((m) => ({ key: m.member.key, features: m.features })),
    opts: featureOpts(resolverVersion, options.hasDevUnits, options.forceAllTargets ?? false),
    targetData: options.targetData,
    requestedKinds,
    isProcMacro
  })
  return { resolverVersion, members: selected, targeted, features, requestedKinds }
}

function exactly(member: WorkspaceMember): MemberSelector {
  return { name: member.id.name, matches: (id) => packageIdKey(id) === member.key }
}
