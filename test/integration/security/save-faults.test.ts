/**
 * A save that cannot complete — the disk is full, or the folder is read-only — fails with a
 * clear error and keeps the original manifest byte for byte, with no temporary file left
 * behind. A small tmpfs stands in for the full disk and the read-only folder (it needs root's
 * mount rights, which the test machine and CI have; elsewhere the test says so and skips).
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmdirSync } from 'node:fs'
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI } from '../../helpers/cargo-offline'

const MOUNT = `/tmp/cs-save-faults-${process.pid}`

function tryMount(): boolean {
  try {
    mkdirSync(MOUNT, { recursive: true })
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', MOUNT], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

const mounted = tryMount()

afterAll(() => {
  if (mounted) execFileSync('umount', [MOUNT], { stdio: 'ignore' })
  rmdirSync(MOUNT)
})

const ORIGINAL = `[package]\nname = "victim"\nversion = "1.0.0"\nedition = "2021"\n\n${'# padding\n'.repeat(2000)}`

describe.skipIf(!mounted)('saving when the disk says no', () => {
  beforeAll(async () => {
    await writeFile(join(MOUNT, 'Cargo.toml'), ORIGINAL)
    await writeFile(join(MOUNT, 'main.rs'), 'fn main() {}\n')
  })

  it('on a full disk: a clear error, the original kept, no temporary file', async () => {
    // Fill what is left, so the temporary copy of the manifest cannot be written.
    await writeFile(join(MOUNT, 'filler'), Buffer.alloc(1)).catch(() => undefined)
    for (let size = 128 * 1024; size >= 512; size /= 2)
      await writeFile(join(MOUNT, `filler-${size}`), Buffer.alloc(size)).catch(() => undefined)
    const r = await execa(CLI, ['set-version', '2.0.0'], { cwd: MOUNT, reject: false })
    expect(r.exitCode).not.toBe(0)
    expect(r.stderr).toMatch(
      /^error: .*Could not save .*Cargo\.toml: the disk is full\. The file on disk was not changed\./m
    )
    expect(await readFile(join(MOUNT, 'Cargo.toml'), 'utf8')).toBe(ORIGINAL)
    expect((await readdir(MOUNT)).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('in a read-only folder: a clear error, the original kept', async () => {
    for (const f of await readdir(MOUNT)) if (f.startsWith('filler')) await rm(join(MOUNT, f))
    execFileSync('mount', ['-o', 'remount,ro', MOUNT], { stdio: 'ignore' })
    try {
      const r = await execa(CLI, ['set-version', '2.0.0'], { cwd: MOUNT, reject: false })
      expect(r.exitCode).not.toBe(0)
      expect(r.stderr).toMatch(/^error: .*Could not save .*Cargo\.toml: the folder is not writable\./m)
      expect(await readFile(join(MOUNT, 'Cargo.toml'), 'utf8')).toBe(ORIGINAL)
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', MOUNT], { stdio: 'ignore' })
    }
  })
})
