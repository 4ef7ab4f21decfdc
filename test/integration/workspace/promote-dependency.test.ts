/**
 * Promoting dependencies on a real workspace changes nothing cargo builds: `cargo metadata`
 * (every package, dependency, feature and the resolve) is the same before and after, and the
 * manifests cargo reads afterwards are the ones we wrote.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { promoteDependency } from '../../../src/main/engine/manifest/edit/promote-dependency'
import { requireCargoAndRegistry, runCargo, runCli } from '../../helpers/cargo-offline'
import { offlineWorkspace } from '../../helpers/workspace-fixture'
import { fileTempDir } from '../../helpers/temp-dir'

const MEMBERS = ['crates/core', 'crates/util', 'tools/cli', 'vendor/helper']

let dir: string
let cargoHome: string

async function metadata(): Promise<string> {
  const r = await runCargo(['metadata', '--format-version', '1'], dir, cargoHome)
  expect(r.exitCode, r.stderr).toBe(0)
  return r.stdout
}

async function promote(name: string): Promise<void> {
  const read = async (rel: string) => {
    const path = join(dir, rel, 'Cargo.toml')
    return { path, text: await readFile(path, 'utf8') }
  }
  const p = promoteDependency({
    root: await read('.'),
    members: await Promise.all(MEMBERS.map(read)),
    name
  })
  for (const f of p.files) await writeFile(f.path, f.after)
}

beforeAll(async () => {
  await requireCargoAndRegistry(['serde', 'regex', 'either', 'anyhow', 'log', 'itoa'])
  cargoHome = await fileTempDir('cs-promote-home-')
  dir = await offlineWorkspace('virtual')
})

describe('promoting to [workspace.dependencies] on a real workspace', () => {
  it('leaves cargo metadata exactly as it was, for a registry and a path dependency', async () => {
    const before = await metadata()
    // itoa: a normal dependency of helper and a dev-dependency of shape-util; shape-util: a path
    // dependency of the cli.
    await promote('itoa')
    await promote('shape-util')
    const root = await readFile(join(dir, 'Cargo.toml'), 'utf8')
    expect(root).toContain('itoa = "1"\n')
    expect(root).toContain('shape-util = { path = "crates/util" }\n')
    expect(await readFile(join(dir, 'tools', 'cli', 'Cargo.toml'), 'utf8')).toContain(
      'shape-util = { workspace = true, features = ["fancy"] }\n'
    )
    expect(await metadata()).toBe(before)
    // And our reading of the new manifests is still cargo's.
    const ours = await runCli(['metadata', '--format-version', '1', '--offline'], dir)
    expect(ours.stdout).toBe(before)
  })
})
