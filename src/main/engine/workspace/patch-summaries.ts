/**
 * `[patch.<source>]` entries as the summaries that stand in for that source's packages. A
 * patch with a `version` offers only the versions matching it, as cargo's does.
 */
import type { CargoConfig } from '../config/cargo-config'
import { registrySourceId } from '../config/registries-config'
import type { RootSettings } from '../manifest/virtual-manifest'
import { matchesVersionReq } from '../resolver/version-match'
import { parseVersionReq } from '../resolver/version-req'
import { summaryDepOf } from '../sources/manifest-summary'
import type { SourceRegistry } from '../sources/source-registry'
import type { Summary } from '../sources/summary'

export async function patchSummaries(
  manifest: RootSettings,
  sources: SourceRegistry,
  config: CargoConfig
): Promise<ReadonlyMap<string, readonly Summary[]>> {
  const patches = new Map<string, readonly Summary[]>()
  for (const [target, deps] of Object.entries(manifest.patch)) {
    const summaries: Summary[] = []
    for (const dep of deps) {
      const { source } = summaryDepOf(dep, manifest, {
        source: { kind: 'path', path: manifest.rootDir },
        registry: (name) => registrySourceId(config, name)
      })
      const found = await sources.sourceFor(source).query(dep.packageName)
      const req = dep.versionReq === undefined ? undefined : parseVersionReq(dep.versionReq)
      summaries.push(
        ...found.filter((s) => req === undefined || !req.ok || matchesVersionReq(req.req, s.version))
      )
    }
    patches.set(target, summaries)
  }
  return patches
}
