/**
 * A parsed config file → `ConfigValue`s that remember their file and line. Cargo accepts only
 * strings, integers, booleans, arrays and tables in configuration; floats and dates are refused
 * with the key that holds them.
 */
import { EngineError } from '../errors'
import { KeyLocator } from '../manifest/locate'
import { parseToml, type TomlObject, type TomlValue } from '../manifest/parse-toml'
import { isTable, renderPath } from '../manifest/table-reader'
import type { ConfigTable, ConfigValue, Definition } from './config-value'

type Path = readonly (string | number)[]

function convert(value: TomlValue, path: Path, file: string, locator: KeyLocator): ConfigValue {
  const line = locator.lineOf(path)
  const def: Definition = line === undefined ? { type: 'file', file } : { type: 'file', file, line }
  if (typeof value === 'string') return { type: 'string', value, def }
  if (typeof value === 'boolean') return { type: 'boolean', value, def }
  if (typeof value === 'bigint') return { type: 'integer', value, def }
  if (typeof value === 'number' && Number.isInteger(value))
    return { type: 'integer', value: BigInt(value), def }
  if (Array.isArray(value))
    return {
      type: 'list',
      items: (value as TomlValue[]).map((v, i) => convert(v, [...path, i], file, locator)),
      def
    }
  if (isTable(value)) return tableOf(value, path, file, locator, def)
  const kind = typeof value === 'number' ? 'a float' : 'a date-time'
  throw new EngineError(
    'invalid-input',
    `\`${renderPath(path)}\` in ${file} is ${kind}, which cargo configuration does not accept.`,
    {
      file,
      ...(line === undefined ? {} : { line }),
      hint: 'Configuration values are strings, integers, booleans, arrays or tables.'
    }
  )
}

function tableOf(
  table: TomlObject,
  path: Path,
  file: string,
  locator: KeyLocator,
  def: Definition
): ConfigTable {
  const entries = new Map<string, ConfigValue>()
  for (const [key, value] of Object.entries(table))
    entries.set(key, convert(value, [...path, key], file, locator))
  return { type: 'table', entries, def }
}

/** Config file text → its root table. Syntax errors are located `EngineError`s (file, line, column). */
export function parseConfigText(text: string, file: string): ConfigTable {
  const doc = parseToml(text, file)
  return tableOf(doc, [], file, new KeyLocator(text), { type: 'file', file })
}
