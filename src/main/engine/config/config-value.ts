/**
 * Cargo configuration as cargo holds it: every value remembers where it was defined, because
 * that decides both precedence (environment over files) and what a relative path is relative
 * to (the directory above a file's `.cargo/`, or the working directory for the environment).
 */
import { dirname } from 'node:path'

export type Definition =
  | { readonly type: 'file'; readonly file: string; readonly line?: number }
  | { readonly type: 'env'; readonly name: string }
  /** The empty root table before any file is merged in (cargo's `BuiltIn`). */
  | { readonly type: 'default' }

export type ConfigValue =
  | { readonly type: 'string'; readonly value: string; readonly def: Definition }
  | { readonly type: 'integer'; readonly value: bigint; readonly def: Definition }
  | { readonly type: 'boolean'; readonly value: boolean; readonly def: Definition }
  | { readonly type: 'list'; readonly items: readonly ConfigValue[]; readonly def: Definition }
  | { readonly type: 'table'; readonly entries: ReadonlyMap<string, ConfigValue>; readonly def: Definition }

export type ConfigTable = Extract<ConfigValue, { type: 'table' }>

/** How cargo names a value's kind in its messages (`expected a string, but found an array`). */
export function describeKind(v: ConfigValue): string {
  switch (v.type) {
    case 'string':
      return 'a string'
    case 'integer':
      return 'an integer'
    case 'boolean':
      return 'a boolean'
    case 'list':
      return 'an array'
    case 'table':
      return 'a table'
  }
}

/** `/p/.cargo/config.toml` or "environment variable `CARGO_X`", as cargo prints a definition. */
export function describeDefinition(def: Definition): string {
  if (def.type === 'file') return def.file
  return def.type === 'env' ? `environment variable \`${def.name}\`` : 'default'
}

/**
 * The directory a relative path in this definition is resolved against: for a file, the parent
 * of the directory holding it (`/p` for `/p/.cargo/config.toml`, and the parent of CARGO_HOME for
 * the home config), as cargo's `Definition::root` does; for the environment, the working directory.
 */
export function definitionRoot(def: Definition, cwd: string): string {
  return def.type === 'file' ? dirname(dirname(def.file)) : cwd
}

/** File and line for an `EngineError`'s details, when the value came from a file. */
export function locationOf(def: Definition): { file?: string; line?: number } {
  if (def.type !== 'file') return {}
  return def.line === undefined ? { file: def.file } : { file: def.file, line: def.line }
}
