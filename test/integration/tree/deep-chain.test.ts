/**
 * A hostile project with a dependency chain thousands of packages deep: feature resolution
 * (tree, metadata, the dependency view) answers with a clear error, never an internal one.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hostTargetData } from '../../../src/main/engine/resolver/feature-resolver/target-data'
import { findRustc, rustcInfo } from '../../../src/main/engine/tools/rustc'
import { cargoTree } from '../../../src/main/engine/tree/cargo-tree'
import { resolveWorkspace } from '../../../src/main/engine/workspace/resolve-workspace'
import { fileTempDir } from '../../helpers/temp-dir'

const DEPTH = 3000

describe('a very deep dependency chain', () => {
  it('is refused with a clear error by feature resolution', { timeout: 120_000 }, async () => {
    const root = await fileTempDir('cs-deep-')
    for (let i = 0; i < DEPTH; i++) {
      const dir = join(root, `p${i}`)
      await mkdir(join(dir, 'src'), { recursive: true })
      const dep = i + 1 < DEPTH ? `[dependencies]\np${i + 1} = { path = "../p${i + 1}" }\n` : ''
      await writeFile(join(dir, 'Cargo.toml'), `[package]\nname = "p${i}"\nversion = "0.1.0"\n${dep}`)
      await writeFile(join(dir, 'src', 'lib.rs'), '')
    }
    const ws = await resolveWorkspace({
      manifestPath: join(root, 'p0', 'Cargo.toml'),
      env: { PATH: process.env.PATH },
      homeDir: homedir(),
      cacheDir: join(root, 'cache'),
      offline: true
    })
    const rustc = await rustcInfo(await findRustc(), process.env, root)
    expect(() => cargoTree(ws, hostTargetData(rustc))).toThrow(/too deep to resolve features/)
  })
})
