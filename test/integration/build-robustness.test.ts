/** Builds that used to go wrong: parallel uplifts, renamed libraries, thrown steps, locks, hostile manifests. */
import { execFile } from 'node:child_process'
import { symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { execa } from 'execa'
import { describe, expect, it } from 'vitest'
import { runBuild } from '../../src/main/engine/compiler/build-runner'
import { loadPackage } from '../../src/main/engine/manifest/read-manifest'
import { eventLog } from '../helpers/events'
import { project } from '../helpers/project'
import { tempDir } from '../helpers/temp-dir'

const ALL = { lib: true, bins: 'all' } as const

describe('build robustness', () => {
  it('uplifts many binaries finishing at once, each to its own file', async () => {
    const b = project().manifest('many')
    for (let i = 1; i <= 16; i++) b.file(`src/bin/b${i}.rs`, `fn main() { println!("b${i}"); }\n`)
    const p = await b.build()
    const log = eventLog()
    const build = await runBuild(
      { manifestPath: p.manifest, profile: 'dev', jobs: 16, selection: ALL },
      { sink: log.sink }
    )
    expect(build.success, log.text()).toBe(true)
    for (let i = 1; i <= 16; i++) {
      expect((await execa(p.path(`target/debug/b${i}`))).stdout).toBe(`b${i}`)
    }
  })

  it('passes a dependency under its library name, not its manifest key', async () => {
    const root = await tempDir()
    await project('hammer')
      .manifest('hammer', '[lib]\nname = "hammer_core"\n')
      .file('src/lib.rs', 'pub fn hit() -> u8 { 7 }\n')
      .build(root)
    await project('app')
      .manifest('app', '[dependencies]\nhammer = { path = "../hammer" }\n')
      .file('src/main.rs', 'fn main() { println!("{}", hammer_core::hit()); }\n')
      .build(root)
    const log = eventLog()
    const build = await runBuild(
      { manifestPath: join(root, 'app', 'Cargo.toml'), profile: 'dev', selection: ALL },
      { sink: log.sink }
    )
    expect(build.success, log.text()).toBe(true)
    expect((await execa(join(root, 'app', 'target', 'debug', 'app'))).stdout).toBe('7')
  })

  it('reports a step that throws as a failed unit with its reason', async () => {
    const p = await project()
      .file('Cargo.toml', '[package]\nname = "e1"\nversion = "0.1.0"\nbuild = ""\n')
      .file('src/main.rs', 'fn main() {}\n')
      .build()
    const log = eventLog()
    const build = await runBuild(
      { manifestPath: p.manifest, profile: 'dev', selection: ALL },
      { sink: log.sink }
    )
    expect(build.success).toBe(false)
    expect(log.events).toContainEqual(
      expect.objectContaining({
        type: 'message',
        level: 'error',
        text: expect.stringContaining('`package.build` is an empty command') as string
      })
    )
    expect(log.events).toContainEqual(expect.objectContaining({ type: 'unit-finished', outcome: 'failed' }))
    expect(log.events).toContainEqual(expect.objectContaining({ type: 'unit-finished', outcome: 'skipped' }))
  })

  it('serializes two builds of the same directory, the second saying it waits', async () => {
    const p = await project().manifest('twice').file('src/main.rs', 'fn main() {}\n').build()
    const first = eventLog()
    const second = eventLog()
    const [a, b] = await Promise.all([
      runBuild({ manifestPath: p.manifest, profile: 'dev', selection: ALL }, { sink: first.sink }),
      runBuild({ manifestPath: p.manifest, profile: 'dev', selection: ALL }, { sink: second.sink })
    ])
    expect([a.success, b.success]).toEqual([true, true])
    const waited = [first, second].filter((l) =>
      l.text().includes('Blocking waiting for file lock on build directory')
    )
    expect(waited).toHaveLength(1)
  })

  it('takes over a lock left by a process that no longer exists', async () => {
    const p = await project().manifest('stale').file('src/main.rs', 'fn main() {}\n').build()
    const { mkdir } = await import('node:fs/promises')
    await mkdir(p.path('target/debug'), { recursive: true })
    const dead = await promisify(execFile)('sh', ['-c', 'echo $$'])
    await writeFile(p.path('target/debug/.crate-studio-lock'), dead.stdout.trim())
    const log = eventLog()
    const build = await runBuild(
      { manifestPath: p.manifest, profile: 'dev', selection: ALL },
      { sink: log.sink }
    )
    expect(build.success, log.text()).toBe(true)
    expect(log.text()).not.toContain('Blocking')
  })

  it.each([
    ['/dev/zero', /is not a regular file/],
    ['/dev/null', /is not a regular file/]
  ])('refuses a manifest that is really %s, promptly', async (device, message) => {
    const dir = await tempDir()
    await symlink(device, join(dir, 'Cargo.toml'))
    await expect(loadPackage(join(dir, 'Cargo.toml'))).rejects.toThrow(message)
  })

  it('refuses a manifest that is a FIFO without waiting for a writer', async () => {
    const dir = await tempDir()
    await execa('mkfifo', [join(dir, 'Cargo.toml')])
    await expect(loadPackage(join(dir, 'Cargo.toml'))).rejects.toThrow(/is not a regular file/)
  })
})
