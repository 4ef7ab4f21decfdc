/**
 * One profile table as the readers see it, whichever file or environment holds it: its keys,
 * each value untyped (`RawValue`) with its definition, and its sub-tables. Cargo.toml and the
 * configuration each provide one (`manifest-profiles.ts`, `config-profiles.ts`).
 */
import type { ErrorCode } from '@shared/ipc/result'
import type { Definition } from '../../config/config-value'

/** A value as TOML or the environment gave it, before cargo's types are applied. */
export type RawValue =
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'integer'; readonly value: bigint }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'float'; readonly value: number }
  | { readonly type: 'datetime' }
  | { readonly type: 'list' }
  | { readonly type: 'table' }

export interface RawEntry {
  readonly raw: RawValue
  readonly def: Definition
}

/** One profile table, from whichever file or environment holds it. */
export interface LayerSource {
  /** How messages name the table: `profile.dev`, `profile.dev.package."foo"`. */
  readonly where: string
  readonly def: Definition
  /** `manifest-invalid` for Cargo.toml, `invalid-input` for configuration. */
  readonly code: ErrorCode
  /** The keys written in the table (the environment overrides values but adds no keys). */
  keys(): readonly string[]
  value(key: string): RawEntry | undefined
  /** The sub-table at `key` (`package`, `build-override`, a spec), undefined when absent. */
  table(key: string): LayerSource | undefined
  /** cargo's "unused manifest key" / "unused config key" warning. */
  unknownKey(key: string): void
}

/** A TOML key as cargo prints it inside a dotted path: bare when it can be, quoted otherwise. */
export function renderKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key)
}
