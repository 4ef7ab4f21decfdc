/**
 * Building a workspace: the default members from a virtual root, the current member from its
 * folder (with the root's Cargo.lock and target/), `-p` building only what it names, and
 * `--workspace --exclude`. Real rustc, the CLI binary, Debian's crates offline.
 */
import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import { beforeAll, describe, expect, it } from 'vitest'
import { OFFLINE_CONFIG, requireCargoAndRegistry, runCli } from '../../helpers/cargo-offline'
import { offlineWorkspace } from '../../helpers/workspace-fixture'

let dir: string

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false
  )

/** The packages a build compiled, from its `Compiling` lines. */
function compiled(stderr: string): string[] {
  return [...stderr.matchAll(/^\s+Compiling (\S+) v/gm)].map((m) => m[1]!).sort()
}

async function build(args: readonly string[], cwd = dir) {
  const r = await runCli(['build', '--offline', '-j2', ...args], cwd)
  expect(r.exitCode, r.stderr).toBe(0)
  return r
}

beforeAll(async () => {
  await requireCargoAndRegistry(['serde', 'regex', 'either', 'anyhow', 'log', 'itoa'])
  dir = await offlineWorkspace('virtual')
})

describe('building a workspace', () => {
  it('builds the default members from the virtual root', async () => {
    const r = await build([])
    expect(compiled(r.stderr)).toEqual(
      expect.arrayContaining(['core-shapes', 'helper', 'shape-util', 'shapes-cli', 'serde', 'regex'])
    )
    // Only what was asked for is uplifted into target/debug.
    expect(await exists(join(dir, 'target', 'debug', 'libcore_shapes.rlib'))).toBe(true)
    expect(await exists(join(dir, 'target', 'debug', 'libshape_util.rlib'))).toBe(false)
    const run = await execa(join(dir, 'target', 'debug', 'shapes-cli'))
    expect(run.stdout).toBe('6')
    expect(await readFile(join(dir, 'Cargo.lock'), 'utf8')).toContain('name = "shapes-cli"')
  })

  it("builds the current member from its folder, with the root's lock and target/", async () => {
    const lock = await readFile(join(dir, 'Cargo.lock'), 'utf8')
    const member = join(dir, 'crates', 'util')
    const r = await build([], member)
    // Alone, without shapes-cli turning on its `fancy` feature: rebuilt, as cargo does; nothing else is.
    expect(compiled(r.stderr)).toEqual(['shape-util'])
    expect(compiled((await build([], member)).stderr)).toEqual([])
    expect(await exists(join(dir, 'target', 'debug', 'libshape_util.rlib'))).toBe(true)
    expect(await exists(join(member, 'target'))).toBe(false)
    expect(await exists(join(member, 'Cargo.lock'))).toBe(false)
    expect(await readFile(join(dir, 'Cargo.lock'), 'utf8')).toBe(lock)
  })

  it('builds only what -p names', async () => {
    await writeFile(join(dir, 'vendor', 'helper', 'src', 'lib.rs'), 'pub fn two() -> u8 { 2 }\n')
    const r = await build(['-p', 'helper'])
    expect(compiled(r.stderr)).toEqual(['helper'])
    expect(await exists(join(dir, 'target', 'debug', 'libhelper.rlib'))).toBe(true)
  })

  it('builds every member but the excluded ones with --workspace --exclude', async () => {
    await writeFile(join(dir, 'tools', 'cli', 'src', 'main.rs'), 'fn main() { println!("changed"); }\n')
    const r = await build(['--workspace', '--exclude', 'shapes-cli'])
    // The changed helper was rebuilt above; shape-util depends on it and is up to date too.
    expect(compiled(r.stderr)).not.toContain('shapes-cli')
    const run = await execa(join(dir, 'target', 'debug', 'shapes-cli'))
    expect(run.stdout).toBe('6')
  })

  it('runs the one binary among the default members, and a member named with -p', async () => {
    const fromRoot = await runCli(['run', '--offline'], dir)
    expect(fromRoot.exitCode, fromRoot.stderr).toBe(0)
    expect(fromRoot.stdout).toBe('changed')
    const named = await runCli(['run', '--offline', '-p', 'core-shapes'], dir)
    expect(named.exitCode).toBe(101)
    expect(named.stderr).toMatch(/package `core-shapes` has none/)
  })

  it('tests every member with --workspace, and only the named one with -p', async () => {
    const all = await runCli(['test', '--offline', '-j2', '--workspace'], dir)
    expect(all.exitCode, all.stderr).toBe(0)
    expect(
      [...all.stderr.matchAll(/Running unittests (\S+) \(target\/debug\/deps\/(\w+)-/g)].map((m) => m[2])
    ).toEqual(['core_shapes', 'helper', 'shape_util', 'shapes_cli'])
    const one = await runCli(['test', '--offline', '-j2', '-p', 'helper'], dir)
    expect(one.exitCode, one.stderr).toBe(0)
    expect(one.stderr.match(/Running unittests/g)).toHaveLength(1)
  })

  it('reads .cargo/config.toml from the folder the command runs in, as cargo does', async () => {
    const member = join(dir, 'crates', 'core')
    await mkdir(join(member, '.cargo'))
    const config = join(member, '.cargo', 'config.toml')
    await writeFile(config, `${OFFLINE_CONFIG}[build]\ntarget-dir = "member-target"\n`)
    try {
      await build([], member)
      expect(await exists(join(member, 'member-target', 'debug', 'libcore_shapes.rlib'))).toBe(true)
    } finally {
      await rm(join(member, '.cargo'), { recursive: true })
    }
  })

  it('says which spec matched nothing', async () => {
    const r = await runCli(['build', '--offline', '-p', 'nope'], dir)
    expect(r.exitCode).toBe(101)
    expect(r.stderr).toMatch(/package ID specification `nope` did not match any packages/)
  })
})
