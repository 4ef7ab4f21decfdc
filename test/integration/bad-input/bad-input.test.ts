/**
 * Every case of the bad-input corpus (corpus.ts), through the real CLI: one clear `error:` line
 * saying what is wrong (naming the file, and the line where there is one), no stack trace, a
 * non-zero exit within a bounded time, and the project exactly as it was: nothing written.
 */
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { execa } from 'execa'
import { beforeAll, describe, expect, it } from 'vitest'
import { appHandlers } from '../../helpers/app-handlers'
import { CLI } from '../../helpers/cargo-offline'
import { fileTempDir, tempDir } from '../../helpers/temp-dir'
import { CORPUS, VALID_MANIFEST, type BadInput } from './corpus'

/** Every file and folder below `dir` with a hash of its bytes. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name)
    out[path.slice(dir.length + 1)] = entry.isFile()
      ? createHash('sha256')
          .update(await readFile(path))
          .digest('hex')
      : 'dir'
  }
  return out
}

async function projectFor(c: BadInput): Promise<string> {
  const dir = await tempDir('cs-bad-')
  const files: Record<string, string | Uint8Array | null> = {
    'Cargo.toml': VALID_MANIFEST,
    'src/main.rs': 'fn main() {}\n',
    ...c.files
  }
  for (const [rel, contents] of Object.entries(files)) {
    const path = join(dir, rel)
    if (contents === null) await rm(path, { force: true })
    else {
      await mkdir(dirname(path), { recursive: true })
      await writeFile(path, contents)
    }
  }
  return dir
}

let home: string

beforeAll(async () => {
  // An empty cargo home: the user's own configuration plays no part.
  home = await fileTempDir('cs-bad-home-')
})

describe('the bad-input corpus', () => {
  it('has at least 50 cases', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(50)
  })

  it.each(CORPUS.map((c) => [c.name, c] as const))(
    '%s: one clear error, nothing written',
    async (_name, c) => {
      const dir = await projectFor(c)
      const before = await snapshot(dir)
      const started = performance.now()
      const r = await execa(CLI, c.args ?? ['metadata', '--format-version', '1', '--offline'], {
        cwd: dir,
        reject: false,
        timeout: 60_000,
        env: { NO_COLOR: '1', CARGO_HOME: home, CRATE_STUDIO_CACHE_DIR: join(home, 'cache') }
      })
      const elapsed = performance.now() - started
      expect(r.timedOut, 'it hung').toBe(false)
      expect(elapsed).toBeLessThan(30_000)
      expect(r.exitCode, r.stderr).not.toBe(0)
      const lines = r.stderr.split('\n')
      expect(lines[0], r.stderr).toMatch(/^error: /)
      expect(lines[0]).toMatch(c.error)
      expect(r.stderr, 'a stack trace').not.toMatch(/^\s+at .+[:(]\d+:\d+\)?$/m)
      if (c.at) {
        const file = join(dir, c.at.file)
        expect(r.stderr).toContain(c.at.line === undefined ? file : `${file}:${c.at.line}`)
      }
      expect(await snapshot(dir)).toEqual(before)
    }
  )

  // The app reads a project the way `metadata` does: opening it, then its dependency tree.
  const inApp = CORPUS.filter((c) => c.args === undefined && !c.cliOnly)
  it.each(inApp.map((c) => [c.name, c] as const))('%s: the app shows the same error', async (_name, c) => {
    const dir = await projectFor(c)
    const cli = await execa(CLI, ['metadata', '--format-version', '1', '--offline'], {
      cwd: dir,
      reject: false,
      env: { NO_COLOR: '1', CARGO_HOME: home, CRATE_STUDIO_CACHE_DIR: join(home, 'cache') }
    })
    const before = await snapshot(dir)
    const { call } = appHandlers({
      configDir: await tempDir('cs-bad-config-'),
      cacheDir: join(home, 'cache')
    })
    const opened = await call('openProject', { path: dir })
    const shown = opened.ok
      ? await call('dependencyGraph', { manifestPath: join(dir, 'Cargo.toml') })
      : opened
    expect(shown.ok, 'the app accepted what the CLI refused').toBe(false)
    if (shown.ok) return
    expect(cli.stderr.split('\n')[0]).toContain(shown.error.message.split('\n')[0])
    if (c.at) {
      expect(shown.error.details?.file).toBe(join(dir, c.at.file))
      if (c.at.line !== undefined) expect(shown.error.details?.line).toBe(c.at.line)
    }
    expect(await snapshot(dir)).toEqual(before)
  })
})
