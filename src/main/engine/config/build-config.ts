/**
 * The configuration that shapes how rustc is run, read with cargo 1.95's rules: which rustc
 * (`RUSTC`, `build.rustc`), the wrappers around it (`RUSTC_WRAPPER`/`build.rustc-wrapper`,
 * `RUSTC_WORKSPACE_WRAPPER`/`build.rustc-workspace-wrapper`), extra flags (`CARGO_ENCODED_RUSTFLAGS`,
 * `RUSTFLAGS`, `target.*.rustflags`, `build.rustflags`; rustdoc's likewise), which rustdoc
 * (`RUSTDOC`, `build.rustdoc`), the default parallelism (`build.jobs`)
 * and the `[env]` table. The target directory is `targetDir` in `net-build-config.ts`.
 */
import { resolve } from 'node:path'
import { EngineError } from '../errors'
import { platformMatches } from '../resolver/platform'
import { envKey, type CargoConfig } from './cargo-config'
import { definitionRoot, describeDefinition, locationOf, type ConfigValue } from './config-value'

/**
 * A program named in a config file (cargo's `string_to_path`): a value with a path separator is
 * a path relative to its definition's root; a bare name is looked up on PATH by whoever runs it.
 */
function configProgram(config: CargoConfig, path: readonly string[]): string | undefined {
  const v = config.string(path)
  if (v === undefined) return undefined
  const isPath = v.value.includes('/') || (process.platform === 'win32' && v.value.includes('\\'))
  return isPath ? resolve(definitionRoot(v.def, config.cwd), v.value) : v.value
}

/** A program named in the environment (`maybe_get_tool`): with a separator, relative to the working directory. */
function envProgram(config: CargoConfig, name: string): string | undefined {
  const v = config.env[name]
  if (v === undefined) return undefined
  return /[/\\]/.test(v) ? resolve(config.cwd, v) : v
}

/** `build.rustc` (`CARGO_BUILD_RUSTC`) alone. */
export function configuredRustc(config: CargoConfig): string | undefined {
  return configProgram(config, ['build', 'rustc'])
}

/** The compiler cargo runs: `RUSTC`, else `build.rustc`; undefined means `rustc` from PATH. */
export function rustcProgram(config: CargoConfig): string | undefined {
  const fromEnv = envProgram(config, 'RUSTC')
  if (fromEnv !== undefined) return fromEnv === '' ? undefined : fromEnv
  return configuredRustc(config)
}

/** The rustdoc cargo runs: `RUSTDOC`, else `build.rustdoc`; undefined means the toolchain's own. */
export function rustdocProgram(config: CargoConfig): string | undefined {
  const fromEnv = envProgram(config, 'RUSTDOC')
  if (fromEnv !== undefined) return fromEnv === '' ? undefined : fromEnv
  return configProgram(config, ['build', 'rustdoc'])
}

/** An empty wrapper is no wrapper: that is how `RUSTC_WRAPPER=` switches off a configured one. */
function wrapper(config: CargoConfig, env: string, key: string): string | undefined {
  const program = envProgram(config, env) ?? configProgram(config, ['build', key])
  return program === '' ? undefined : program
}

/**
 * The program every rustc call goes through (sccache, a logger), given rustc's path as its
 * first argument: `RUSTC_WRAPPER`, else `build.rustc-wrapper` (`CARGO_BUILD_RUSTC_WRAPPER`).
 */
export function rustcWrapper(config: CargoConfig): string | undefined {
  return wrapper(config, 'RUSTC_WRAPPER', 'rustc-wrapper')
}

/**
 * The wrapper for workspace members only (clippy-driver style tools): `RUSTC_WORKSPACE_WRAPPER`,
 * else `build.rustc-workspace-wrapper`.
 */
export function rustcWorkspaceWrapper(config: CargoConfig): string | undefined {
  return wrapper(config, 'RUSTC_WORKSPACE_WRAPPER', 'rustc-workspace-wrapper')
}

/**
 * The programs before rustc on a command line, outermost first: cargo runs
 * `RUSTC_WRAPPER RUSTC_WORKSPACE_WRAPPER rustc …` for members and `RUSTC_WRAPPER rustc …` for the rest.
 */
export function rustcWrappers(config: CargoConfig, member: boolean): string[] {
  const outer = rustcWrapper(config)
  const inner = member ? rustcWorkspaceWrapper(config) : undefined
  return [outer, inner].filter((w): w is string => w !== undefined)
}

/**
 * `build.jobs` (`CARGO_BUILD_JOBS`): the default for `-j`. A negative number means that many
 * fewer than the CPUs available (at least one); zero is an error; `"default"` (or nothing) gives
 * undefined, the caller's default. Only an integer or `"default"` is accepted, as in cargo
 * (the environment's text counts as an integer when it reads as one).
 */
export function buildJobs(config: CargoConfig, available: number): number | undefined {
  const path = ['build', 'jobs']
  const v = config.value(path)
  if (v === undefined) return undefined
  let n: number
  if (v.type === 'integer') n = Number(v.value)
  else if (v.type === 'string' && v.def.type === 'env' && /^[+-]?\d+$/.test(v.value)) n = Number(v.value)
  else if (v.type === 'string' && v.value === 'default') return undefined
  else if (v.type === 'string')
    throw new EngineError(
      'invalid-input',
      `\`build.jobs\` in ${describeDefinition(v.def)}: could not parse \`${v.value}\`. Number of parallel jobs should be \`default\` or a number.`,
      {
        ...locationOf(v.def),
        hint: 'Write `jobs = 4` (no quotes), a negative number to leave CPUs free, or "default".'
      }
    )
  else throw config.expected(path, 'an integer or a string', v)
  if (n === 0)
    throw new EngineError(
      'invalid-input',
      `\`build.jobs\` in ${describeDefinition(v.def)}: jobs may not be 0.`,
      {
        ...locationOf(v.def),
        hint: 'Use a positive number of jobs, a negative number to leave CPUs free, or remove the key.'
      }
    )
  return n > 0 ? n : Math.max(1, available + n)
}

/**
 * cargo's `StringList` (`build.rustflags`, `target.*.rustflags`): a file's string split at
 * whitespace or its array of strings, with the environment variable's words appended.
 */
function stringList(config: CargoConfig, path: readonly string[], env?: string): string[] | undefined {
  const file = config.fileValue(path)
  const fromEnv = env === undefined ? undefined : config.env[env]
  if (file === undefined && fromEnv === undefined) return undefined
  const words = (s: string): string[] => s.split(/\s+/).filter((w) => w !== '')
  const out: string[] = []
  if (file?.type === 'string') out.push(...words(file.value))
  else if (file?.type === 'list')
    for (const item of file.items) {
      if (item.type !== 'string') throw config.expected(path, 'an array of strings', file)
      out.push(item.value)
    }
  else if (file !== undefined) throw config.expected(path, 'a string or an array of strings', file)
  if (fromEnv !== undefined) out.push(...words(fromEnv))
  return out
}

/** The platform a unit is built for, as rustc describes it: its triple and `--print cfg`. */
export interface TargetPlatform {
  readonly triple: string
  readonly cfg: ReadonlyMap<string, readonly string[]>
}

export interface RustflagsOptions {
  /** The unit runs on the build machine: a build script, a proc-macro, or something they use. */
  readonly forHost?: boolean
  /** The build names its target (`--target`, `build.target`), even when it is the host's. */
  readonly explicitTarget?: boolean
}

/** Which of cargo's two flag families: rustc's, or rustdoc's (doc tests). */
type FlagKind = 'rustflags' | 'rustdocflags'

const FLAG_ENV: Record<FlagKind, { encoded: string; plain: string }> = {
  rustflags: { encoded: 'CARGO_ENCODED_RUSTFLAGS', plain: 'RUSTFLAGS' },
  rustdocflags: { encoded: 'CARGO_ENCODED_RUSTDOCFLAGS', plain: 'RUSTDOCFLAGS' }
}

/**
 * The flags cargo adds to a rustc call (cargo's `extra_args`). The first source present wins,
 * without merging: `CARGO_ENCODED_RUSTFLAGS` (split at 0x1f), `RUSTFLAGS` (split at spaces),
 * `target.<triple>.rustflags` with every matching `target.'cfg(…)'.rustflags` (in key order),
 * then `build.rustflags`; target tables that add up to nothing fall through. When the build
 * names a target, host units get none of these (`[host]` flags need a nightly cargo).
 */
export function extraRustflags(
  config: CargoConfig,
  platform: TargetPlatform,
  options: RustflagsOptions = {}
): readonly string[] {
  return extraFlags(config, platform, 'rustflags', options)
}

/**
 * The same for rustdoc (doc tests): `CARGO_ENCODED_RUSTDOCFLAGS`, `RUSTDOCFLAGS`,
 * `target.<triple>.rustdocflags`, then `build.rustdocflags`. cargo reads no
 * `target.'cfg(…)'.rustdocflags`.
 */
export function extraRustdocflags(
  config: CargoConfig,
  platform: TargetPlatform,
  options: RustflagsOptions = {}
): readonly string[] {
  return extraFlags(config, platform, 'rustdocflags', options)
}

function extraFlags(
  config: CargoConfig,
  platform: TargetPlatform,
  kind: FlagKind,
  options: RustflagsOptions
): readonly string[] {
  if (options.forHost && options.explicitTarget) return []
  const encoded = config.env[FLAG_ENV[kind].encoded]
  if (encoded !== undefined) return encoded === '' ? [] : encoded.split('\x1f')
  const plain = config.env[FLAG_ENV[kind].plain]
  if (plain !== undefined)
    return plain
      .split(' ')
      .map((s) => s.trim())
      .filter((s) => s !== '')
  const fromTarget = targetFlags(config, platform, kind)
  if (fromTarget.length) return fromTarget
  const buildPath = ['build', kind]
  return stringList(config, buildPath, envKey(buildPath)) ?? []
}

/**
 * The `[target.'cfg(…)']` tables that set `key` and whose cfg matches `platform`, in key order.
 * Files alone count: environment variables cannot name a cfg table. A cfg cargo cannot parse
 * matches nothing; cargo says nothing about it either.
 */
export function matchingCfgTables(
  config: CargoConfig,
  platform: TargetPlatform,
  key: string
): { readonly cfg: string; readonly value: ConfigValue }[] {
  const cfgKeys = config.tableKeys(['target']).filter((k) => k.startsWith('cfg(') && k.endsWith(')'))
  const out: { cfg: string; value: ConfigValue }[] = []
  for (const cfg of cfgKeys.sort()) {
    const value = config.fileValue(['target', cfg, key])
    if (value === undefined) continue
    let matches = false
    try {
      matches = platformMatches(cfg, platform.triple, platform.cfg)
    } catch {
      matches = false
    }
    if (matches) out.push({ cfg, value })
  }
  return out
}

function targetFlags(config: CargoConfig, platform: TargetPlatform, kind: FlagKind): string[] {
  const triplePath = ['target', platform.triple, kind]
  const flags = [...(stringList(config, triplePath, envKey(triplePath).replaceAll('.', '_')) ?? [])]
  if (kind === 'rustflags')
    for (const { cfg } of matchingCfgTables(config, platform, kind))
      flags.push(...(stringList(config, ['target', cfg, kind]) ?? []))
  return flags
}

/** One `[env]` entry: a variable cargo sets for rustc, build scripts and the programs it runs. */
export interface ConfigEnvEntry {
  readonly name: string
  readonly value: string
  /** Set even when the variable already exists in the environment. */
  readonly force: boolean
}

/** serde's words for a value it did not expect (`integer \`1\``, `sequence`). */
function unexpected(v: ConfigValue): string {
  if (v.type === 'list') return 'sequence'
  if (v.type === 'table') return 'map'
  return v.type === 'string' ? `string ${JSON.stringify(v.value)}` : `${v.type} \`${v.value}\``
}

/** Variables cargo refuses in `[env]`: the outer cargo and rustup would not see them. */
const NOT_IN_ENV_TABLE = ['CARGO_HOME', 'RUSTUP_HOME', 'RUSTUP_TOOLCHAIN']

function envTableError(name: string, where: string, reason: string, loc: object, hint: string): EngineError {
  return new EngineError('invalid-input', `\`env.${name}\` in ${where}: ${reason}.`, { ...loc, hint })
}

/**
 * The `[env]` table: `NAME = "value"` or `NAME = { value, force = false, relative = false }`,
 * where `relative` makes the value a path relative to the config file's project directory.
 * `CARGO_ENV_<NAME>` replaces an entry the files define (as a plain value).
 */
export function configEnv(config: CargoConfig): readonly ConfigEnvEntry[] {
  const entries: ConfigEnvEntry[] = []
  for (const name of config.tableKeys(['env'])) {
    const v = config.fileValue(['env', name])!
    const fromEnv = config.env[envKey(['env', name], new Set([1]))]
    const hint = `Write \`${name} = "…"\` or \`${name} = { value = "…", force = true, relative = true }\`.`
    if (fromEnv !== undefined) {
      if (fromEnv === 'true' || fromEnv === 'false' || /^[+-]?\d+$/.test(fromEnv))
        throw envTableError(
          name,
          `environment variable \`CARGO_ENV_${name}\``,
          'expected a string or map',
          {},
          hint
        )
      entries.push({ name, value: fromEnv, force: false })
      continue
    }
    if (v.type === 'string') {
      entries.push({ name, value: v.value, force: false })
      continue
    }
    const where = describeDefinition(v.def)
    if (v.type !== 'table')
      throw envTableError(
        name,
        where,
        `invalid type: ${unexpected(v)}, expected a string or map`,
        locationOf(v.def),
        hint
      )
    const value = v.entries.get('value')
    if (value?.type !== 'string')
      throw envTableError(name, where, 'the table needs a string `value`', locationOf(v.def), hint)
    const flag = (key: string): boolean => {
      const f = v.entries.get(key)
      if (f === undefined) return false
      if (f.type !== 'boolean') throw config.expected(['env', name, key], 'a boolean (true or false)', f)
      return f.value
    }
    const text = flag('relative') ? resolve(definitionRoot(value.def, config.cwd), value.value) : value.value
    entries.push({ name, value: text, force: flag('force') })
  }
  for (const e of entries)
    if (NOT_IN_ENV_TABLE.includes(e.name))
      throw new EngineError(
        'invalid-input',
        `setting the \`${e.name}\` environment variable is not supported in the \`[env]\` configuration table`,
        {
          ...locationOf(config.fileValue(['env', e.name])!.def),
          hint: `Remove \`${e.name}\` from [env]; set it in the environment cargo runs in.`
        }
      )
  return entries
}

/** The environment with `[env]` applied: an existing variable is kept unless its entry is forced. */
export function withConfigEnv(
  env: Readonly<Record<string, string | undefined>>,
  entries: readonly ConfigEnvEntry[]
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = { ...env }
  for (const e of entries) if (e.force || env[e.name] === undefined) out[e.name] = e.value
  return out
}
