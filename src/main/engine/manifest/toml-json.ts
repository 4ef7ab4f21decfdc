/** TOML values as plain JSON, the way `cargo metadata` prints `[package.metadata]`. */
import type { JsonValue } from './model'
import type { TomlValue } from './parse-toml'

function isPlainTable(value: object): value is Record<string, TomlValue> {
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === null || proto === Object.prototype
}

export function tomlToJson(value: TomlValue): JsonValue {
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value
  if (typeof value === 'bigint') return Number(value)
  if (Array.isArray(value)) return value.map(tomlToJson)
  if (value instanceof Date) return value.toISOString()
  if (isPlainTable(value)) {
    const out: Record<string, JsonValue> = {}
    for (const [k, v] of Object.entries(value)) out[k] = tomlToJson(v)
    return out
  }
  // Anything else smol-toml produces prints as TOML wrote it.
  return value.toString()
}
