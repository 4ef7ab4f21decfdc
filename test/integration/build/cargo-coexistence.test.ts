/**
 * Crate Studio and cargo building the same package into the same target/ folder, in turns:
 * neither breaks the other ("multiple candidates" for a crate, a stale binary), and each one's
 * no-op stays a no-op after the other built. Real crates with build scripts and a proc-macro.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import { beforeAll, describe, expect, it } from 'vitest'
import { runBuild } from '../../../src/main/engine/compiler/build-runner'
import { offlinePackage, requireCargoAndRegistry } from '../../helpers/cargo-offline'
import { eventLog } from '../../helpers/events'
import { manifest } from '../../helpers/git-repo'
import { tempDir } from '../../helpers/temp-dir'

const MAIN = `#[derive(serde::Serialize)]
struct P { x: i32 }
fn main() { let p = P { x: 1 }; println!("pid>0:{} x:{} memchr:{:?}", unsafe { libc::getpid() } > 0, p.x, memchr::memchr(b'b', b"abc")); }
`

async function ours(app: string, root: string) {
  const log = eventLog()
  const result = await runBuild(
    {
      manifestPath: join(app, 'Cargo.toml'),
      profile: 'dev',
      selection: { lib: true, bins: 'all' },
      env: { PATH: process.env.PATH },
      homeDir: root,
      cacheDir: join(root, 'cache')
    },
    { sink: log.sink }
  )
  expect(log.events.filter((e) => e.type === 'message' && e.level === 'error')).toEqual([])
  expect(result.success).toBe(true)
  return log.events.filter((e) => e.type === 'unit-started').length
}

async function cargo(app: string, root: string): Promise<string> {
  const r = await execa('cargo', ['build', '-v', '--offline'], {
    cwd: app,
    env: { CARGO_HOME: join(root, 'cargo-home'), CARGO_TERM_COLOR: 'never' },
    reject: false
  })
  expect(r.exitCode, r.stderr).toBe(0)
  return r.stderr
}

describe('sharing target/ with cargo', () => {
  beforeAll(() => requireCargoAndRegistry(['libc', 'memchr', 'serde', 'serde_derive']))

  it('builds in turns with cargo, and each no-op stays a no-op', async () => {
    const root = await tempDir('cs-coexist-')
    const app = await offlinePackage(
      join(root, 'app'),
      manifest(
        'app',
        '0.1.0',
        '[dependencies]\nlibc = "0.2"\nmemchr = "2"\nserde = { version = "1", features = ["derive"] }\n'
      )
    )
    await writeFile(join(app, 'src', 'main.rs'), MAIN)
    const exe = join(app, 'target', 'debug', 'app')
    const expected = 'pid>0:true x:1 memchr:Some(1)'

    expect(await ours(app, root)).toBeGreaterThan(5)
    expect((await execa(exe)).stdout).toBe(expected)
    // cargo compiles everything itself (it trusts only its own fingerprints) and succeeds.
    expect(await cargo(app, root)).toMatch(/Compiling app v0\.1\.0/)
    expect((await execa(exe)).stdout).toBe(expected)
    // Our no-op after cargo's build: nothing runs.
    expect(await ours(app, root)).toBe(0)
    // cargo's no-op after ours: everything Fresh.
    const again = await cargo(app, root)
    expect(again).not.toMatch(/Compiling/)
    expect(again).toMatch(/Fresh app v0\.1\.0/)
    expect((await execa(exe)).stdout).toBe(expected)
  })
})
