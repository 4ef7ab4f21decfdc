/**
 * Hand-made scenarios, each resolved by real cargo and by our resolver from the same files:
 * the classic backtracking shapes, `links`, missing features, `[patch]`, workspaces, cycles,
 * Rust-version-aware resolution (resolver 3), and an existing Cargo.lock kept, partly
 * unlocked (`update -p`) and poisoned by an edited requirement.
 */
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import { describe, expect, it } from 'vitest'
import type { ResolveInput } from '../../../src/main/engine/resolver/resolve/resolve-types'
import { tempDir } from '../../helpers/temp-dir'
import { lockGraph, parseCargoLock } from './cargo-lock'
import { cargoOutcome, difference, ourOutcome, writeCase, type Case } from './differential-harness'
import { writeDirectoryRegistry, writePackage, type PackageSpec } from './directory-registry'
import { lockedPackages } from './lock-input'

const p = (name: string, version: string, rest: Partial<PackageSpec> = {}): PackageSpec => ({
  name,
  version,
  ...rest
})
const root = (rest: Partial<PackageSpec>): PackageSpec => ({ name: 'root', version: '0.1.0', ...rest })

async function same(c: Case, extra: Partial<ResolveInput> = {}) {
  const dir = await tempDir('cs-resolve-scenario-')
  const { rootDir, registryDir } = await writeCase(dir, c)
  const cargo = await cargoOutcome(dir, rootDir)
  const ours = await ourOutcome(rootDir, registryDir, extra, c)
  expect(difference(cargo, ours)).toBeUndefined()
  return { cargo, ours, dir, rootDir, registryDir }
}

describe('resolver scenarios against cargo', () => {
  it('backtracks off a newest version whose pin conflicts', async () => {
    const { ours } = await same({
      registry: [
        p('a', '1.0.0', { deps: [{ name: 'c', req: '^1' }] }),
        p('a', '1.1.0', { deps: [{ name: 'c', req: '=1.0.0' }] }),
        p('b', '1.0.0', { deps: [{ name: 'c', req: '^1.1' }] }),
        p('c', '1.0.0'),
        p('c', '1.1.0')
      ],
      root: root({
        deps: [
          { name: 'a', req: '1' },
          { name: 'b', req: '1' }
        ]
      })
    })
    expect(ours.ok && [...ours.graph.keys()].sort()).toEqual(['a@1.0.0', 'b@1.0.0', 'c@1.1.0', 'root@0.1.0'])
  })

  it('backtracks around a `links` clash and a missing feature', async () => {
    await same({
      registry: [
        p('sys', '0.1.0', { links: 'z' }),
        p('sys', '0.2.0', { links: 'z' }),
        p('x', '1.0.0', { deps: [{ name: 'sys', req: '0.1' }] }),
        p('x', '1.1.0', { deps: [{ name: 'sys', req: '0.2' }] }),
        p('y', '1.0.0', { deps: [{ name: 'sys', req: '0.1' }] }),
        p('f', '1.1.0', { features: { new: [] } }),
        p('f', '1.2.0', { features: { other: [] } })
      ],
      root: root({
        deps: [
          { name: 'x', req: '1' },
          { name: 'y', req: '1' },
          { name: 'f', req: '1', features: ['new'] }
        ]
      })
    })
  })

  it('activates optional dependencies through features, weak ones included', async () => {
    await same({
      registry: [
        p('o', '1.0.0', { features: { std: [] } }),
        p('w', '1.0.0', { features: { std: [] } }),
        p('never', '1.0.0'),
        p('lib', '1.0.0', {
          deps: [
            { name: 'o', req: '1', optional: true },
            { name: 'w', req: '1', optional: true },
            { name: 'never', req: '1', optional: true }
          ],
          features: { default: ['o'], std: ['w?/std'] }
        })
      ],
      root: root({ deps: [{ name: 'lib', req: '1', features: ['std'] }] })
    })
  })

  it('uses a `[patch]` that matches, and reports one that does not', async () => {
    const { ours } = await same({
      registry: [p('c', '1.0.0'), p('c', '1.3.0'), p('d', '1.0.0')],
      root: root({
        deps: [
          { name: 'c', req: '1' },
          { name: 'd', req: '1' }
        ]
      }),
      rootExtra: '\n[patch.crates-io]\nc = { path = "../c-patch" }\nd = { path = "../d-patch" }\n',
      siblings: { 'c-patch': p('c', '1.0.5'), 'd-patch': p('d', '2.0.0') },
      patches: ['c-patch', 'd-patch']
    })
    expect(ours.ok && ours.resolve?.unusedPatches.map((id) => `${id.name}@${id.version}`)).toEqual([
      'd@2.0.0'
    ])
    expect(ours.ok && ours.resolve?.warnings[0]).toMatch(
      /^patch `d v2\.0\.0 \(.*d-patch\)` was not used in the crate graph\nhelp: /
    )
  })

  it('resolves a workspace whose members point at each other through dev-dependencies', async () => {
    await same({
      registry: [p('r', '1.0.0'), p('r', '1.1.0')],
      root: root({
        deps: [
          { name: 'm', req: '*', path: 'm' },
          { name: 'r', req: '=1.0.0', kind: 'build' }
        ]
      }),
      rootExtra: '\n[workspace]\nmembers = ["m"]\n',
      siblings: {
        'root/m': p('m', '0.2.0', {
          deps: [
            { name: 'root', req: '*', path: '..', kind: 'dev' },
            { name: 'r', req: '1' }
          ]
        })
      },
      members: ['root/m']
    })
  })

  it('fails as cargo does on a cycle of normal dependencies', async () => {
    const { ours } = await same({
      registry: [
        p('c1', '1.0.0', { deps: [{ name: 'c2', req: '1' }] }),
        p('c2', '1.0.0', { deps: [{ name: 'c1', req: '1' }] })
      ],
      root: root({ deps: [{ name: 'c1', req: '1' }] })
    })
    expect(!ours.ok && ours.error).toContain(
      'cyclic package dependency: package `c1 v1.0.0` depends on itself. Cycle:'
    )
  })

  it('prefers Rust-version compatible versions with resolver 3, not with resolver 2', async () => {
    const rustc = (await execa('rustc', ['-V'])).stdout.split(' ')[1]!
    const registry = [
      p('c', '1.0.0', { rustVersion: '1.60' }),
      p('c', '1.1.0', { rustVersion: '1.999' }),
      p('d', '1.0.0', { rustVersion: '1.999' })
    ]
    const deps = [
      { name: 'c', req: '1' },
      { name: 'd', req: '1' }
    ]
    const three = await same(
      { registry, root: root({ deps, edition: '2024' }) },
      { resolverVersion: '3', rustcVersion: rustc }
    )
    expect(three.ours.ok && three.ours.graph.has('c@1.0.0')).toBe(true)
    const two = await same({ registry, root: root({ deps }) }, { resolverVersion: '2', rustcVersion: rustc })
    expect(two.ours.ok && two.ours.graph.has('c@1.1.0')).toBe(true)
    await same(
      { registry, root: root({ deps, rustVersion: '1.65' }), rootExtra: '' },
      { rustcVersion: rustc, incompatibleRustVersions: 'allow' }
    )
  })
})

describe('an existing Cargo.lock, as cargo treats it', () => {
  const v1 = [
    p('a', '1.0.0', { deps: [{ name: 'shared', req: '1' }] }),
    p('b', '1.0.0', { deps: [{ name: 'shared', req: '1' }] }),
    p('shared', '1.0.0'),
    p('c', '1.0.0')
  ]
  const newer = [
    p('a', '1.1.0', { deps: [{ name: 'shared', req: '1.1' }] }),
    p('b', '1.1.0'),
    p('shared', '1.1.0'),
    p('shared', '1.2.0'),
    p('c', '1.5.0')
  ]
  const rootSpec = root({
    deps: [
      { name: 'a', req: '1' },
      { name: 'b', req: '1' },
      { name: 'c', req: '1' }
    ]
  })

  async function lockedThen(
    cargoArgs: readonly string[],
    edit: PackageSpec | undefined,
    unlock: ((name: string) => boolean) | undefined
  ) {
    const dir = await tempDir('cs-resolve-lock-')
    const { rootDir, registryDir } = await writeCase(dir, { registry: v1, root: rootSpec })
    const first = await cargoOutcome(dir, rootDir)
    expect(first.ok).toBe(true)
    const lockText = await readFile(join(rootDir, 'Cargo.lock'), 'utf8')
    await rm(registryDir, { recursive: true })
    await writeDirectoryRegistry(registryDir, [...v1, ...newer])
    if (edit) await writePackage(rootDir, edit)
    const run = await execa('cargo', [...cargoArgs, '--offline'], {
      cwd: rootDir,
      reject: false,
      env: { CARGO_HOME: join(dir, 'cargo-home'), CARGO_TERM_COLOR: 'never' }
    })
    expect(run.exitCode, run.stderr).toBe(0)
    const cargoGraph = lockGraph(parseCargoLock(await readFile(join(rootDir, 'Cargo.lock'), 'utf8')))
    const locked = lockedPackages(lockText, () => rootDir)
    const ours = await ourOutcome(rootDir, registryDir, {
      locked,
      ...(unlock ? { unlock: (id) => unlock(id.name) } : {})
    })
    expect(difference({ ok: true, graph: cargoGraph }, ours)).toBeUndefined()
    return cargoGraph
  }

  it('keeps every locked version when newer ones appear', async () => {
    const graph = await lockedThen(['metadata', '--format-version', '1'], undefined, undefined)
    expect([...graph.keys()].sort()).toEqual(['a@1.0.0', 'b@1.0.0', 'c@1.0.0', 'root@0.1.0', 'shared@1.0.0'])
  })

  it('moves only the named package and what it needs on `update -p`', async () => {
    const graph = await lockedThen(['update', '-p', 'a'], undefined, (name) => name === 'a')
    expect(graph.has('a@1.1.0')).toBe(true)
    expect(graph.has('c@1.0.0')).toBe(true)
  })

  it('re-resolves a dependency whose requirement was edited, conservatively for the rest', async () => {
    const edited = root({
      deps: [
        { name: 'a', req: '1' },
        { name: 'b', req: '1' },
        { name: 'c', req: '1.2' }
      ]
    })
    const graph = await lockedThen(['metadata', '--format-version', '1'], edited, undefined)
    expect(graph.has('c@1.5.0')).toBe(true)
  })
})
