/**
 * Merging config files the way cargo does (`ConfigValue::merge` without `force`): files are
 * visited from the working directory up to the root and then CARGO_HOME, and a file visited
 * earlier (deeper) wins for strings, integers and booleans. Tables merge key by key. Arrays are
 * joined with the farther file's items first, so the deeper file's items come later, except for
 * program-path lists, where the deeper list replaces the other. A table or array meeting a value
 * of another kind is an error; two plain values of different kinds are not (the deeper wins).
 */
import { EngineError } from '../errors'
import {
  describeDefinition,
  describeKind,
  locationOf,
  type ConfigTable,
  type ConfigValue
} from './config-value'

/** Keys whose arrays are a program and its arguments: cargo never concatenates them. */
const NON_MERGEABLE_LISTS: readonly (readonly string[])[] = [
  ['credential-alias', '*'],
  ['doc', 'browser'],
  ['host', 'runner'],
  ['registries', '*', 'credential-provider'],
  ['registry', 'credential-provider'],
  ['target', '*', 'runner']
]

function isNonMergeable(path: readonly string[]): boolean {
  return NON_MERGEABLE_LISTS.some(
    (pattern) => pattern.length === path.length && pattern.every((p, i) => p === '*' || p === path[i])
  )
}

function mergeValue(kept: ConfigValue, farther: ConfigValue, path: readonly string[]): ConfigValue {
  if (kept.type === 'table' && farther.type === 'table') return mergeTables(kept, farther, path)
  if (kept.type === 'list' && farther.type === 'list') {
    if (isNonMergeable(path)) return kept
    return { type: 'list', items: [...farther.items, ...kept.items], def: kept.def }
  }
  const containers = ['table', 'list']
  if (containers.includes(kept.type) || containers.includes(farther.type)) {
    const key = path.join('.')
    throw new EngineError(
      'invalid-input',
      `Could not merge the configuration key \`${key}\`: it is ${describeKind(farther)} in ${describeDefinition(farther.def)} but ${describeKind(kept)} in ${describeDefinition(kept.def)}.`,
      {
        ...locationOf(farther.def),
        hint: `Give \`${key}\` the same kind of value in both files, or remove it from one of them.`
      }
    )
  }
  return kept
}

/** Merges `farther` (a file visited later) into `kept` (the merge of the deeper files so far). */
export function mergeTables(
  kept: ConfigTable,
  farther: ConfigTable,
  path: readonly string[] = []
): ConfigTable {
  const entries = new Map(kept.entries)
  for (const [key, value] of farther.entries) {
    const existing = entries.get(key)
    entries.set(key, existing ? mergeValue(existing, value, [...path, key]) : value)
  }
  return { type: 'table', entries, def: kept.def }
}
