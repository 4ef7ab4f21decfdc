/**
 * cargo's serde types for profile settings (`TomlOptLevel`, `TomlDebugInfo`, `StringOrBool`,
 * `u32`, strings and booleans), applied to untyped values, failing with serde's words so a
 * message reads as cargo's would. The environment has no types, which a few parsers allow for.
 */
import { EngineError } from '../../errors'
import { describeDefinition, locationOf } from '../../config/config-value'
import { renderKey, type LayerSource, type RawEntry, type RawValue } from './layer-source'
import type { DebugSetting } from './profile-model'

const DEBUG_NAMES: ReadonlySet<string> = new Set([
  'none',
  'line-directives-only',
  'line-tables-only',
  'limited',
  'full'
])
const DEBUG_EXPECTED =
  'a boolean, 0, 1, 2, "none", "limited", "full", "line-tables-only", or "line-directives-only"'

/** serde's words for the value it did not expect (`integer \`3\``, `string "x"`, `map`). */
export function describeRaw(raw: RawValue): string {
  switch (raw.type) {
    case 'string':
      return `string ${JSON.stringify(raw.value)}`
    case 'integer':
      return `integer \`${raw.value}\``
    case 'boolean':
      return `boolean \`${raw.value}\``
    case 'float':
      return `floating point \`${raw.value}\``
    case 'datetime':
      return 'datetime'
    case 'list':
      return 'sequence'
    case 'table':
      return 'map'
  }
}

export type Parser<T> = (e: RawEntry, source: LayerSource, key: string) => T

export function fail(
  source: LayerSource,
  key: string,
  e: RawEntry,
  reason: string,
  hint: string
): EngineError {
  return new EngineError(
    source.code,
    `\`${source.where}.${renderKey(key)}\` in ${describeDefinition(e.def)}: ${reason}.`,
    { ...locationOf(e.def), hint }
  )
}

export const optLevel: Parser<string> = (e, source, key) => {
  const r = e.raw
  if (r.type === 'integer') return String(r.value)
  const hint = 'Use 0, 1, 2, 3, "s" or "z".'
  if (r.type === 'string') {
    if (r.value === 's' || r.value === 'z') return r.value
    throw fail(
      source,
      key,
      e,
      `must be \`0\`, \`1\`, \`2\`, \`3\`, \`s\` or \`z\`, but found the string: "${r.value}"`,
      hint
    )
  }
  throw fail(source, key, e, `invalid type: ${describeRaw(r)}, expected an optimization level`, hint)
}

export const debug: Parser<DebugSetting> = (e, source, key) => {
  const r = e.raw
  const hint =
    'Use true, false, 0, 1, 2, "none", "line-directives-only", "line-tables-only", "limited" or "full".'
  if (r.type === 'boolean') return r.value ? 'full' : 'none'
  if (r.type === 'integer' && r.value >= 0n && r.value <= 2n)
    return (['none', 'limited', 'full'] as const)[Number(r.value)]!
  if (r.type === 'string' && DEBUG_NAMES.has(r.value)) return r.value as DebugSetting
  const how = r.type === 'integer' || r.type === 'string' ? 'invalid value' : 'invalid type'
  throw fail(source, key, e, `${how}: ${describeRaw(r)}, expected ${DEBUG_EXPECTED}`, hint)
}

export const stringOrBool: Parser<string | boolean> = (e, source, key) => {
  const r = e.raw
  if (r.type === 'boolean' || r.type === 'string') return r.value
  // The environment has no types: an integer there was meant as text.
  if (r.type === 'integer' && e.def.type === 'env') return String(r.value)
  throw fail(
    source,
    key,
    e,
    `invalid type: ${describeRaw(r)}, expected a boolean or a string`,
    'Write true, false or a string.'
  )
}

export const string: Parser<string> = (e, source, key) => {
  const r = e.raw
  if (r.type === 'string') return r.value
  if (e.def.type === 'env' && (r.type === 'integer' || r.type === 'boolean')) return String(r.value)
  throw fail(
    source,
    key,
    e,
    `invalid type: ${describeRaw(r)}, expected a string`,
    `Write \`${key}\` as a quoted string.`
  )
}

export const bool: Parser<boolean> = (e, source, key) => {
  const r = e.raw
  if (r.type === 'boolean') return r.value
  const hint = `Set \`${key}\` to true or false.`
  if (e.def.type === 'env') throw fail(source, key, e, 'provided string was not `true` or `false`', hint)
  throw fail(source, key, e, `invalid type: ${describeRaw(r)}, expected a boolean`, hint)
}

export const u32: Parser<number> = (e, source, key) => {
  const r = e.raw
  const hint = `Set \`${key}\` to a positive whole number.`
  if (r.type === 'integer') {
    if (r.value < 0n || r.value > 0xffffffffn)
      throw fail(source, key, e, `invalid value: ${describeRaw(r)}, expected u32`, hint)
    return Number(r.value)
  }
  if (e.def.type === 'env') throw fail(source, key, e, 'invalid digit found in string', hint)
  throw fail(source, key, e, `invalid type: ${describeRaw(r)}, expected u32`, hint)
}
