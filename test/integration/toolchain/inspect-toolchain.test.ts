/**
 * The toolchain facts the status bar and `doctor` show, gathered from stand-in rustc and rustup
 * programs on a temporary PATH (and once from the real rustup): how rustc was found, its sysroot,
 * rustup's toolchains, and what a project pins, without running anything the project names.
 */
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { inspectToolchain } from '../../../src/main/engine/toolchain/inspect-toolchain'
import { findRustup } from '../../../src/main/engine/toolchain/rustup'
import { tempDir } from '../../helpers/temp-dir'

const HOST = 'x86_64-unknown-linux-gnu'

async function script(path: string, body: string): Promise<string> {
  await writeFile(path, `#!/bin/sh\n${body}\n`)
  await chmod(path, 0o755)
  return path
}

/** A rustc that answers like the real one, with its sysroot in `toolchain/`. */
async function fakeRustc(dir: string): Promise<{ path: string; sysroot: string }> {
  const sysroot = join(dir, 'toolchain')
  await mkdir(join(sysroot, 'bin'), { recursive: true })
  const body = `case "$*" in
  -vV) printf 'rustc 1.95.0 (fake 2026-01-01)\\nbinary: rustc\\nhost: ${HOST}\\nrelease: 1.95.0\\n' ;;
  "--print cfg") printf 'unix\\ntarget_os="linux"\\n' ;;
  "--print sysroot") printf '%s\\n' '${sysroot}' ;;
esac`
  await script(join(sysroot, 'bin', 'rustc'), body)
  return { path: await script(join(dir, 'rustc'), body), sysroot }
}

/** A rustup whose `toolchain list` prints `listing`, and which logs how it was asked. */
async function fakeRustup(dir: string, listing: string, exit = 0): Promise<{ path: string; log: string }> {
  const log = join(dir, 'rustup.log')
  const path = await script(
    join(dir, 'rustup'),
    `echo "$* | $(pwd) | auto-install=$RUSTUP_AUTO_INSTALL" >> '${log}'
printf '${listing}'
[ ${exit} -eq 0 ] || echo 'error: rustup is broken' >&2
exit ${exit}`
  )
  return { path, log }
}

/** A machine with only our stand-ins: bin/ on PATH, an empty CARGO_HOME, a RUSTUP_HOME. */
async function machine(): Promise<{ base: string; bin: string; env: NodeJS.ProcessEnv }> {
  const base = await tempDir('cs-toolchain-')
  const bin = join(base, 'bin')
  await mkdir(bin)
  await mkdir(join(base, 'rustup-home'))
  const env = {
    PATH: `${bin}:/usr/bin:/bin`,
    HOME: base,
    CARGO_HOME: join(base, 'cargo-home'),
    RUSTUP_HOME: join(base, 'rustup-home')
  }
  return { base, bin, env }
}

async function project(base: string, file: string, text: string): Promise<string> {
  const dir = join(base, 'project')
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, file), text)
  return dir
}

describe('inspectToolchain', () => {
  it('reports rustc found on PATH with its sysroot, rustup’s toolchains, and a pin that is not installed', async () => {
    const { base, bin, env } = await machine()
    const rustc = await fakeRustc(bin)
    const rustup = await fakeRustup(bin, `stable-${HOST} (active, default)\\nnightly-${HOST}\\n`)
    const dir = await project(
      base,
      'rust-toolchain.toml',
      '[toolchain]\nchannel = "1.85"\ncomponents = ["clippy"]\n'
    )

    const info = await inspectToolchain(env, dir)

    expect(info.rustc).toEqual({
      path: join(rustc.sysroot, 'bin', 'rustc'),
      version: 'rustc 1.95.0 (fake 2026-01-01)',
      host: HOST,
      sysroot: rustc.sysroot,
      program: rustc.path,
      foundBy: 'PATH'
    })
    expect(info.rustup).toEqual({
      path: rustup.path,
      defaultToolchain: `stable-${HOST}`,
      toolchains: [`stable-${HOST}`, `nightly-${HOST}`]
    })
    expect(info.project).toEqual({
      file: join(dir, 'rust-toolchain.toml'),
      source: 'toolchain-file',
      channel: '1.85',
      components: ['clippy'],
      targets: [],
      installed: false,
      hint: 'rustup toolchain install 1.85'
    })
    // rustup was asked once, from the home folder rather than the project, and told not to install.
    const calls = (await readFile(rustup.log, 'utf8')).trim().split('\n')
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatch(/^toolchain list \| (.*) \| auto-install=0$/)
    expect(calls[0]).not.toContain(dir)
  })

  it('knows an installed pin, the legacy one-line file, and a rustup override for the folder', async () => {
    const { base, bin, env } = await machine()
    await fakeRustc(bin)
    await fakeRustup(bin, `stable-${HOST} (default)\\nnightly-${HOST}\\n`)
    const dir = await project(base, 'rust-toolchain', 'nightly\n')
    expect((await inspectToolchain(env, dir)).project).toMatchObject({ channel: 'nightly', installed: true })
    expect((await inspectToolchain(env, dir)).project).not.toHaveProperty('hint')

    await writeFile(
      join(env.RUSTUP_HOME!, 'settings.toml'),
      `version = "12"\ndefault_host_triple = "${HOST}"\n\n[overrides]\n"${dir}" = "1.70-${HOST}"\n`
    )
    expect((await inspectToolchain(env, dir)).project).toMatchObject({
      source: 'rustup-override',
      file: dir,
      channel: `1.70-${HOST}`,
      installed: false
    })
  })

  it('says how rustc was found: RUSTC, then PATH, then ~/.cargo/bin', async () => {
    const { base, bin, env } = await machine()
    const elsewhere = join(base, 'elsewhere')
    await mkdir(elsewhere)
    const named = await fakeRustc(elsewhere)
    expect((await inspectToolchain({ ...env, RUSTC: named.path })).rustc).toMatchObject({
      foundBy: 'RUSTC',
      program: named.path
    })
    await mkdir(join(env.CARGO_HOME!, 'bin'), { recursive: true })
    const inCargoHome = await fakeRustc(join(env.CARGO_HOME!, 'bin'))
    expect((await inspectToolchain(env)).rustc).toMatchObject({
      foundBy: 'cargo-home',
      program: inCargoHome.path
    })
    const onPath = await fakeRustc(bin)
    expect((await inspectToolchain(env)).rustc).toMatchObject({ foundBy: 'PATH', program: onPath.path })
  })

  it('reports a path toolchain without running it', async () => {
    const { base, bin, env } = await machine()
    await fakeRustc(bin)
    await fakeRustup(bin, `stable-${HOST} (default)\\n`)
    const evil = join(base, 'evil-toolchain')
    const ran = join(base, 'ran')
    await mkdir(join(evil, 'bin'), { recursive: true })
    await script(join(evil, 'bin', 'rustc'), `touch '${ran}'`)
    const dir = await project(base, 'rust-toolchain.toml', `[toolchain]\npath = "${evil}"\n`)

    const info = await inspectToolchain(env, dir)

    expect(info.project).toMatchObject({ path: evil, installed: true })
    await expect(readFile(ran)).rejects.toMatchObject({ code: 'ENOENT' })
    const gone = await project(base, 'rust-toolchain.toml', `[toolchain]\npath = "${join(base, 'gone')}"\n`)
    expect((await inspectToolchain(env, gone)).project).toMatchObject({
      installed: false,
      hint: expect.stringContaining('has no bin/rustc') as unknown
    })
  })

  it('reports a malformed toolchain file with its line instead of failing', async () => {
    const { base, bin, env } = await machine()
    await fakeRustc(bin)
    const dir = await project(
      base,
      'rust-toolchain.toml',
      '[toolchain]\nchannel = "stable"\nprofile = "huge"\n'
    )
    const info = await inspectToolchain(env, dir)
    expect(info.rustc?.version).toContain('1.95.0')
    expect(info.project?.problem).toMatchObject({
      file: join(dir, 'rust-toolchain.toml'),
      line: 3,
      message: expect.stringContaining('unknown profile `huge`') as unknown,
      hint: expect.stringContaining('minimal') as unknown
    })
  })

  it('says when the pin does not apply: RUSTUP_TOOLCHAIN wins, or there is no rustup', async () => {
    const { base, bin, env } = await machine()
    await fakeRustc(bin)
    const dir = await project(base, 'rust-toolchain.toml', '[toolchain]\nchannel = "1.85"\n')
    const withoutRustup = await inspectToolchain(env, dir)
    expect(withoutRustup.rustup).toBeUndefined()
    expect(withoutRustup.project).toMatchObject({
      channel: '1.85',
      hint: expect.stringContaining('rustup is not installed') as unknown
    })
    expect(withoutRustup.project).not.toHaveProperty('installed')

    await fakeRustup(bin, `stable-${HOST} (default)\\n`)
    const overridden = await inspectToolchain({ ...env, RUSTUP_TOOLCHAIN: 'nightly' }, dir)
    expect(overridden.rustup?.envOverride).toBe('nightly')
    expect(overridden.project?.hint).toContain('RUSTUP_TOOLCHAIN=nightly overrides it')
  })

  it('reports a failing rustup and a missing rustc as problems, not errors', async () => {
    const { bin, env } = await machine()
    await fakeRustup(bin, '', 1)
    const info = await inspectToolchain(env)
    expect(info.rustc).toBeUndefined()
    expect(info.problem).toMatch(/^rustc was not found on PATH or in ~\/\.cargo\/bin\./)
    expect(info.rustup?.problem).toBe('`rustup toolchain list` failed: error: rustup is broken')
  })

  it('reads the real rustup’s toolchains on this machine', async () => {
    const rustup = await findRustup(process.env)
    if (!rustup) return // Machines without rustup have only the stand-ins above.
    const dir = await tempDir()
    await writeFile(join(dir, 'rust-toolchain.toml'), '[toolchain]\nchannel = "1.2.3"\n')
    const info = await inspectToolchain(process.env, dir)
    expect(info.rustup?.toolchains.length).toBeGreaterThan(0)
    expect(info.rustup?.toolchains).toContain(info.rustup?.defaultToolchain)
    expect(info.rustc?.sysroot).toMatch(/^\//)
    expect(info.project).toMatchObject({
      channel: '1.2.3',
      installed: false,
      hint: 'rustup toolchain install 1.2.3'
    })
  })
})
