/**
 * `crate-studio doctor` with a toolchain (rustc's version, host and sysroot, git, folders) and
 * without one (not found, how to install it, status 1). The rustc it names is the one builds use.
 */
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
    expect(r.stdout).toMatch(/^git +\/.*git version/m)
    expect(r.stdout).toMatch(/^cache +\/.*crate-studio/m)
    expect(r.stdout).not.toContain('rustup.rs')
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
