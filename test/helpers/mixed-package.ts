/**
 * One package that uses every kind of dependency the resolver handles, for comparisons with
 * the real cargo: path packages (one an old `log`, renamed, so `log` comes in two versions),
 * Debian's crates (a proc-macro, a build, a dev, an optional and a `cfg(windows)` dependency)
 * and a git dependency from a local bare repository.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { offlinePackage } from './cargo-offline'
import { gitRepo } from './git-repo'

export const MIXED_CRATES = [
  'serde',
  'serde_derive',
  'anyhow',
  'log',
  'memchr',
  'cc',
  'rand',
  'scopeguard',
  'either'
]

async function pathPackage(dir: string, manifest: string): Promise<void> {
  await mkdir(join(dir, 'src'), { recursive: true })
  await writeFile(join(dir, 'Cargo.toml'), manifest)
  await writeFile(join(dir, 'src', 'lib.rs'), '')
}

/** Builds the package under `root`; returns its folder (`root/app`). */
export async function mixedPackage(root: string): Promise<string> {
  const upstream = await gitRepo('gitdep', root)
  await upstream.commit({
    'Cargo.toml': '[package]\nname = "gitdep"\nversion = "0.2.0"\n[dependencies]\nscopeguard = "1"\n',
    'src/lib.rs': ''
  })
  await pathPackage(
    join(root, 'util'),
    '[package]\nname = "util"\nversion = "0.3.0"\nedition = "2021"\n[dependencies]\nmemchr = "2"\nlog = "0.4"\n'
  )
  await pathPackage(join(root, 'oldlog'), '[package]\nname = "log"\nversion = "0.3.9"\n')
  return offlinePackage(
    join(root, 'app'),
    [
      '[package]',
      'name = "app"',
      'version = "0.1.0"',
      'edition = "2021"',
      '[dependencies]',
      'serde = { version = "1", features = ["derive"] }',
      'anyhow = "1"',
      'util = { path = "../util" }',
      'oldlog = { package = "log", path = "../oldlog" }',
      'rand = { version = "0.8", optional = true }',
      `gitdep = { git = "${upstream.url}", branch = "main" }`,
      '[build-dependencies]',
      'cc = "1"',
      '[dev-dependencies]',
      'scopeguard = "1"',
      "[target.'cfg(windows)'.dependencies]",
      'either = "1"',
      ''
    ].join('\n')
  )
}
