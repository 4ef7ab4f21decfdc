/**
 * `crate-studio doctor` with a toolchain (rustc's version, how it was found, host and sysroot,
 * rustup's toolchains, the project's pin, git, folders) and without one (not found, how to install
 * it, status 1). The rustc it names is the one builds use.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import { describe, expect, it } from 'vitest'
import { CLI } from '../../helpers/cargo-offline'
import { tempDir } from '../../helpers/temp-dir'

describe('crate-studio doctor', () => {
  it('reports the toolchain builds use, git, and the folders', async () => {
    const rustc = await execa('rustc', ['-vV'])
    const host = /^host: (.*)$/m.exec(rustc.stdout)?.[1]
    const r = await execa(CLI, ['doctor'], { reject: false, env: { NO_COLOR: '1' } })
    expect(r.exitCode, r.stderr).toBe(0)
    expect(r.stdout).toContain(rustc.stdout.split('\n')[0])
    expect(r.stdout).toContain(`host ${host}`)
    expect(r.stdout).toMatch(/^ +sysroot \//m)
    expect(r.stdout).toMatch(/^ +found on PATH: \/.*rustc$/m)
    expect(r.stdout).toMatch(/^git +\/.*git version/m)
    expect(r.stdout).toMatch(/^cache +\/.*crate-studio/m)
    expect(r.stdout).not.toContain('rustup.rs')
  })

  it('lists rustup’s toolchains and checks the pin of the project given, without obeying it', async () => {
    const rustup = await execa('rustup', ['toolchain', 'list'], { reject: false })
    const dir = await tempDir()
    await writeFile(join(dir, 'rust-toolchain.toml'), '[toolchain]\nchannel = "1.2.3"\n')
    const r = await execa(CLI, ['doctor', '--manifest-path', join(dir, 'Cargo.toml')], {
      reject: false,
      env: { NO_COLOR: '1' }
    })
    expect(r.exitCode, r.stderr).toBe(0)
    if (rustup.exitCode === 0) {
      const installed = rustup.stdout.split('\n')[0]!.split(' ')[0]!
      expect(r.stdout).toMatch(/^rustup +\/.*rustup$/m)
      expect(r.stdout).toMatch(/^ +default \S+/m)
      expect(r.stdout).toContain(installed)
      expect(r.stdout).toContain(`project ${join(dir, 'rust-toolchain.toml')} pins 1.2.3 (not installed)`)
      expect(r.stdout).toContain('run `rustup toolchain install 1.2.3`')
    } else {
      expect(r.stdout).toContain('rustup is not installed')
    }
    // rustc is still asked from the home folder: the pin is reported, not used.
    expect(r.stdout).toMatch(/^rustc +\/.*\(rustc \d+\.\d+\.\d+/m)
  })

  it('points at a malformed toolchain file in the current folder, and says how RUSTC found rustc', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'rust-toolchain.toml'), '[toolchain]\nchannel = "stable"\npath = "/opt/tc"\n')
    const rustc = (await execa('rustc', ['--print', 'sysroot'])).stdout.trim()
    const r = await execa(CLI, ['doctor'], {
      cwd: dir,
      reject: false,
      env: { NO_COLOR: '1', RUSTC: join(rustc, 'bin', 'rustc') }
    })
    expect(r.exitCode, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/^ +set by RUSTC: \/.*rustc$/m)
    expect(r.stdout).toContain(
      `project ${join(dir, 'rust-toolchain.toml')}:3: \`channel\` (stable) and \`path\``
    )
    expect(r.stdout).toMatch(/^ +Keep one: `channel` for a rustup toolchain/m)
  })

  it('says how to install Rust when there is no rustc, and fails', async () => {
    const home = await tempDir()
    const r = await execa(process.execPath, [CLI, 'doctor'], {
      reject: false,
      extendEnv: false,
      env: { PATH: '/usr/bin:/bin', HOME: home, NO_COLOR: '1' }
    })
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toMatch(/^rustc +not found: rustc was not found on PATH or in ~\/\.cargo\/bin\./m)
    expect(r.stdout).toContain('https://sh.rustup.rs')
    expect(r.stdout).toContain(`cache   ${home}/.cache/crate-studio`)
  })
})
