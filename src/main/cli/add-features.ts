/** `-F/--features` for `add`, split among the crates as cargo splits them. */
import { EngineError } from '../engine/errors'
import { featureList } from './parse-args'

/**
 * cargo's feature assignment: plain features go to the only crate; with several crates each
 * must be qualified by the crate argument as written (`-F serde@1/derive`).
 */
export function assignFeatures(
  crateArgs: readonly string[],
  featureArgs: readonly string[] | undefined
): Map<string | undefined, string[]> {
  const infer = crateArgs.length === 0
  const crates = new Map<string | undefined, string[]>(
    infer ? [[undefined, []]] : crateArgs.map((c) => [c, []])
  )
  const add = (list: string[], f: string) => void (list.includes(f) ? undefined : list.push(f))
  for (const feature of featureList(featureArgs ? [...featureArgs] : undefined)) {
    const slash = feature.indexOf('/')
    if (slash < 0 && feature.startsWith('dep:'))
      throw new EngineError(
        'invalid-input',
        `feature \`${feature}\` is not allowed to use explicit \`dep:\` syntax`
      )
    if (slash < 0) {
      if (crates.size > 1)
        throw new EngineError(
          'invalid-input',
          `feature \`${feature}\` must be qualified by the dependency it's being activated for, like ${[...crates.keys()].map((c) => `\`${c}/${feature}\``).join(', ')}`
        )
      add([...crates.values()][0]!, feature)
      continue
    }
    const crate = feature.slice(0, slash).replace(/\?$/, '')
    const depFeature = feature.slice(slash + 1)
    if (infer)
      throw new EngineError(
        'invalid-input',
        `\`${feature}\` is unsupported when inferring the crate name, use \`${depFeature}\``
      )
    if (depFeature.includes('/'))
      throw new EngineError('invalid-input', `multiple slashes in feature \`${feature}\` is not allowed`)
    const list = crates.get(crate)
    if (!list)
      throw new EngineError(
        'invalid-input',
        `feature \`${depFeature}\` activated for crate \`${crate}\` but the crate wasn't specified`
      )
    add(list, depFeature)
  }
  return crates
}
