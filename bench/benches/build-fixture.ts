/**
 * The package the build benches build: test/fixtures/real-crates (clap, serde, regex, rand,
 * anyhow: build scripts and proc-macros) when our engine builds it, else bench/fixtures/
 * plain-crates (a dozen crates without build scripts), and a note saying which and why.
 * `BENCH_BUILD_FIXTURE=real-crates|plain-crates` skips the probe.
 */
import { rename } from 'node:fs/promises'
import { join } from 'node:path'
import { cargoBuild, engineBuild } from './build-tools'
import { copyPackage, JOBS, repoRoot, scratchDir } from './build-setup'

export interface BenchFixture {
  readonly name: 'real-crates' | 'plain-crates'
  /** Copies of the package, one built only by us, one only by cargo. */
  readonly ours: string
  readonly theirs: string
  /** Why this one, for the notes. */
  readonly note: string
}

const SOURCES = {
  'real-crates': ['test', 'fixtures', 'real-crates'],
  'plain-crates': ['bench', 'fixtures', 'plain-crates']
} as const

let chosen: Promise<BenchFixture> | undefined

/**
 * Chosen once per bench process. Probing builds real-crates once with each engine, which also
 * leaves both copies built for the benches that start from a built package.
 */
export function benchFixture(): Promise<BenchFixture> {
  chosen ??= choose()
  return chosen
}

async function choose(): Promise<BenchFixture> {
  const forced = process.env.BENCH_BUILD_FIXTURE || undefined
  if (forced !== undefined && forced !== 'real-crates' && forced !== 'plain-crates')
    throw new Error(`BENCH_BUILD_FIXTURE must be real-crates or plain-crates, not "${forced}"`)
  if (forced) return copies(forced, `${forced}, as BENCH_BUILD_FIXTURE asks`)
  const real = await copies('real-crates', 'real-crates (test/fixtures/real-crates)')
  try {
    await engineBuild(real.ours)
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e))
      .split('\n')
      .filter((l) => l.trim() !== '' && l !== 'our build failed:')
      .slice(0, 3)
      .join(' / ')
    // Out of the way, so a later probe or a person looking at the scratch folder is not misled.
    await rename(real.ours, join(await scratchDir(), 'real-crates-refused'))
    return copies(
      'plain-crates',
      `plain-crates (bench/fixtures/plain-crates), because our engine does not build real-crates yet: ${why}`
    )
  }
  await cargoBuild(real.theirs)
  return real
}

async function copies(name: BenchFixture['name'], note: string): Promise<BenchFixture> {
  const from = join(repoRoot(), ...SOURCES[name])
  return {
    name,
    ours: await copyPackage(from, `${name}-ours`),
    theirs: await copyPackage(from, `${name}-cargo`),
    note: `build benches: fixture ${note}; both at -j ${JOBS} in the same environment`
  }
}
