/**
 * Killing a save at any moment leaves the manifest whole: the old bytes or the new ones, never a
 * mix or an empty file. `set-version` on a large manifest is killed (SIGKILL) again and again:
 * the instant anything in the folder changes (the write has begun), and after delays spread
 * over a whole run. After each, Cargo.toml is exactly one of the two.
 */
import { watch } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import { describe, expect, it } from 'vitest'
import { CLI } from '../../helpers/cargo-offline'
import { tempDir } from '../../helpers/temp-dir'

const withVersion = (text: string, version: string) =>
  text.replace(/^version = ".*"$/m, `version = "${version}"`)

describe('a save killed midway', () => {
  it('leaves Cargo.toml either as it was or as saved, every time', async () => {
    const dir = await tempDir()
    // Large enough that writing it takes a while: there is a "midway" to kill.
    const filler = Array.from({ length: 60_000 }, (_, i) => `# line ${i} of a long comment block`).join('\n')
    let current = `[package]\nname = "victim"\nversion = "1.0.0"\nedition = "2021"\n\n${filler}\n`
    await writeFile(join(dir, 'Cargo.toml'), current)
    await writeFile(join(dir, 'main.rs'), 'fn main() {}\n')
    // How long one undisturbed save takes, to spread the kills over it.
    const t0 = performance.now()
    await execa(CLI, ['set-version', '1.0.1'], { cwd: dir })
    const span = performance.now() - t0
    current = withVersion(current, '1.0.1')
    expect(await readFile(join(dir, 'Cargo.toml'), 'utf8')).toBe(current)

    let killed = 0
    let killedWriting = 0
    for (let i = 0; i < 24; i++) {
      const version = `2.0.${i}`
      const next = withVersion(current, version)
      const child = execa(CLI, ['set-version', version], { cwd: dir, reject: false })
      if (i % 2 === 0) {
        // The first sign of the write in the folder: kill then, in the middle of saving.
        const watcher = watch(dir, () => {
          if (child.exitCode === null && child.kill('SIGKILL')) killedWriting++
        })
        await child
        watcher.close()
      } else {
        await new Promise((r) => setTimeout(r, (span * (i + 1)) / 24))
        if (child.exitCode === null && child.kill('SIGKILL')) killed++
        await child
      }
      const text = await readFile(join(dir, 'Cargo.toml'), 'utf8')
      expect([current, next]).toContain(text)
      current = text
    }
    // The delays reach past the end of a save, so some finish and, on any machine, some are cut.
    expect(killed).toBeGreaterThan(0)
    expect(killedWriting).toBeGreaterThan(0)
  }, 120_000)
})
