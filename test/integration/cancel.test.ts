import { describe, expect, it } from 'vitest'
import { runBuild } from '../../src/main/engine/compiler/build-runner'
import { runPackage } from '../../src/main/engine/run/run-package'
import { eventLog } from '../helpers/events'
import { project } from '../helpers/project'
import { processesMatching, waitFor } from '../helpers/processes'

describe('cancel', () => {
  it('kills a build command and every process it started', async () => {
    const marker = `${300 + Math.floor(Math.random() * 1000)}.${process.pid}`
    const p = await project()
      .file('Cargo.toml', '[package]\nname = "slow"\nversion = "0.1.0"\nbuild = "sh slow.sh"\n')
      .file('slow.sh', `sleep ${marker} &\nsleep ${marker}\n`)
      .file('src/main.rs', 'fn main() {}\n')
      .build()
    const controller = new AbortController()
    const log = eventLog()
    const build = runBuild(
      { manifestPath: p.manifest, profile: 'dev', selection: { lib: true, bins: 'all' } },
      { sink: log.sink, signal: controller.signal }
    )
    await waitFor(async () => (await processesMatching(`sleep ${marker}`)).length === 2)
    controller.abort()
    const result = await build
    expect(result.success).toBe(false)
    expect(result.cancelled).toBe(true)
    await waitFor(async () => (await processesMatching(`sleep ${marker}`)).length === 0, 5000)
    expect(log.events.some((e) => e.type === 'unit-started' && e.unitId.endsWith('bin slow'))).toBe(false)
  })

  it('kills a running program and its children', async () => {
    const marker = `${300 + Math.floor(Math.random() * 1000)}.${process.pid + 1}`
    const main = `use std::process::Command;
fn main() {
    let _child = Command::new("sleep").arg("${marker}").spawn().unwrap();
    println!("started");
    std::thread::sleep(std::time::Duration::from_secs(600));
}
`
    const p = await project().manifest('forever').file('src/main.rs', main).build()
    const controller = new AbortController()
    const log = eventLog()
    const run = runPackage(
      { manifestPath: p.manifest, profile: 'dev', args: [], cwd: p.root, stdio: 'pipe' },
      { sink: log.sink, signal: controller.signal }
    )
    await waitFor(
      async () =>
        log.programOutput().includes('started') && (await processesMatching(`sleep ${marker}`)).length === 1
    )
    controller.abort()
    const result = await run
    expect(result.exit?.cancelled).toBe(true)
    await waitFor(async () => (await processesMatching(`sleep ${marker}`)).length === 0, 5000)
    expect((await processesMatching(`${p.root}/target/debug/forever`)).length).toBe(0)
  })

  it('kills a running rustc and leaves no binary behind', async () => {
    const name = `slow_${process.pid}_${Math.floor(Math.random() * 1e6)}`
    const main = `#![allow(long_running_const_eval)]
const fn spin(n: u64) -> u64 { let mut i = 0u64; let mut s = 0u64; while i < n { s = s.wrapping_add(i ^ (s >> 3)); i += 1; } s }
const X: u64 = spin(4_000_000_000);
fn main() { println!("{}", X); }
`
    const p = await project().manifest(name).file('src/main.rs', main).build()
    const controller = new AbortController()
    const log = eventLog()
    const build = runBuild(
      { manifestPath: p.manifest, profile: 'dev', selection: { lib: true, bins: 'all' } },
      { sink: log.sink, signal: controller.signal }
    )
    await waitFor(async () => (await processesMatching(`--crate-name ${name}`)).length > 0)
    controller.abort()
    const result = await build
    expect(result).toMatchObject({ success: false, cancelled: true })
    await waitFor(async () => (await processesMatching(`--crate-name ${name}`)).length === 0, 5000)
    const { access } = await import('node:fs/promises')
    await expect(access(p.path(`target/debug/${name}`))).rejects.toThrow()
    expect(log.events).toContainEqual(
      expect.objectContaining({ type: 'unit-finished', outcome: 'cancelled' })
    )
  })

  it('a cancelled rebuild leaves no record vouching for the old output', async () => {
    const name = `resumable_${process.pid}_${Math.floor(Math.random() * 1e6)}`
    const fast = 'fn main() { println!("fast"); }\n'
    const slow = `#![allow(long_running_const_eval)]
const fn spin(n: u64) -> u64 { let mut i = 0u64; let mut s = 0u64; while i < n { s = s.wrapping_add(i ^ (s >> 3)); i += 1; } s }
const X: u64 = spin(4_000_000_000);
fn main() { println!("{}", X); }
`
    const p = await project().manifest(name).file('src/main.rs', fast).build()
    const options = {
      manifestPath: p.manifest,
      profile: 'dev',
      selection: { lib: true, bins: 'all' }
    } as const
    expect((await runBuild(options, { sink: () => undefined })).success).toBe(true)
    const { stat, utimes, writeFile } = await import('node:fs/promises')
    const original = await stat(p.path('src/main.rs'))
    await writeFile(p.path('src/main.rs'), slow)
    const controller = new AbortController()
    const build = runBuild(options, { sink: () => undefined, signal: controller.signal })
    await waitFor(async () => (await processesMatching(`--crate-name ${name}`)).length > 0)
    controller.abort()
    expect(await build).toMatchObject({ cancelled: true })
    // Back to the source the old fingerprint described: the unit must still run, because the
    // cancelled rustc may have left its output half-written.
    await writeFile(p.path('src/main.rs'), fast)
    await utimes(p.path('src/main.rs'), original.atime, original.mtime)
    const log = eventLog()
    expect((await runBuild(options, { sink: log.sink })).success).toBe(true)
    expect(log.events.filter((e) => e.type === 'unit-started')).toHaveLength(1)
  })
})
