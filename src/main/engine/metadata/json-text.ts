/**
 * Compact JSON with keys in a given order, as serde_json writes cargo's structs. A plain JS
 * object would move integer-like keys (a feature named `2021`) to the front; ordered entries
 * keep cargo's order whatever the names.
 */
import type { JsonValue } from '../manifest/model'

export type JsonNode = null | boolean | number | string | readonly JsonNode[] | OrderedObject

/** An object whose keys print in the order given. */
export class OrderedObject {
  constructor(readonly entries: readonly (readonly [string, JsonNode])[]) {}
}

export function obj(entries: readonly (readonly [string, JsonNode])[]): OrderedObject {
  return new OrderedObject(entries)
}

/** A manifest value (`[package.metadata]`) as cargo prints it: tables keep their written order. */
export function fromJsonValue(value: JsonValue): JsonNode {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return (value as readonly JsonValue[]).map(fromJsonValue)
  return obj(
    Object.entries(value as Record<string, JsonValue>).map(([k, v]) => [k, fromJsonValue(v)] as const)
  )
}

export function jsonText(value: JsonNode): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null'
  if (value instanceof OrderedObject)
    return `{${value.entries.map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`).join(',')}}`
  return `[${value.map(jsonText).join(',')}]`
}
