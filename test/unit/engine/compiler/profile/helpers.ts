/** Fixtures for the profile tests: manifest text → profiles, config files in a temp dir → CargoConfig. */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { CargoConfig } from '../../../../../src/main/engine/config/cargo-config'
import { loadCargoConfig } from '../../../../../src/main/engine/config/load-cargo-config'
import { manifestProfilesFromText } from '../../../../../src/main/engine/compiler/profile/manifest-profiles'
import {
  resolveProfiles,
  type Profiles
} from '../../../../../src/main/engine/compiler/profile/resolve-profiles'
import { EngineError } from '../../../../../src/main/engine/errors'
import { tempDir } from '../../../../helpers/temp-dir'
import { writeTree } from '../../config/write-tree'

export const MANIFEST = '/p/Cargo.toml'
export const HEADER = '[package]\nname = "p"\nversion = "0.1.0"\n'

/** `[package]` plus `extra`, read for its profiles. */
export function manifestProfiles(extra: string) {
  return manifestProfilesFromText(HEADER + extra, MANIFEST)
}

/** A project at `<tmp>/p` with `.cargo/config.toml` holding `configText` (when given). */
export async function configFor(
  configText: string | undefined,
  env: Record<string, string> = {}
): Promise<CargoConfig> {
  const root = await tempDir()
  if (configText !== undefined) await writeTree(root, { 'p/.cargo/config.toml': configText })
  const cwd = join(root, 'p')
  await mkdir(cwd, { recursive: true })
  return loadCargoConfig({ cwd, env, homeDir: '/nonexistent', cargoHome: join(root, 'home') })
}

/** Profiles from manifest text and, optionally, a configuration. */
export function profilesOf(extra: string, config?: CargoConfig, requested?: string): Profiles {
  return resolveProfiles({
    manifestProfiles: manifestProfiles(extra).profiles,
    manifestPath: MANIFEST,
    ...(config ? { config } : {}),
    ...(requested ? { requested } : {})
  })
}

export const MEMBER = { name: 'p', isMember: true } as const
export const DEPENDENCY = { name: 'dep', isMember: false } as const

/** The EngineError `f` throws (fails the test when it throws anything else or nothing). */
export function errorOf(f: () => unknown): EngineError {
  try {
    f()
  } catch (e) {
    if (e instanceof EngineError) return e
    throw e
  }
  throw new Error('expected an EngineError')
}
