/**
 * Fixture workspaces for comparing our `tree`/`metadata` with the real cargo's, offline against
 * Debian's crate directory (serde with its derive proc-macro, anyhow, log, memchr, cc, itoa,
 * libc), plus path packages and a synthetic directory registry with two versions of one crate.
 */
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { execa } from 'execa'
import type { TreeOptions } from '../../../src/main/engine/tree/tree-options'

export const DEBIAN_REGISTRY = '/usr/share/cargo/registry'
export const NEEDED_CRATES = [
  'serde',
  'serde_derive',
  'anyhow',
  'log',
  'memchr',
  'cc',
  'itoa',
  'libc'
] as const

/** Fails loudly (not a skip) when the machine lacks cargo or a crate the fixtures use. */
export async function requireCargoAndCrates(): Promise<void> {
  await execa('cargo', ['--version']).catch(() => {
    throw new Error('cargo is not on PATH: these tests compare against the real cargo')
  })
  const present = await readdir(DEBIAN_REGISTRY).catch(() => [] as string[])
  for (const crate of NEEDED_CRATES)
    if (!present.some((d) => d.startsWith(`${crate}-`)))
      throw new Error(`${DEBIAN_REGISTRY} has no ${crate}: install librust-${crate.replaceAll('_', '-')}-dev`)
}

export function offlineConfig(registry = DEBIAN_REGISTRY): string {
  return `[source.crates-io]\nreplace-with = "local"\n[source.local]\ndirectory = ${JSON.stringify(registry)}\n[net]\noffline = true\n`
}

export async function writeFiles(dir: string, files: Readonly<Record<string, string>>): Promise<void> {
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, rel)), { recursive: true })
    await writeFile(join(dir, rel), text)
  }
}

/**
 * The main fixture: every kind of edge. A renamed dependency (`ah` = anyhow), an optional one
 * behind `dep:`, a weak `log?/std`, a proc-macro (serde_derive), a build-dependency (cc), a
 * dev-dependency, `cfg(windows)` and `cfg(unix)` tables, a path dependency that uses memchr
 * without default features as a normal dependency and with them as a build-dependency (so
 * resolver 2 builds memchr twice), and a second memchr (1.0.0, a path package) for `-d`.
 */
export const MAIN_FIXTURE: Readonly<Record<string, string>> = {
  'Cargo.toml': `[package]
name = "fixture"
version = "0.1.0"
edition = "2021"
license = "MIT"
repository = "https://example.com/fixture"
description = "A fixture"
keywords = ["a", "b"]
categories = ["development-tools"]
authors = ["A <a@example.com>"]
rust-version = "1.60"

[package.metadata.docs]
z = 1
a = ["x"]

[dependencies]
serde = { version = "1", features = ["derive"] }
ah = { package = "anyhow", version = "1" }
log = { version = "0.4", optional = true }
dep1 = { path = "dep1" }
memchr1 = { package = "memchr", path = "old-memchr" }

[build-dependencies]
cc = "1"

[dev-dependencies]
itoa = "1.0"

[target.'cfg(windows)'.dependencies]
libc = "0.2"

[target.'cfg(unix)'.dev-dependencies]
libc = { version = "0.2", default-features = false }

[features]
default = ["dep1/extra"]
logging = ["dep:log"]
weak = ["log?/std"]
everything = ["logging", "weak", "dep1/fast"]
`,
  'src/main.rs': 'fn main() {}\n',
  'src/lib.rs': '',
  'build.rs': 'fn main() {}\n',
  'examples/demo.rs': 'fn main() {}\n',
  'tests/it.rs': '',
  'README.md': '# fixture\n',
  'dep1/Cargo.toml': `[package]
name = "dep1"
version = "0.2.0"
edition = "2018"

[dependencies]
memchr = { version = "2", default-features = false }

[build-dependencies]
memchr = "2"

[features]
extra = []
fast = ["memchr/std"]
`,
  'dep1/src/lib.rs': '',
  'dep1/build.rs': 'fn main() {}\n',
  'old-memchr/Cargo.toml': '[package]\nname = "memchr"\nversion = "1.0.0"\nedition = "2015"\n',
  'old-memchr/src/lib.rs': ''
}

/** A directory registry: Debian's crates (symlinked) plus synthetic ones written here. */
export async function syntheticRegistry(
  dir: string,
  crates: Readonly<Record<string, string>>
): Promise<string> {
  await mkdir(dir, { recursive: true })
  for (const entry of await readdir(DEBIAN_REGISTRY))
    await symlink(join(DEBIAN_REGISTRY, entry), join(dir, entry))
  for (const [folder, manifest] of Object.entries(crates)) {
    await writeFiles(join(dir, folder), {
      'Cargo.toml': manifest,
      'src/lib.rs': '',
      '.cargo-checksum.json':
        '{"files":{},"package":"0000000000000000000000000000000000000000000000000000000000000000"}'
    })
  }
  return dir
}

/** `cargo tree` arguments as our options (the subset the comparisons use). */
export function treeOptionsFromArgs(args: readonly string[]): TreeOptions {
  const o: {
    -readonly [K in keyof TreeOptions]: TreeOptions[K] extends readonly (infer T)[] | undefined
      ? T[]
      : TreeOptions[K]
  } = {}
  const list = (k: 'packages' | 'targets' | 'edges' | 'invert' | 'prune', v: string) =>
    (o[k] = [...(o[k] ?? []), v])
  const features = { features: [] as string[], allFeatures: false, noDefaultFeatures: false }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    const next = () => args[++i]!
    if (a === '-p' || a === '--package') list('packages', next())
    else if (a === '--target') list('targets', next())
    else if (a === '-e' || a === '--edges') list('edges', next())
    else if (a === '-i' || a === '--invert') list('invert', next())
    else if (a === '--prune') list('prune', next())
    else if (a === '--depth') {
      const d = next()
      o.depth = d === 'workspace' ? d : Number(d)
    } else if (a === '--prefix') o.prefix = next() as TreeOptions['prefix']
    else if (a === '--charset') o.charset = next() as TreeOptions['charset']
    else if (a === '-f' || a === '--format') o.format = next()
    else if (a === '--no-dedupe') o.noDedupe = true
    else if (a === '-d' || a === '--duplicates') o.duplicates = true
    else if (a === '-F' || a === '--features') features.features.push(next())
    else if (a === '--all-features') features.allFeatures = true
    else if (a === '--no-default-features') features.noDefaultFeatures = true
    else throw new Error(`unsupported cargo tree argument ${a}`)
  }
  return { ...o, features }
}

/** Synthetic crates for a registry with two versions of `twover` (the second used through `usesold`). */
export const DUPES_REGISTRY: Readonly<Record<string, string>> = {
  'twover-1.0.0': '[package]\nname = "twover"\nversion = "1.0.0"\nedition = "2021"\n\n[features]\na = []\n',
  'twover-2.0.0':
    '[package]\nname = "twover"\nversion = "2.0.0"\nedition = "2021"\n\n[dependencies]\nmemchr = { version = "2", optional = true }\n\n[features]\ndefault = ["memchr"]\n',
  'usesold-0.1.0':
    '[package]\nname = "usesold"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\ntwover = "1"\n\n[build-dependencies]\ntwover = { version = "2", default-features = false }\n'
}

export const DUPES_FIXTURE: Readonly<Record<string, string>> = {
  'Cargo.toml': `[package]
name = "dupes"
version = "0.1.0"
edition = "2024"

[dependencies]
twover = "2"
usesold = "0.1"

[dev-dependencies]
twover1 = { package = "twover", version = "1", features = ["a"] }
`,
  'src/lib.rs': ''
}

/** A git repository (one commit on `main`) holding the package `gitdep`, with a path dependency inside. */
export async function gitRepository(dir: string): Promise<{ url: string; commit: string }> {
  await writeFiles(dir, {
    'Cargo.toml':
      '[package]\nname = "gitdep"\nversion = "0.5.0"\nedition = "2021"\n\n[dependencies]\ninner = { path = "inner" }\nitoa = "1"\n',
    'src/lib.rs': '',
    'inner/Cargo.toml': '[package]\nname = "inner"\nversion = "0.1.0"\nedition = "2021"\n',
    'inner/src/lib.rs': ''
  })
  const git = (...args: string[]) =>
    execa('git', args, {
      cwd: dir,
      env: {
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.com',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.com'
      }
    })
  await git('init', '-q', '-b', 'main')
  await git('add', '.')
  await git('commit', '-q', '-m', 'init')
  const commit = (await git('rev-parse', 'HEAD')).stdout.trim()
  return { url: `file://${dir}`, commit }
}

export function gitFixture(url: string): Readonly<Record<string, string>> {
  return {
    'Cargo.toml': `[package]\nname = "usesgit"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\ngitdep = { git = ${JSON.stringify(url)}, branch = "main" }\n`,
    'src/lib.rs': ''
  }
}

/** Source replacement without `net.offline`: cargo may then clone a `file://` repository. */
export function onlineConfig(registry = DEBIAN_REGISTRY): string {
  return `[source.crates-io]\nreplace-with = "local"\n[source.local]\ndirectory = ${JSON.stringify(registry)}\n`
}
