/** Target flags that name something the package lacks fail as cargo fails, and build nothing. */
import { access } from 'node:fs/promises'
import { execa } from 'execa'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../helpers/cargo-offline'
import { project } from '../../helpers/project'

describe('target flags', () => {
  it('--lib on a package without a library is cargo’s error, for build and test alike', async () => {
    const p = await project('nolib').manifest('nolib').file('src/main.rs', 'fn main() {}\n').build()
    for (const command of ['build', 'test']) {
      const ours = await runCli([command, '--lib'], p.root)
      expect(ours.exitCode).toBe(101)
      const first = ours.stderr.split('\n')[0]
      expect(first).toBe('error: no library targets found in package `nolib`')
      const cargo = await execa('cargo', [command, '--lib'], {
        cwd: p.root,
        reject: false,
        env: { CARGO_TERM_COLOR: 'never', CARGO_TARGET_DIR: `${p.root}/cargo-target` }
      })
      expect(cargo.stderr.split('\n')[0]).toBe(first)
    }
    await expect(access(p.path('target/debug/nolib'))).rejects.toThrow()
  })
})
