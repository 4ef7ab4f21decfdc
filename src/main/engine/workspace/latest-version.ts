/**
 * The version `cargo add NAME` picks when none is given: the newest one that is not yanked
 * and not a pre-release (unless there is nothing else), and, when the package declares a
 * `rust-version`, the newest whose own `rust-version` it satisfies, as cargo 1.95 does.
 */
import { dirname } from 'node:path'
import type { CargoConfig } from '../config/cargo-config'
import { loadCargoConfig } from '../config/load-cargo-config'
import { netOffline } from '../config/net-build-config'
import { registrySourceId } from '../config/registries-config'
import { EngineError } from '../errors'
import { compareVersions } from '../resolver/resolve/version-order'
import { matchesVersionReq } from '../resolver/version-match'
import { parseVersionReq } from '../resolver/version-req'
import type { Summary } from '../sources/summary'
import { createSourceRegistry } from './workspace-sources'

export interface LatestVersionOptions {
  readonly manifestPath: string
  readonly env: Readonly<Record<string, string | undefined>>
  readonly homeDir: string
  readonly cacheDir: string
  readonly offline?: boolean
  /** The adding package's `rust-version`. */
  readonly rustVersion?: string
}

const isPre = (v: string) => /^[^+]*-/.test(v)

function rustOk(summary: Summary, rustVersion: string | undefined): boolean {
  if (rustVersion === undefined || summary.rustVersion === undefined) return true
  return compareVersions(normalize(summary.rustVersion), normalize(rustVersion)) <= 0
}

const normalize = (v: string) => [...v.split('.'), '0', '0'].slice(0, 3).join('.')

export function pickLatest(summaries: readonly Summary[], rustVersion?: string): Summary | undefined {
  const sorted = [...summaries].filter((s) => !s.yanked).sort((a, b) => compareVersions(b.version, a.version))
  const stable = sorted.filter((s) => !isPre(s.version))
  const pool = stable.length > 0 ? stable : sorted
  return pool.find((s) => rustOk(s, rustVersion)) ?? pool[0]
}

/**
 * Looks `name` up in the registry the configuration serves crates.io (or `registry`) from:
 * the newest fitting version, or the newest matching `req` when one was given (`name@req`).
 */
export async function latestVersion(
  name: string,
  options: LatestVersionOptions,
  req?: string,
  registry?: string
): Promise<Summary> {
  const config: CargoConfig = await loadCargoConfig({
    cwd: dirname(options.manifestPath),
    env: options.env,
    homeDir: options.homeDir
  })
  const sources = createSourceRegistry(config, {
    cacheDir: options.cacheDir,
    offline: options.offline === true || netOffline(config) === true
  })
  const id = registrySourceId(config, registry)
  const parsed = req === undefined ? undefined : parseVersionReq(req)
  const all = await sources.sourceFor(id).query(name)
  const matching = parsed?.ok ? all.filter((s) => matchesVersionReq(parsed.req, s.version)) : all
  const found = pickLatest(matching, options.rustVersion)
  if (!found)
    throw new EngineError(
      'not-found',
      `the crate \`${req === undefined ? name : `${name}@${req}`}\` could not be found in registry index.`,
      {
        hint: `Check the name, or look at ${sources.describeSource(id).text}.`
      }
    )
  return found
}
