/**
 * `new` inside a workspace, next to `cargo new`: the package inherits the workspace's
 * `[workspace.package]` fields and lints, and the root's `members` gains it unless a pattern
 * already covers it (a nested workspace gets its own `members`). Same files, same status line.
 */
import { cp, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { requireCargoAndRegistry, runCargo, runCli } from '../../helpers/cargo-offline'
import { fileTempDir, tempDir } from '../../helpers/temp-dir'
import { writeFiles } from '../tree/fixtures'

const FIXTURE = join(import.meta.dirname, '..', '..', 'fixtures', 'workspaces', 'virtual')

let cargoHome: string

beforeAll(async () => {
  await requireCargoAndRegistry([])
  cargoHome = await fileTempDir('cs-new-home-')
})

/** Two copies of a workspace: one for cargo, one for us. */
async function pair(files?: Record<string, string>): Promise<[string, string]> {
  const dirs: [string, string] = [await tempDir(), await tempDir()]
  for (const dir of dirs) {
    if (files) await writeFiles(dir, files)
    else await cp(FIXTURE, dir, { recursive: true })
  }
  return dirs
}

async function sameNew(files: Record<string, string> | undefined, path: string, changed: readonly string[]) {
  const [theirs, ours] = await pair(files)
  const cargo = await runCargo(['new', '--vcs', 'none', path], theirs, cargoHome, false)
  expect(cargo.exitCode, cargo.stderr).toBe(0)
  const us = await runCli(['new', '--vcs', 'none', path], ours)
  expect(us.exitCode, us.stderr).toBe(0)
  for (const file of [join(path, 'Cargo.toml'), ...changed])
    expect(await readFile(join(ours, file), 'utf8'), file).toBe(await readFile(join(theirs, file), 'utf8'))
  expect(us.stderr.replaceAll(ours, 'WS')).toBe(cargo.stderr.replaceAll(theirs, 'WS'))
}

describe('new inside a workspace', () => {
  it('inherits the workspace fields and joins members', async () => {
    await sameNew(undefined, 'tools/newtool', ['Cargo.toml'])
  })

  it('leaves members alone when a glob covers the package', async () => {
    await sameNew(undefined, 'crates/newcrate', ['Cargo.toml'])
  })

  it('joins the nearest workspace, giving it a members list', async () => {
    await sameNew(undefined, 'crates/experimental/sub', ['crates/experimental/Cargo.toml', 'Cargo.toml'])
  })

  it('inherits lints', async () => {
    await sameNew(
      {
        'Cargo.toml':
          '[workspace]\nmembers = ["a"]\n\n[workspace.lints.rust]\nunsafe_code = "forbid"\n\n[workspace.package]\nlicense = "MIT"\nedition = "2021"\n',
        'a/Cargo.toml': '[package]\nname = "a"\nversion = "0.1.0"\n',
        'a/src/lib.rs': ''
      },
      'b',
      ['Cargo.toml']
    )
  })

  it('keeps a members list laid out one per line that way, where cargo would squeeze it', async () => {
    const [, ours] = await pair({
      'Cargo.toml': '[workspace]\nmembers = [\n    # tools\n    "b",\n    "a",\n]\n',
      'a/Cargo.toml': '[package]\nname = "a"\nversion = "0.1.0"\n',
      'a/src/lib.rs': '',
      'b/Cargo.toml': '[package]\nname = "b"\nversion = "0.1.0"\n',
      'b/src/lib.rs': ''
    })
    const us = await runCli(['new', '--vcs', 'none', 'c'], ours)
    expect(us.exitCode, us.stderr).toBe(0)
    expect(await readFile(join(ours, 'Cargo.toml'), 'utf8')).toBe(
      '[workspace]\nmembers = [\n    # tools\n    "b",\n    "a",\n    "c",\n]\n'
    )
  })
})
