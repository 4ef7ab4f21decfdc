/**
 * rustc's answers are reused while the toolchain cannot have changed, also across processes
 * through the cache file, and asked again when anything that picks the compiler changes.
 */
import { chmod, readFile, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { tempDir } from '../../helpers/temp-dir'

/** A stand-in rustc that answers like the real one and counts how often it was asked. */
async function fakeRustc(dir: string): Promise<{ path: string; calls: () => Promise<number> }> {
  const log = join(dir, 'calls')
  const path = join(dir, 'rustc')
  await writeFile(
    path,
    `#!/bin/sh
echo "$@" >> "${log}"
case "$*" in
  -vV) printf 'rustc 1.95.0 (fake 2026-01-01)\\nbinary: rustc\\nhost: x86_64-unknown-linux-gnu\\nrelease: 1.95.0\\n' ;;
  "--print cfg") printf 'unix\\ntarget_os="linux"\\n' ;;
  "--print sysroot") printf '${dir}/no-sysroot\\n' ;;
esac
`
  )
  await chmod(path, 0o755)
  await writeFile(log, '')
  return { path, calls: async () => (await readFile(log, 'utf8')).split('\n').filter(Boolean).length }
}

describe("rustc's answers", () => {
  it('are reused until the toolchain may have changed, and survive the process in the cache file', async () => {
    const dir = await tempDir('cs-rustc-cache-')
    const project = await tempDir('cs-rustc-project-')
    const rustc = await fakeRustc(dir)
    const file = join(dir, 'cache', 'rustc-info.json')
    const env = { PATH: process.env.PATH, RUSTUP_HOME: join(dir, 'rustup') }
    const { rustcInfo } = await import('../../../src/main/engine/tools/rustc')
    const first = await rustcInfo(rustc.path, env, project, file)
    expect(first).toMatchObject({ release: '1.95.0', host: 'x86_64-unknown-linux-gnu', path: rustc.path })
    expect(await rustc.calls()).toBe(3)
    await rustcInfo(rustc.path, env, project, file)
    expect(await rustc.calls()).toBe(3)

    // A new process (fresh module state) reads the file instead of asking.
    vi.resetModules()
    const again = await import('../../../src/main/engine/tools/rustc')
    const fromFile = await again.rustcInfo(rustc.path, env, project, file)
    expect(fromFile.cfg.get('target_os')).toEqual(['linux'])
    expect(await rustc.calls()).toBe(3)

    // A rust-toolchain.toml appearing in the project changes which compiler rustup would run.
    await writeFile(join(project, 'rust-toolchain.toml'), '[toolchain]\nchannel = "stable"\n')
    await again.rustcInfo(rustc.path, env, project, file)
    expect(await rustc.calls()).toBe(6)

    // So does a new compiler binary (rustup update rewrites it).
    const later = new Date(Date.now() + 5000)
    await utimes(rustc.path, later, later)
    await again.rustcInfo(rustc.path, env, project, file)
    expect(await rustc.calls()).toBe(9)
  })
})
