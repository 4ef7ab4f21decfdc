/**
 * Resolving a generated 500-package registry served as a directory source: our whole path
 * (config, directory source, resolver, Cargo.lock written) against `cargo generate-lockfile
 * --offline` on the same files. Both start from no lock each run.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { resolveWorkspace } from '../../src/main/engine/workspace/resolve-workspace'
import { manifestOf, writeDirectoryRegistry } from '../../test/integration/resolver/directory-registry'
import { benchRegistry } from '../../test/integration/resolver/resolve-bench'
import type { Bench } from '../bench'

let dir: string | undefined

async function setUp(): Promise<{ app: string; cargoHome: string }> {
  if (dir) return { app: join(dir, 'app'), cargoHome: join(dir, 'cargo-home') }
  dir = await mkdtemp(join(tmpdir(), 'cs-bench-resolve-'))
  const generated = benchRegistry()
  await writeDirectoryRegistry(join(dir, 'registry'), generated.registry)
  const app = join(dir, 'app')
  await mkdir(join(app, 'src'), { recursive: true })
  await mkdir(join(app, '.cargo'), { recursive: true })
  await writeFile(join(app, 'src', 'lib.rs'), '')
  await writeFile(join(app, 'Cargo.toml'), manifestOf(generated.root))
  await writeFile(
    join(app, '.cargo', 'config.toml'),
    `[source.crates-io]\nreplace-with = "bench"\n[source.bench]\ndirectory = "${join(dir, 'registry')}"\n`
  )
  return { app, cargoHome: join(dir, 'cargo-home') }
}

export const resolveRegistry: Bench = {
  name: 'resolve (500-package registry)',
  what: 'config → directory source → resolve → Cargo.lock, from no lock',
  runs: 10,
  maxRatio: 1,
  async prepare() {
    const { app } = await setUp()
    return async () => {
      await rm(join(app, 'Cargo.lock'), { force: true })
      await resolveWorkspace({
        manifestPath: join(app, 'Cargo.toml'),
        env: { PATH: process.env.PATH },
        homeDir: homedir(),
        cacheDir: join(dir!, 'cache'),
        offline: true,
        ignoreLock: true,
        readPackages: false
      })
    }
  },
  baseline: {
    name: 'cargo generate-lockfile --offline',
    async prepare() {
      const { app, cargoHome } = await setUp()
      return async () => {
        await rm(join(app, 'Cargo.lock'), { force: true })
        await execa('cargo', ['generate-lockfile', '--offline', '--quiet'], {
          cwd: app,
          env: { CARGO_HOME: cargoHome }
        })
      }
    }
  },
  async dispose() {
    if (dir) await rm(dir, { recursive: true, force: true })
    dir = undefined
  }
}
