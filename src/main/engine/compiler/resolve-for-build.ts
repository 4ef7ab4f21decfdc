/**
 * The first step of a build, as cargo takes it: resolve the workspace (honouring and updating
 * Cargo.lock, fetching git and registry sources), report what that did, and turn the resolve
 * into the package graph the build plans from, filtered to the host platform.
 */
import type { Edition } from '@shared/models/package'
import type { LockedFlag } from '../lockfile/write-lockfile'
import type { Manifest } from '../manifest/model'
import { platformMatches } from '../resolver/platform'
import type { RustcInfo } from '../tools/rustc'
import { packageGraphFromResolve, type PackageGraph } from '../workspace/package-graph'
import {
  resolveWorkspace,
  type ResolveWorkspaceOptions,
  type WorkspaceResolution
} from '../workspace/resolve-workspace'
import { emitMessage, type EventSink } from './events'
import { lockReport } from './lock-report'

export interface BuildResolveOptions {
  readonly manifestPath: string
  /** Where `.cargo/config.toml` files are looked for from (the command's folder). */
  readonly cwd?: string
  readonly env: Readonly<Record<string, string | undefined>>
  readonly homeDir: string
  /** Git databases and registry caches. */
  readonly cacheDir: string
  readonly offline: boolean
  readonly locked?: LockedFlag
  readonly rustc: RustcInfo
  readonly sink: EventSink
  readonly signal?: AbortSignal
  /** The build's checks of its own request, before anything is resolved or written. */
  readonly beforeResolve?: ResolveWorkspaceOptions['beforeResolve']
}

export interface BuildResolution {
  readonly resolution: WorkspaceResolution
  readonly graph: PackageGraph
}

/** Resolver 3 (explicit, or edition 2024's default) picks versions for a Rust version, and says so. */
function honouredRustVersion(m: Manifest, rustc: RustcInfo): string | undefined {
  const defaultResolver: Record<Edition, string> = { '2015': '1', '2018': '1', '2021': '2', '2024': '3' }
  const resolver = m.package.resolver ?? defaultResolver[m.package.edition]
  if (resolver !== '3') return undefined
  return m.package.rustVersion ?? rustc.release
}

export async function resolveForBuild(o: BuildResolveOptions): Promise<BuildResolution> {
  const resolution = await resolveWorkspace({
    manifestPath: o.manifestPath,
    ...(o.cwd ? { cwd: o.cwd } : {}),
    env: o.env,
    homeDir: o.homeDir,
    cacheDir: o.cacheDir,
    offline: o.offline,
    ...(o.locked ? { locked: o.locked } : {}),
    rustcVersion: o.rustc.release,
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.beforeResolve ? { beforeResolve: o.beforeResolve } : {}),
    onGitProgress: (e) => {
      if (e.phase === 'fetching')
        o.sink({ type: 'status', verb: 'Updating', detail: `git ${e.scope} \`${e.url}\`` })
    }
  })
  for (const w of resolution.warnings) emitMessage(o.sink, 'warning', w)
  const graph = packageGraphFromResolve(resolution, (key) => platformMatches(key, o.rustc.host, o.rustc.cfg))
  for (const node of graph.nodes.values()) {
    // A dependency's manifest is its authors' business; cargo warns only about path packages,
    // naming the file for all but the one being built.
    if (node.source.kind !== 'path') continue
    for (const w of node.pkg.warnings) {
      emitMessage(o.sink, 'warning', node.isRoot ? w.message : `${w.file}: ${w.message}`)
    }
  }
  if (resolution.lockWritten) {
    const rustVersion = honouredRustVersion(graph.root.pkg.manifest, o.rustc)
    const statuses = lockReport({
      previous: resolution.previousLock?.map((p) => p.id),
      current: [...resolution.resolve.packages.values()].map((p) => p.id),
      members: resolution.members,
      ...(rustVersion ? { rustVersion } : {})
    })
    for (const s of statuses) o.sink({ type: 'status', verb: s.verb, detail: s.detail })
  }
  return { resolution, graph }
}
