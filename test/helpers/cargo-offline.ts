/**
 * Real cargo, offline, against Debian's crate directory (/usr/share/cargo/registry, filled by the
 * librust-*-dev packages .ci/run installs): temporary packages to run `cargo add`/`cargo remove`
 * and the built CLI side by side.
 */
import { access, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'

export const DEBIAN_REGISTRY = '/usr/share/cargo/registry'
const ROOT = join(import.meta.dirname, '..', '..')
export const CLI = join(ROOT, 'bin', 'crate-studio')

export const OFFLINE_CONFIG = `[source.crates-io]\nreplace-with = "debian"\n[source.debian]\ndirectory = "${DEBIAN_REGISTRY}"\n`

/** Fails loudly (not a skip) when the machine lacks what the comparison needs. */
export async function requireCargoAndRegistry(crates: readonly string[]): Promise<void> {
  await execa('cargo', ['--version']).catch(() => {
    throw new Error('cargo is not on PATH: the differential tests compare against the real cargo')
  })
  for (const crate of crates) {
    const { stdout } = await execa('ls', [DEBIAN_REGISTRY]).catch(() => ({ stdout: '' }))
    if (!stdout.split('\n').some((d) => d.startsWith(`${crate}-`)))
      throw new Error(
        `${DEBIAN_REGISTRY} has no ${crate}: install librust-${crate.replaceAll('_', '-')}-dev (see .ci/run)`
      )
  }
  await access(join(ROOT, 'out', 'main', 'cli.js')).catch(() => {
    throw new Error('out/main/cli.js is missing: run `npm run build` first')
  })
}

/** A package directory with the offline source configuration, `src/main.rs` and `manifest` as bytes. */
export async function offlinePackage(dir: string, manifest: string | Uint8Array): Promise<string> {
  await mkdir(join(dir, 'src'), { recursive: true })
  await mkdir(join(dir, '.cargo'), { recursive: true })
  await writeFile(join(dir, '.cargo', 'config.toml'), OFFLINE_CONFIG)
  await writeFile(join(dir, 'src', 'main.rs'), 'fn main() {}\n')
  await writeFile(join(dir, 'Cargo.toml'), manifest)
  return dir
}

export function runCargo(args: readonly string[], cwd: string, cargoHome: string, offline = true) {
  return execa('cargo', [...args, ...(offline ? ['--offline'] : [])], {
    cwd,
    reject: false,
    env: {
      CARGO_HOME: cargoHome,
      CARGO_TERM_COLOR: 'never',
      RUSTUP_HOME: process.env.RUSTUP_HOME ?? join(process.env.HOME ?? '/root', '.rustup')
    }
  })
}

export function runCli(args: readonly string[], cwd: string) {
  return execa(CLI, [...args], { cwd, reject: false, env: { NO_COLOR: '1' } })
}
