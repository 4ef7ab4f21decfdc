/**
 * Published manifests name a dependency's registry by URL (`registry-index = "…"`) when it is not
 * crates.io; the shared manifest reader does not read that key yet, so the few manifests that
 * have it are looked at once more here and those dependencies get their registry's source ID.
 */
import { parseToml, type TomlObject } from '../../manifest/parse-toml'
import { isTable } from '../../manifest/table-reader'
import { sourceIdOfIndexUrl } from '../../config/registries-config'
import type { Summary } from '../summary'

const KIND_TABLES: readonly (readonly [string, readonly string[]])[] = [
  ['normal', ['dependencies']],
  ['dev', ['dev-dependencies', 'dev_dependencies']],
  ['build', ['build-dependencies', 'build_dependencies']]
]

function depKey(kind: string, target: string | undefined, name: string): string {
  return `${kind}\u0000${target ?? ''}\u0000${name}`
}

function collect(table: TomlObject, target: string | undefined, into: Map<string, string>): void {
  for (const [kind, keys] of KIND_TABLES) {
    for (const key of keys) {
      const deps = table[key]
      if (!isTable(deps)) continue
      for (const [name, dep] of Object.entries(deps)) {
        const index = isTable(dep) ? dep['registry-index'] : undefined
        if (typeof index === 'string') into.set(depKey(kind, target, name), index)
      }
    }
  }
}

/** `summary` with each `registry-index` dependency pointing at that registry. */
export function applyRegistryIndexes(summary: Summary, text: string, file: string): Summary {
  if (!text.includes('registry-index')) return summary
  const doc = parseToml(text, file)
  const indexes = new Map<string, string>()
  collect(doc, undefined, indexes)
  const targets = doc.target
  if (isTable(targets))
    for (const [platform, table] of Object.entries(targets))
      if (isTable(table)) collect(table, platform, indexes)
  if (indexes.size === 0) return summary
  const deps = summary.deps.map((d) => {
    const index = indexes.get(depKey(d.kind, d.target, d.name))
    return index === undefined
      ? d
      : { ...d, source: sourceIdOfIndexUrl(index, `\`registry-index\` of ${d.name} in ${file}`) }
  })
  return { ...summary, deps }
}
