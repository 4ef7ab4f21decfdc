/**
 * The programs cargo 1.95 takes from `[target.<triple>]` and `[target.'cfg(…)']`: the `linker`
 * rustc links with (`-C linker=…`) and the `runner` that `run`, `test` and `bench` (and rustdoc,
 * for doc tests) start each program through. The triple's table wins; otherwise at most one
 * matching cfg table may set the key, or cargo refuses to guess.
 */
import { resolve } from 'node:path'
import { EngineError } from '../errors'
import { envKey, type CargoConfig } from './cargo-config'
import {
  definitionRoot,
  describeDefinition,
  locationOf,
  type ConfigValue,
  type Definition
} from './config-value'
import { matchingCfgTables, type TargetPlatform } from './build-config'

/** What the configuration says about one platform's programs. */
export interface TargetTools {
  /** The linker's path (or a bare name for rustc to find on PATH). */
  readonly linker?: string
  /** The runner's program, then its own arguments; the program to run comes after them. */
  readonly runner?: readonly string[]
  /** The flags rustdoc gets for this platform's doc tests (`extraRustdocflags`; set by the build). */
  readonly rustdocflags?: readonly string[]
}

/** cargo's `resolve_program`: a value with a path separator is relative to its definition's root. */
function program(value: string, def: Definition, cwd: string): string {
  const isPath = value.includes('/') || (process.platform === 'win32' && value.includes('\\'))
  return isPath ? resolve(definitionRoot(def, cwd), value) : value
}

/** `linker = "…"`: a string naming a program. */
function linkerOf(config: CargoConfig, path: readonly string[], v: ConfigValue): string {
  if (v.type !== 'string') throw config.expected(path, 'a string', v)
  return program(v.value, v.def, config.cwd)
}

/** `runner = "prog arg"` or `["prog", "arg"]` (cargo's `PathAndArgs`); the first word is the program. */
function runnerOf(config: CargoConfig, path: readonly string[], v: ConfigValue): string[] {
  let words: { value: string; def: Definition }[]
  if (v.type === 'string')
    words = v.value
      .split(/\s+/)
      .filter((w) => w !== '')
      .map((value) => ({ value, def: v.def }))
  else if (v.type === 'list')
    words = v.items.map((item) => {
      if (item.type !== 'string') throw config.expected(path, 'a string or an array of strings', v)
      return { value: item.value, def: v.def }
    })
  else throw config.expected(path, 'a string or an array of strings', v)
  const [first, ...rest] = words
  if (first === undefined)
    throw new EngineError(
      'invalid-input',
      `\`${path.join('.')}\` in ${describeDefinition(v.def)} is empty.`,
      {
        ...locationOf(v.def),
        hint: 'Name the runner program, e.g. `runner = "qemu-x86_64"`, or remove the key.'
      }
    )
  return [program(first.value, first.def, config.cwd), ...rest.map((w) => w.value)]
}

/**
 * One key for a platform: `target.<triple>.<key>` (or `CARGO_TARGET_<TRIPLE>_<KEY>`, which
 * replaces the file's value), else the one `target.'cfg(…)'` table whose cfg matches and sets it.
 */
function targetKey<T>(
  config: CargoConfig,
  platform: TargetPlatform,
  key: 'linker' | 'runner',
  read: (path: readonly string[], v: ConfigValue) => T
): T | undefined {
  const triplePath = ['target', platform.triple, key]
  const envName = envKey(triplePath).replaceAll('.', '_')
  const fromEnv = config.env[envName]
  if (fromEnv !== undefined)
    return read(triplePath, { type: 'string', value: fromEnv, def: { type: 'env', name: envName } })
  const own = config.fileValue(triplePath)
  if (own !== undefined) return read(triplePath, own)
  const matches = matchingCfgTables(config, platform, key)
  const [first, second] = matches
  if (first === undefined) return undefined
  if (second !== undefined)
    throw new EngineError(
      'invalid-input',
      `several matching instances of \`target.'cfg(..)'.${key}\` in configurations\n` +
        `first match \`${first.cfg}\` located in ${describeDefinition(first.value.def)}\n` +
        `second match \`${second.cfg}\` located in ${describeDefinition(second.value.def)}`,
      {
        ...locationOf(second.value.def),
        hint: `Set \`${key}\` in only one \`[target.'cfg(…)']\` table that matches ${platform.triple}, or in \`[target.${platform.triple}]\`.`
      }
    )
  return read(['target', first.cfg, key], first.value)
}

/** The linker and runner configured for a platform (cargo's `target_linker` and `target_runner`). */
export function targetTools(config: CargoConfig, platform: TargetPlatform): TargetTools {
  const linker = targetKey(config, platform, 'linker', (path, v) => linkerOf(config, path, v))
  const runner = targetKey(config, platform, 'runner', (path, v) => runnerOf(config, path, v))
  return { ...(linker !== undefined ? { linker } : {}), ...(runner !== undefined ? { runner } : {}) }
}

/** The command line that runs `program` through `runner` (program, then its arguments), if there is one. */
export function withRunner(
  runner: readonly string[] | undefined,
  program: string,
  args: readonly string[]
): [string, string[]] {
  const [first, ...runnerArgs] = runner ?? []
  return first === undefined ? [program, [...args]] : [first, [...runnerArgs, program, ...args]]
}
