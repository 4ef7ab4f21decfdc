/**
 * `cargo metadata --format-version 1` over a resolved workspace, byte for byte as cargo 1.95
 * prints it: the packages (members only with `--no-deps`), the resolve graph with the
 * dependency resolver's features, and the workspace's directories.
 */
import type { FeatureFlags } from '../resolver/feature-resolver/cli-features'
import type { MemberSelector } from '../resolver/feature-resolver/members-with-features'
import { resolveWorkspaceFeatures } from '../resolver/feature-resolver/resolve-workspace-features'
import { packageIdKey } from '../resolver/resolve/resolve-types'
import type { TargetData } from '../resolver/feature-resolver/target-data'
import type { ResolvedWorkspace } from '../workspace/resolved-workspace'
import { fromJsonValue, jsonText, obj, type JsonNode } from './json-text'
import { metadataResolve, type PlatformFilter } from './metadata-resolve'
import { packageIdSpecString } from './package-id-string'
import { serializePackage } from './serialize-package'

export interface MetadataOptions {
  readonly noDeps?: boolean
  readonly features?: FeatureFlags
  /** `--filter-platform` triples (their cfg must be in `targetData`). */
  readonly filterPlatforms?: readonly string[]
  /** The host's (and filtered platforms') cfg; needed for `--filter-platform` only. */
  readonly targetData?: TargetData
  /** `build.build-dir`; default: the target directory. */
  readonly buildDirectory?: string
}

async function packageEntry(ws: ResolvedWorkspace, key: string): Promise<JsonNode> {
  const files = ws.packages.get(key)
  if (!files) throw new Error(`package ${key} was not loaded`)
  return serializePackage(files.id, files.pkg, ws.resolve.packages.get(key)?.summary)
}

/** cargo's stdout: one line of compact JSON, newline-terminated. */
export async function cargoMetadata(ws: ResolvedWorkspace, options: MetadataOptions = {}): Promise<string> {
  const idOf = (k: string) => packageIdSpecString(ws.packages.get(k)!.id)
  const memberIds = ws.members.map(idOf)
  let packages: JsonNode[]
  let resolve: JsonNode = null
  if (options.noDeps) {
    packages = await Promise.all(ws.members.map((k) => packageEntry(ws, k)))
  } else {
    const filter = platformFilter(options)
    const specs: MemberSelector[] = ws.members.map((k) => ({
      name: ws.packages.get(k)!.id.name,
      matches: (other) => packageIdKey(other) === k
    }))
    const features = resolveWorkspaceFeatures(ws, {
      specs,
      ...(options.features ? { flags: options.features } : {}),
      hasDevUnits: true,
      ...(options.targetData ? { targetData: options.targetData } : {}),
      forceAllTargets: filter === undefined,
      ...(filter ? { requestedKinds: filter.kinds } : {})
    })
    const graph = metadataResolve(ws, features.targeted, filter)
    packages = await Promise.all(graph.keys.map((k) => packageEntry(ws, k)))
    resolve = obj([
      ['nodes', [...graph.nodes]],
      ['root', ws.current === undefined ? null : idOf(ws.current)]
    ])
  }
  const text = jsonText(
    obj([
      ['packages', packages],
      ['workspace_members', memberIds],
      ['workspace_default_members', ws.defaultMembers.map(idOf)],
      ['resolve', resolve],
      ['target_directory', ws.targetDir],
      ['build_directory', options.buildDirectory ?? ws.targetDir],
      ['version', 1],
      ['workspace_root', ws.rootDir],
      ['metadata', ws.metadata === undefined ? null : fromJsonValue(ws.metadata)]
    ])
  )
  return `${text}\n`
}

function platformFilter(options: MetadataOptions): PlatformFilter | undefined {
  const triples = options.filterPlatforms ?? []
  if (triples.length === 0) return undefined
  if (!options.targetData) throw new Error('--filter-platform needs target data')
  return { targetData: options.targetData, kinds: triples.map((triple) => ({ type: 'target', triple })) }
}
