/**
 * Projects for comparing our Cargo.lock with the real cargo's: packages whose lock holds every
 * kind of entry, a directory source with several versions of one crate (Debian's has none), and
 * a local git repository with a default branch, a tag, branches (one full of URL-special
 * characters) and a rev. cargo runs with its own CARGO_HOME; nothing goes over the network.
 */
import { createHash } from 'node:crypto'
import { access, mkdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import { DEBIAN_REGISTRY, runCargo } from '../../helpers/cargo-offline'
import { gitRepo } from '../../helpers/git-repo'

/** A branch name git accepts that needs URL encoding almost everywhere. */
export const ODD_BRANCH = `fix/a+b&c=d%e#f'g"h(i)!,;$`

/** Fails loudly (not a skip) when the machine lacks what the comparison needs. */
export async function requireCargo(): Promise<void> {
  await execa('cargo', ['--version']).catch(() => {
    throw new Error('cargo is not on PATH: these tests compare with the real cargo')
  })
  for (const crate of ['rand-0.8.5', 'cfg-if-1.0.0', 'itoa-1.0.1']) {
    await access(join(DEBIAN_REGISTRY, crate)).catch(() => {
      throw new Error(
        `${DEBIAN_REGISTRY}/${crate} is missing: install its librust-*-dev package (see .ci/run)`
      )
    })
  }
}

export interface GitFixture {
  readonly url: string
  /** The first 7 hex digits of the commit on ODD_BRANCH, for a `rev = "…"` dependency. */
  readonly rev: string
}

/** A `gdep 0.1.0` repository whose refs all point at different commits (in a folder with a space). */
export async function gdepRepository(base: string): Promise<GitFixture> {
  const repo = await gitRepo('gdep', join(base, 'fixture repo'))
  const files = (n: number) => ({
    'Cargo.toml': '[package]\nname = "gdep"\nversion = "0.1.0"\nedition = "2015"\n',
    'src/lib.rs': `// ${n}\n`
  })
  await repo.commit(files(1))
  await repo.tag('v1.0')
  await repo.branch('master')
  await repo.branch(ODD_BRANCH)
  const odd = await repo.commit(files(2))
  await repo.branch('feature')
  await repo.commit(files(3))
  await repo.switch('main')
  await repo.commit(files(4))
  return { url: repo.url, rev: odd.slice(0, 7) }
}

async function vendorCrate(dir: string, name: string, version: string, deps = ''): Promise<void> {
  const root = join(dir, `${name}-${version}`)
  await mkdir(join(root, 'src'), { recursive: true })
  await writeFile(
    join(root, 'Cargo.toml'),
    `[package]\nname = "${name}"\nversion = "${version}"\nedition = "2015"\n${deps}`
  )
  await writeFile(join(root, 'src', 'lib.rs'), '')
  const checksum = createHash('sha256').update(`${name}-${version}`).digest('hex')
  await writeFile(join(root, '.cargo-checksum.json'), JSON.stringify({ files: {}, package: checksum }))
}

/** A directory source: foo 0.9.0, 0.10.0 and 1.0.0-beta.2, bar 0.1.0, and Debian's itoa. */
export async function vendorDirectory(base: string): Promise<string> {
  const dir = join(base, 'vendor')
  await mkdir(dir, { recursive: true })
  await vendorCrate(dir, 'foo', '0.9.0')
  await vendorCrate(dir, 'foo', '0.10.0', '[dependencies]\nitoa = "1"\n')
  await vendorCrate(dir, 'foo', '1.0.0-beta.2')
  await vendorCrate(dir, 'bar', '0.1.0')
  await symlink(join(DEBIAN_REGISTRY, 'itoa-1.0.1'), join(dir, 'itoa-1.0.1'))
  return dir
}

export interface PackageSpec {
  /** The `[dependencies]` body. */
  readonly deps: string
  readonly rustVersion?: string
  /** The directory source replacing crates.io (Debian's by default). */
  readonly registry?: string
  /** Extra manifest text after `[dependencies]` (`[patch]`). */
  readonly extra?: string
  /** Path packages inside the project: folder → manifest. */
  readonly paths?: Readonly<Record<string, string>>
}

export function pathManifest(name: string, version: string, deps = ''): string {
  return `[package]\nname = "${name}"\nversion = "${version}"\nedition = "2015"\n${deps}`
}

/** Writes the project `app` (bin) into `dir`. */
export async function writeProject(dir: string, spec: PackageSpec): Promise<string> {
  await mkdir(join(dir, 'src'), { recursive: true })
  await mkdir(join(dir, '.cargo'), { recursive: true })
  const rust = spec.rustVersion ? `rust-version = "${spec.rustVersion}"\n` : ''
  await writeFile(
    join(dir, 'Cargo.toml'),
    `${pathManifest('app', '0.1.0', rust)}\n[dependencies]\n${spec.deps}\n${spec.extra ?? ''}`
  )
  await writeFile(join(dir, 'src', 'main.rs'), 'fn main() {}\n')
  await writeFile(
    join(dir, '.cargo', 'config.toml'),
    `[source.crates-io]\nreplace-with = "local"\n[source.local]\ndirectory = "${spec.registry ?? DEBIAN_REGISTRY}"\n`
  )
  for (const [folder, manifest] of Object.entries(spec.paths ?? {})) {
    await mkdir(join(dir, folder, 'src'), { recursive: true })
    await writeFile(join(dir, folder, 'Cargo.toml'), manifest)
    await writeFile(join(dir, folder, 'src', 'lib.rs'), '')
  }
  return dir
}

/**
 * Runs cargo in `dir`. Not `--offline`: cargo refuses to clone even a file:// repository then;
 * every source here is local, so nothing reaches the network anyway.
 */
export function cargo(dir: string, cargoHome: string, args: readonly string[]) {
  return runCargo(args, dir, cargoHome, false)
}

/** `cargo generate-lockfile`, then the lock it wrote. */
export async function cargoLock(dir: string, cargoHome: string): Promise<string> {
  const r = await cargo(dir, cargoHome, ['generate-lockfile', '--quiet'])
  if (r.exitCode !== 0) throw new Error(`cargo generate-lockfile failed in ${dir}:\n${r.stderr}`)
  return readFile(join(dir, 'Cargo.lock'), 'utf8')
}
