/**
 * Named registries: `[registries.NAME] index` (`CARGO_REGISTRIES_NAME_INDEX`), `[registry]
 * default`, and how crates.io itself is reached (`registries.crates-io.protocol`). A registry's
 * identity is its index URL: `sparse+https://…/` for the HTTP protocol, a plain URL for a git index.
 */
import { EngineError } from '../errors'
import { CRATES_IO, type SourceId } from '../sources/source-id'
import type { CargoConfig, Located } from './cargo-config'
import { describeDefinition, locationOf, type Definition } from './config-value'

function invalidUrl(text: string, what: string, def?: Definition): EngineError {
  return new EngineError(
    'invalid-input',
    `${what} specified an invalid URL \`${text}\`${def ? ` (in ${describeDefinition(def)})` : ''}.`,
    { ...(def ? locationOf(def) : {}), hint: 'Write a full URL such as `sparse+https://host/index/`.' }
  )
}

/**
 * The source ID of a registry index URL: `sparse+` marks the sparse protocol (kept without the
 * prefix, as `SourceId` stores it); anything else is a git-protocol index.
 */
export function sourceIdOfIndexUrl(
  text: string,
  what = 'The registry index',
  def?: Definition
): Extract<SourceId, { kind: 'registry' | 'sparse' }> {
  const sparse = text.startsWith('sparse+')
  let url: URL
  try {
    url = new URL(sparse ? text.slice('sparse+'.length) : text)
  } catch {
    throw invalidUrl(text, what, def)
  }
  if (url.password !== '')
    throw new EngineError(
      'invalid-input',
      `${what} \`${text}\` contains a password; registry URLs may not.`,
      {
        ...(def ? locationOf(def) : {}),
        hint: 'Remove the password from the URL and use a credential provider instead.'
      }
    )
  return sparse ? { kind: 'sparse', url: url.href } : { kind: 'registry', url: url.href }
}

/** `registry.default` (`CARGO_REGISTRY_DEFAULT`): the registry `cargo publish` and friends use. */
export function defaultRegistry(config: CargoConfig): string | undefined {
  return config.string(['registry', 'default'])?.value
}

/** The registries named in config files (the environment can override, not add, them). */
export function registryNames(config: CargoConfig): string[] {
  return config.tableKeys(['registries'])
}

/** `registries.NAME.index` as written, with where it was defined; undefined when not configured. */
export function registryIndex(config: CargoConfig, name: string): Located<string> | undefined {
  return config.string(['registries', name, 'index'])
}

/**
 * The source ID of `registry = "NAME"`: crates-io is built in; any other name must have an
 * index in configuration.
 */
export function registrySourceId(config: CargoConfig, name: string | undefined): SourceId {
  if (name === undefined || name === 'crates-io') return CRATES_IO
  const index = registryIndex(config, name)
  if (!index)
    throw new EngineError(
      'not-found',
      `The registry index was not found in any configuration: \`${name}\`.`,
      {
        hint: `Add \`[registries.${name}] index = "…"\` to .cargo/config.toml, or set CARGO_REGISTRIES_${name.replaceAll('-', '_').toUpperCase()}_INDEX.`
      }
    )
  return sourceIdOfIndexUrl(index.value, `The index URL for registry \`${name}\``, index.def)
}

/** How crates.io is fetched (`registries.crates-io.protocol`): `sparse` (the default) or `git`. */
export function cratesIoProtocol(config: CargoConfig): 'sparse' | 'git' {
  const v = config.string(['registries', 'crates-io', 'protocol'])
  if (v === undefined || v.value === 'sparse') return 'sparse'
  if (v.value === 'git') return 'git'
  throw new EngineError(
    'invalid-input',
    `Unsupported registry protocol \`${v.value}\` (defined in ${describeDefinition(v.def)}).`,
    { ...locationOf(v.def), hint: 'Use `sparse` or `git`.' }
  )
}
