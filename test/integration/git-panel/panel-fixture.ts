/**
 * The git panel's services behind the real handlers (zod schemas, confinement, envelopes), with
 * a package whose git dependencies come from local bare repositories and whose registry
 * dependency comes from Debian's crates. Pushes are collected for the progress assertions.
 */
import { join } from 'node:path'
import type { Result } from '../../../src/shared/ipc/result'
import { appHandlers } from '../../helpers/app-handlers'
import { offlinePackage } from '../../helpers/cargo-offline'
import { gitRepo, type FixtureRepo } from '../../helpers/git-repo'
import { tempDir } from '../../helpers/temp-dir'

/** Handlers over fresh services with their own config and cache folders. */
export async function panelHandlers(root: string) {
  return appHandlers({ configDir: await tempDir('cs-git-panel-config-'), cacheDir: join(root, 'cache') })
}

/** The value of a successful call; a failure fails the test with its message. */
export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`call failed: ${result.error.code}: ${result.error.message}`)
  return result.value
}

export const libManifest = (name: string, deps = ''): string =>
  `[package]\nname = "${name}"\nversion = "0.1.0"\nedition = "2021"\n${deps ? `[dependencies]\n${deps}\n` : ''}`

export interface GitPackage {
  readonly root: string
  readonly app: string
  readonly gitdep: FixtureRepo
  readonly other: FixtureRepo
  readonly manifest: string
}

/**
 * `app` with `gitdep` (branch main, inline table), `other` (the default branch, a table of its
 * own) and Debian's `anyhow`.
 */
export async function gitPackage(root: string): Promise<GitPackage> {
  const gitdep = await gitRepo('gitdep', root)
  await gitdep.commit({ 'Cargo.toml': libManifest('gitdep'), 'src/lib.rs': '' }, 'first')
  const other = await gitRepo('other', root)
  await other.commit({ 'Cargo.toml': libManifest('other'), 'src/lib.rs': '' }, 'first')
  const manifest = [
    '[package]',
    'name = "app"',
    'version = "0.1.0"',
    'edition = "2021"',
    '',
    '[dependencies]',
    '# the registry one',
    'anyhow = "1"',
    `gitdep = { git = "${gitdep.url}", branch = "main" }  # follows main`,
    '',
    '[dependencies.other]',
    `git = "${other.url}"`,
    ''
  ].join('\n')
  const app = await offlinePackage(join(root, 'app'), manifest)
  return { root, app, gitdep, other, manifest }
}
