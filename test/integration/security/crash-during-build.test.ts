/**
 * The process running a build dies without warning (SIGKILL, as a crash would) while a build
 * script runs. The next build starts clean: it is not blocked by the dead build's lock, trusts
 * none of its half-done work, and produces a program that runs.
 */
import { access } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import { describe, expect, it } from 'vitest'
import { CLI } from '../../helpers/cargo-offline'
import { project } from '../../helpers/project'

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false
  )

describe('a crash during a build', () => {
  it('leaves nothing that blocks or misleads the next build', async () => {
    const p = await project('crashy')
      .manifest('crashy')
      .file(
        'build.rs',
        [
          'fn main() {',
          '    let out = std::env::var("OUT_DIR").unwrap();',
          '    std::fs::write(std::path::Path::new(&out).join("../../started"), "").unwrap();',
          '    std::thread::sleep(std::time::Duration::from_millis(1500));',
          '    std::fs::write(std::path::Path::new(&out).join("gen.rs"), "pub const N: u32 = 7;").unwrap();',
          '    println!("cargo::rerun-if-changed=build.rs");',
          '}',
          ''
        ].join('\n')
      )
      .file(
        'src/main.rs',
        'include!(concat!(env!("OUT_DIR"), "/gen.rs"));\nfn main() { println!("n = {}", N); }\n'
      )
      .build()
    const first = execa(CLI, ['build'], { cwd: p.root, reject: false })
    const started = async () => {
      const { stdout } = await execa('find', [p.path('target'), '-name', 'started'], { reject: false })
      return stdout.trim() !== ''
    }
    await expect.poll(started, { timeout: 60_000, interval: 50 }).toBe(true)
    first.kill('SIGKILL')
    await first
    expect(await exists(p.path('target/debug/crashy'))).toBe(false)

    const second = await execa(CLI, ['build'], { cwd: p.root, reject: false, timeout: 120_000 })
    expect(second.exitCode, second.stderr).toBe(0)
    expect(second.stderr).not.toMatch(/Blocking/)
    const ran = await execa(join(p.root, 'target', 'debug', 'crashy'))
    expect(ran.stdout).toBe('n = 7')
  }, 180_000)
})
