/**
 * Which config files cargo reads, in its order: `.cargo/config` or `.cargo/config.toml` in the
 * working directory and every ancestor up to the root, then the one in CARGO_HOME unless that
 * directory was already one of the `.cargo` folders walked. When both names exist the legacy
 * `config` wins (cargo warns), unless it is the same file (a symlink kept for old cargos).
 */
import { stat, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { ManifestWarning } from '@shared/models/package'
import { EngineError, isNotFound } from '../errors'
import { decodeTomlBytes, MAX_MANIFEST_BYTES } from '../manifest/decode'
import type { ConfigTable } from './config-value'
import { mergeTables } from './merge-config'
import { parseConfigText } from './toml-to-config'

type Stats = Awaited<ReturnType<typeof stat>>

async function statOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path)
  } catch (e) {
    if (isNotFound(e)) return undefined
    throw new EngineError('io', `Could not read ${path}: ${(e as Error).message}`, { file: path })
  }
}

/** The config file in one `.cargo` directory (or CARGO_HOME), if any, with cargo's warnings. */
async function configFileIn(dir: string, warnings: ManifestWarning[]): Promise<string | undefined> {
  const legacy = join(dir, 'config')
  const current = join(dir, 'config.toml')
  const legacyStat = await statOrUndefined(legacy)
  if (!legacyStat) return (await statOrUndefined(current)) ? current : undefined
  const currentStat = await statOrUndefined(current)
  if (!currentStat) {
    warnings.push({
      file: legacy,
      message: `\`${legacy}\` is deprecated in favor of \`config.toml\`; if you need to support cargo 1.38 or earlier, symlink \`config\` to \`config.toml\`.`
    })
  } else if (currentStat.dev !== legacyStat.dev || currentStat.ino !== legacyStat.ino) {
    warnings.push({
      file: legacy,
      message: `both \`${legacy}\` and \`${current}\` exist. Using \`${legacy}\``
    })
  }
  return legacy
}

/** Every config file cargo would read for `cwd`, deepest first. */
export async function findConfigFiles(
  cwd: string,
  cargoHome: string,
  warnings: ManifestWarning[] = []
): Promise<string[]> {
  const files: string[] = []
  const walked = new Set<string>()
  for (let dir = cwd; ; dir = dirname(dir)) {
    const dotCargo = join(dir, '.cargo')
    const file = await configFileIn(dotCargo, warnings)
    if (file) files.push(file)
    walked.add(dotCargo)
    if (dirname(dir) === dir) break
  }
  if (!walked.has(join(cargoHome))) {
    const file = await configFileIn(cargoHome, warnings)
    if (file) files.push(file)
  }
  return files
}

async function readConfigFile(file: string): Promise<ConfigTable> {
  let bytes: Uint8Array
  try {
    const info = await stat(file)
    if (!info.isFile())
      throw new EngineError('invalid-input', `${file} is not a regular file.`, {
        file,
        hint: 'A cargo configuration file must be an ordinary TOML file.'
      })
    if (info.size > MAX_MANIFEST_BYTES)
      throw new EngineError(
        'invalid-input',
        `${file} is larger than 16 MiB; configuration files that large are refused.`,
        { file }
      )
    bytes = await readFile(file)
  } catch (e) {
    if (e instanceof EngineError) throw e
    throw new EngineError('io', `Could not read the configuration file ${file}: ${(e as Error).message}`, {
      file
    })
  }
  return parseConfigText(decodeTomlBytes(bytes, file).text, file)
}

/** Reads and merges the files cargo would read for `cwd`: the file values before the environment. */
export async function loadConfigFiles(
  cwd: string,
  cargoHome: string,
  warnings: ManifestWarning[] = []
): Promise<{ readonly files: readonly string[]; readonly table: ConfigTable }> {
  const files = await findConfigFiles(cwd, cargoHome, warnings)
  let table: ConfigTable = { type: 'table', entries: new Map(), def: { type: 'default' } }
  for (const file of files) table = mergeTables(table, await readConfigFile(file))
  return { files, table }
}
