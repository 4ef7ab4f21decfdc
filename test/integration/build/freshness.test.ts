/**
 * Each kind of change rebuilds exactly the units it should, with cargo's reason, and a
 * no-op build runs no rustc at all. Real rustc, a workspace-free app with a path dependency.
 */
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import { describe, expect, it } from 'vitest'
import { runBuild, type BuildOptions } from '../../../src/main/engine/compiler/build-runner'
import type { EngineEvent } from '../../../src/main/engine/compiler/events'
import { eventLog } from '../../helpers/events'
import { project } from '../../helpers/project'
import { tempDir } from '../../helpers/temp-dir'

async function fixture(): Promise<string> {
  const root = await tempDir('cs-freshness-')
  await project('util')
    .manifest('util', '[features]\nloud = []\n')
    .file(
      'src/lib.rs',
      'pub fn word() -> &\'static str { if cfg!(feature = "loud") { "HI" } else { "hi" } }\n'
    )
    .build(root)
  await project('app')
    .manifest('app', '[dependencies]\nutil = { path = "../util" }\n[features]\nloud = ["util/loud"]\n')
    .file('src/main.rs', 'fn main() { println!("{} {}", util::word(), env!("CS_FRESH_NAME")); }\n')
    .build(root)
  return join(root, 'app')
}

async function build(app: string, extra: Partial<BuildOptions> = {}, env: Record<string, string> = {}) {
  const log = eventLog()
  const result = await runBuild(
    {
      manifestPath: join(app, 'Cargo.toml'),
      profile: 'dev',
      selection: { lib: true, bins: 'all' },
      env: { PATH: process.env.PATH, CS_FRESH_NAME: 'one', ...env },
      homeDir: app,
      cacheDir: join(app, '..', 'cache'),
      ...extra
    },
    { sink: log.sink }
  )
  expect(result.success).toBe(true)
  return { ran: ran(log.events), reasons: reasons(log.events), events: log.events }
}

function ran(events: readonly EngineEvent[]): string[] {
  return events.flatMap((e) => (e.type === 'unit-started' ? [e.unitId.replace(/^.*#0\.1\.0 /, '')] : []))
}

function reasons(events: readonly EngineEvent[]): string[] {
  return events.flatMap((e) => (e.type === 'unit-started' ? [e.reason ?? '(first build)'] : []))
}

/** An edit after the last build started (file times are in nanoseconds here). */
async function edit(path: string, text: string): Promise<void> {
  await writeFile(path, text)
}

describe('freshness', () => {
  it('rebuilds exactly what each change touches, and says why', async () => {
    const app = await fixture()
    expect((await build(app)).ran).toEqual(['lib util', 'bin app'])

    const noop = await build(app)
    expect(noop.ran).toEqual([])
    expect(
      noop.events
        .filter((e) => e.type === 'unit-finished')
        .map((e) => e.type === 'unit-finished' && e.outcome)
    ).toEqual(['fresh', 'fresh'])

    // A source file of the dependency: it rebuilds, and the binary relinks because of it.
    await edit(join(app, '..', 'util', 'src', 'lib.rs'), 'pub fn word() -> &\'static str { "hey" }\n')
    const dep = await build(app)
    expect(dep.ran).toEqual(['lib util', 'bin app'])
    expect(dep.reasons[0]).toMatch(/^the file `\/.*util\/src\/lib\.rs` has changed \(/)
    expect(dep.reasons[1]).toBe('the dependency util was rebuilt')

    // A variable the program reads with env!: only the binary.
    const env = await build(app, {}, { CS_FRESH_NAME: 'two' })
    expect(env.ran).toEqual(['bin app'])
    expect(env.reasons).toEqual(['the environment variable CS_FRESH_NAME changed'])

    // Features: each unit is keyed by its features, so the new combination is a first build
    // of new artifacts, and switching back reuses the old ones without compiling.
    const loud = await build(
      app,
      { features: { features: ['loud'], allFeatures: false, noDefaultFeatures: false } },
      { CS_FRESH_NAME: 'two' }
    )
    expect(loud.ran).toEqual(['lib util', 'bin app'])
    expect((await build(app, {}, { CS_FRESH_NAME: 'two' })).ran).toEqual([])

    // RUSTFLAGS reach every unit and rebuild them all.
    const flags = await build(app, {}, { CS_FRESH_NAME: 'two', RUSTFLAGS: '-C debug-assertions=off' })
    expect(flags.ran).toEqual(['lib util', 'bin app'])
    expect(flags.reasons[0]).toBe('the rustflags changed')

    // Deleting an output is noticed.
    await rm(join(app, 'target', 'debug', 'deps'), { recursive: true, force: true })
    const gone = await build(app, {}, { CS_FRESH_NAME: 'two', RUSTFLAGS: '-C debug-assertions=off' })
    expect(gone.ran).toEqual(['lib util', 'bin app'])
    expect(gone.reasons[0]).toMatch(/^the file `.*libutil-[0-9a-f]+\.rlib` is missing$/)
  })

  it('relinks a binary whose library was rebuilt by an earlier, narrower build', async () => {
    const root = await tempDir('cs-freshness-bins-')
    await project('two')
      .manifest('two')
      .file('src/lib.rs', 'pub fn word() -> &\'static str { "old" }\n')
      .file('src/bin/a.rs', 'fn main() { println!("a {}", two::word()); }\n')
      .file('src/bin/b.rs', 'fn main() { println!("b {}", two::word()); }\n')
      .build(root)
    const app = join(root, 'two')
    const only = (bins: string[]) => ({ selection: { lib: false, bins } })
    expect((await build(app)).ran).toEqual(['lib two', 'bin a', 'bin b'])
    await edit(join(app, 'src', 'lib.rs'), 'pub fn word() -> &\'static str { "new" }\n')
    // `run --bin a` rebuilds the library and a, not b.
    expect((await build(app, only(['a']))).ran).toEqual(['lib two', 'bin a'])
    // b was not part of that build, but its library changed under it: it must relink now.
    const b = await build(app, only(['b']))
    expect(b.ran).toEqual(['bin b'])
    expect(b.reasons).toEqual(['dependency info changed'])
    expect((await execa(join(app, 'target', 'debug', 'b'))).stdout).toBe('b new')
  })
})
