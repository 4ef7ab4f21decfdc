import { access, mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import { describe, expect, it } from 'vitest'
import { runBuild } from '../../src/main/engine/compiler/build-runner'
import { runPackage } from '../../src/main/engine/run/run-package'
import { createNewPackage } from '../../src/main/engine/scaffold/new-package'
import type { NewPackageOptions } from '../../src/shared/models/new-package'
import { eventLog } from '../helpers/events'
import { tempDir } from '../helpers/temp-dir'

async function newPackage(dir: string, name: string, extra: Partial<NewPackageOptions> = {}) {
  const options: NewPackageOptions = {
    path: join(dir, name),
    name,
    kind: 'bin',
    edition: '2024',
    version: '0.1.0',
    authors: [],
    vcs: 'none',
    ...extra
  }
  await createNewPackage(options)
  return join(dir, name, 'Cargo.toml')
}

describe('new → build → run with the real rustc', () => {
  it('builds a binary package and runs it', async () => {
    const dir = await tempDir()
    const manifest = await newPackage(dir, 'hello-bin')
    const log = eventLog()
    const build = await runBuild(
      { manifestPath: manifest, profile: 'dev', selection: { lib: true, bins: 'all' } },
      { sink: log.sink }
    )
    expect(build.success, log.text()).toBe(true)
    expect(log.text()).toMatch(/Compiling hello-bin v0\.1\.0 \(.*hello-bin\)/)
    expect(log.text()).toMatch(/Finished `dev` profile \[unoptimized \+ debuginfo\] target\(s\) in/)
    const { stdout } = await execa(join(dir, 'hello-bin', 'target', 'debug', 'hello-bin'))
    expect(stdout).toBe('Hello, world!')

    const runLog = eventLog()
    const run = await runPackage(
      { manifestPath: manifest, profile: 'dev', args: [], cwd: dir, stdio: 'pipe' },
      { sink: runLog.sink }
    )
    expect(run.exit?.exitCode).toBe(0)
    expect(runLog.programOutput()).toBe('Hello, world!\n')
    expect(runLog.text()).toMatch(/Running `hello-bin\/target\/debug\/hello-bin`/)
  })

  it('builds a library package into target/debug/libNAME.rlib', async () => {
    const dir = await tempDir()
    const manifest = await newPackage(dir, 'my-lib', { kind: 'lib' })
    const log = eventLog()
    const build = await runBuild(
      { manifestPath: manifest, profile: 'dev', selection: { lib: true, bins: 'all' } },
      { sink: log.sink }
    )
    expect(build.success, log.text()).toBe(true)
    await access(join(dir, 'my-lib', 'target', 'debug', 'libmy_lib.rlib'))
  })

  it('builds a bin+lib package whose binary uses its library, in release', async () => {
    const dir = await tempDir()
    const manifest = await newPackage(dir, 'both', { kind: 'lib' })
    await writeFile(
      join(dir, 'both', 'src', 'main.rs'),
      'fn main() { println!("2 + 3 = {}", both::add(2, 3)); }\n'
    )
    const log = eventLog()
    const run = await runPackage(
      { manifestPath: manifest, profile: 'release', args: [], cwd: join(dir, 'both'), stdio: 'pipe' },
      { sink: log.sink }
    )
    expect(run.exit?.exitCode, log.text()).toBe(0)
    expect(log.programOutput()).toBe('2 + 3 = 5\n')
    expect(log.text()).toMatch(/Finished `release` profile \[optimized\] target\(s\)/)
    await access(join(dir, 'both', 'target', 'release', 'libboth.rlib'))
    const planned = log.events.find((e) => e.type === 'planned')
    expect(planned?.type === 'planned' && planned.units.map((u) => u.kind)).toEqual(['lib', 'bin'])
  })

  it('writes the same files as cargo new, with the same folder mode', async () => {
    const dir = await tempDir()
    await newPackage(dir, 'ours', { vcs: 'git' })
    await mkdir(join(dir, 'cargo-side'))
    await execa('cargo', ['new', '--vcs', 'git', 'ours'], { cwd: join(dir, 'cargo-side') })
    for (const f of ['Cargo.toml', '.gitignore', 'src/main.rs']) {
      expect(await readFile(join(dir, 'ours', f), 'utf8'), f).toBe(
        await readFile(join(dir, 'cargo-side', 'ours', f), 'utf8')
      )
    }
    await access(join(dir, 'ours', '.git', 'HEAD'))
    const mode = async (path: string) => ((await stat(path)).mode & 0o777).toString(8)
    expect(await mode(join(dir, 'ours'))).toBe(await mode(join(dir, 'cargo-side', 'ours')))
    expect(await mode(join(dir, 'ours', 'src'))).toBe(await mode(join(dir, 'cargo-side', 'ours', 'src')))
  })
})
