/**
 * Typed, located access to a parsed Cargo.lock. smol-toml gives plain values without positions,
 * so every wrong type is reported at the line `KeyLocator` finds for its key path. Integers are
 * read as BigInt so `version = 4.0` is told apart from `version = 4`, as cargo's reader does.
 */
import { parse, TomlDate, TomlError, type TomlTable, type TomlValue } from 'smol-toml'
import { KeyLocator, type KeyPath } from '../manifest/locate'
import { lockfileError } from './lock-errors'

export type LockValue = TomlValue
export type LockTable = Readonly<TomlTable>

export function isTable(value: LockValue | undefined): value is LockTable {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof TomlDate)
}

function describe(value: LockValue): string {
  if (typeof value === 'bigint') return `the integer \`${value}\``
  if (typeof value === 'number') return `the float \`${value}\``
  if (typeof value === 'boolean') return `the boolean \`${value}\``
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`
  if (Array.isArray(value)) return 'an array'
  return isTable(value) ? 'a table' : 'a date'
}

/** `package[2].name`, for messages. */
export function showPath(path: KeyPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('')
}

export class LockReader {
  private locator: KeyLocator | undefined

  constructor(
    readonly text: string,
    readonly file: string
  ) {}

  /** The document's top-level table; a TOML syntax error becomes a located error. */
  root(): LockTable {
    try {
      return parse(this.text, { integersAsBigInt: true, maxDepth: 64 })
    } catch (e) {
      if (e instanceof TomlError) {
        const first = (e.message.split('\n')[0] ?? e.message).replace(/^Invalid TOML document: /, '')
        const lineText = (this.text.split('\n')[e.line - 1] ?? '').replace(/\r$/, '')
        const unclosed = /control characters/.test(first) && e.column - 1 >= lineText.length
        const reason = unclosed ? 'a string is not closed on this line' : first.replace(/\.$/, '')
        throw lockfileError(this.file, `it is not valid TOML (${reason})`, e.line)
      }
      if (e instanceof RangeError) throw lockfileError(this.file, 'it is nested too deeply')
      throw e
    }
  }

  lineOf(path: KeyPath): number | undefined {
    // Built on the first error only: a healthy lock never needs it.
    this.locator ??= new KeyLocator(this.text)
    return this.locator.lineOf(path)
  }

  fail(path: KeyPath, reason: string): never {
    throw lockfileError(this.file, reason, this.lineOf(path))
  }

  private wrongType(path: KeyPath, expected: string, value: LockValue): never {
    this.fail(path, `\`${showPath(path)}\` must be ${expected}, not ${describe(value)}`)
  }

  string(table: LockTable, path: KeyPath, required: true): string
  string(table: LockTable, path: KeyPath, required?: false): string | undefined
  string(table: LockTable, path: KeyPath, required = false): string | undefined {
    const key = String(path.at(-1))
    const value = Object.hasOwn(table, key) ? table[key] : undefined
    if (value === undefined) {
      if (required) this.fail(path.slice(0, -1), `\`${showPath(path.slice(0, -1))}\` has no \`${key}\``)
      return undefined
    }
    return typeof value === 'string' ? value : this.wrongType(path, 'a string', value)
  }

  table(value: LockValue | undefined, path: KeyPath): LockTable | undefined {
    if (value === undefined) return undefined
    return isTable(value) ? value : this.wrongType(path, 'a table', value)
  }

  array(value: LockValue | undefined, path: KeyPath): readonly LockValue[] | undefined {
    if (value === undefined) return undefined
    return Array.isArray(value) ? value : this.wrongType(path, 'an array', value)
  }

  /** An array of tables (`[[package]]`). */
  tables(value: LockValue | undefined, path: KeyPath): readonly LockTable[] {
    return (this.array(value, path) ?? []).map((item, i) =>
      isTable(item) ? item : this.wrongType([...path, i], 'a table', item)
    )
  }

  /** A non-negative 32-bit integer, as cargo's `u32`. */
  u32(value: LockValue | undefined, path: KeyPath): number | undefined {
    if (value === undefined) return undefined
    if (typeof value !== 'bigint') return this.wrongType(path, 'an integer', value)
    if (value < 0n || value > 0xffffffffn) this.fail(path, `\`${showPath(path)}\` = ${value} is out of range`)
    return Number(value)
  }
}
