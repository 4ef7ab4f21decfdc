/**
 * The `[net]` and `[build]` keys the engine honours, read with cargo's precedence and path
 * rules: `net.offline`, `net.git-fetch-with-cli`, the target directory and `build.target`.
 */
import { resolve } from 'node:path'
import { EngineError } from '../errors'
import type { CargoConfig } from './cargo-config'
import { definitionRoot, describeDefinition, locationOf } from './config-value'

/** `net.offline` (`CARGO_NET_OFFLINE`): never touch the network. */
export function netOffline(config: CargoConfig): boolean | undefined {
  return config.bool(['net', 'offline'])?.value
}

/** `net.git-fetch-with-cli` (`CARGO_NET_GIT_FETCH_WITH_CLI`); the engine always uses the git CLI. */
export function gitFetchWithCli(config: CargoConfig): boolean | undefined {
  return config.bool(['net', 'git-fetch-with-cli'])?.value
}

/**
 * The target directory chosen by configuration, absolute; undefined when none was chosen (the
 * workspace's `target/`). `CARGO_TARGET_DIR` (relative to the working directory) wins over
 * `build.target-dir` (`CARGO_BUILD_TARGET_DIR`, relative to its config file's project); an empty
 * value is an error, as in cargo.
 */
export function targetDir(config: CargoConfig): string | undefined {
  const env = config.env.CARGO_TARGET_DIR
  if (env !== undefined) {
    if (env === '')
      throw new EngineError(
        'invalid-input',
        'The target directory is set to an empty string in the `CARGO_TARGET_DIR` environment variable.',
        { hint: 'Unset CARGO_TARGET_DIR or give it a directory.' }
      )
    return resolve(config.cwd, env)
  }
  const fromConfig = config.path(['build', 'target-dir'])
  if (fromConfig === undefined) return undefined
  if (fromConfig.raw === '')
    throw new EngineError(
      'invalid-input',
      `The target directory is set to an empty string in ${describeDefinition(fromConfig.def)}.`,
      { ...locationOf(fromConfig.def), hint: 'Remove `build.target-dir` or give it a directory.' }
    )
  return fromConfig.value
}

/**
 * `build.target` (`CARGO_BUILD_TARGET`): one target or several. A value ending in `.json` is a
 * target specification file, resolved like a config path (against the definition of the whole
 * value, as cargo does); anything else is a target triple kept as written.
 */
export function buildTargets(config: CargoConfig): readonly string[] | undefined {
  const v = config.stringOrList(['build', 'target'])
  if (v === undefined) return undefined
  const root = definitionRoot(v.def, config.cwd)
  return v.value.map((t) => (t.value.endsWith('.json') ? resolve(root, t.value) : t.value))
}
