/**
 * Differential test: real cargo and our resolver resolve the same synthetic registries (cargo
 * directory sources) and must pick the same versions and edges, including registries whose
 * pins and missing features force backtracking, and must fail on the same ones with the same
 * message.
 */
import { execa } from 'execa'
import { beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/temp-dir'
import { cargoOutcome, difference, ourOutcome, writeCase, type Case } from './differential-harness'
import { generateRegistry, type GenerateOptions } from './generate-registry'
import { benchRegistry } from './resolve-bench'

async function compare(
  c: Case
): Promise<{ diff?: string; cargoOk: boolean; ourError?: string; cargoError?: string }> {
  const dir = await tempDir('cs-resolve-diff-')
  const { rootDir, registryDir } = await writeCase(dir, c)
  const cargo = await cargoOutcome(dir, rootDir)
  const ours = await ourOutcome(rootDir, registryDir)
  const diff = difference(cargo, ours)
  return {
    ...(diff ? { diff } : {}),
    cargoOk: cargo.ok,
    ...(!ours.ok ? { ourError: ours.error } : {}),
    ...(!cargo.ok ? { cargoError: cargo.error } : {})
  }
}

async function runSeeds(
  seeds: readonly number[],
  options: GenerateOptions
): Promise<{ failures: string[]; resolved: number }> {
  const failures: string[] = []
  let resolved = 0
  for (const seed of seeds) {
    const generated = generateRegistry(seed, options)
    const result = await compare(generated)
    if (result.cargoOk) resolved++
    if (result.diff) failures.push(`seed ${seed}:\n${result.diff}`)
  }
  return { failures, resolved }
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i)

beforeAll(async () => {
  await execa('cargo', ['--version']).catch(() => {
    throw new Error('cargo is not on PATH: the differential test compares against the real cargo')
  })
})

describe('resolver matches cargo generate-lockfile', () => {
  it('on plain registries (requirements of every form, renames, build and platform deps)', async () => {
    const { failures, resolved } = await runSeeds(range(1, 25), {
      packages: 8,
      maxVersions: 4,
      maxDeps: 3,
      pinRate: 0.15,
      features: false,
      links: false
    })
    expect(failures).toEqual([])
    expect(resolved).toBeGreaterThan(5)
  })

  it('on registries with features, optional dependencies and links', async () => {
    const { failures, resolved } = await runSeeds(range(100, 30), {
      packages: 10,
      maxVersions: 5,
      maxDeps: 3,
      pinRate: 0.15,
      features: true,
      links: true
    })
    expect(failures).toEqual([])
    expect(resolved).toBeGreaterThan(5)
  })

  it('on larger registries (60 packages, up to 10 versions each)', async () => {
    const { failures, resolved } = await runSeeds(range(5000, 12), {
      packages: 60,
      maxVersions: 10,
      maxDeps: 5,
      pinRate: 0.2,
      features: true,
      links: true,
      unsatisfiableRate: 0.005
    })
    expect(failures).toEqual([])
    expect(resolved).toBeGreaterThan(3)
  })

  it('on the 500-package benchmark registry', async () => {
    const result = await compare(benchRegistry())
    expect(result.diff).toBeUndefined()
    expect(result.cargoOk).toBe(true)
  })

  it('on tightly pinned registries that need backtracking', async () => {
    const { failures, resolved } = await runSeeds(range(300, 30), {
      packages: 12,
      maxVersions: 6,
      maxDeps: 3,
      pinRate: 0.45,
      features: true,
      links: false
    })
    expect(failures).toEqual([])
    expect(resolved).toBeGreaterThan(3)
  })
})
