/**
 * A fetch killed (SIGKILL) midway, then run again, recovers: the killed run leaves nothing a
 * later run trusts, and the retry ends with the whole crate or checkout. The CLI fetches from a
 * real sparse registry on 127.0.0.1 and from a real git repository; each kill lands either the
 * instant the download shows up in the cache (so, mid-unpack or mid-clone) or after a delay,
 * the delays spread over a whole fetch.
 */
import { watch } from 'node:fs'
import { access, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { execa, type ResultPromise } from 'execa'
import { afterEach, describe, expect, it } from 'vitest'
import { CLI } from '../../helpers/cargo-offline'
import { gitRepo, manifest } from '../../helpers/git-repo'
import { processesMatching, waitFor } from '../../helpers/processes'
import { SparseRegistryServer } from '../../helpers/sparse-registry-server'
import { tempDir } from '../../helpers/temp-dir'

let server: SparseRegistryServer | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
})

// Many files, so that unpacking or checking out takes long enough to be cut in the middle.
const FILES = 600
const files: Record<string, string> = {}
for (let i = 0; i < FILES; i++) files[`src/m${i}.rs`] = `pub const N: usize = ${i};\n`

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false
  )
}

/** A package with `dependency` and `config`, and an empty cache folder for it. */
async function project(dependency: string, config = '') {
  const dir = await tempDir()
  await mkdir(join(dir, 'src'))
  await writeFile(join(dir, 'src', 'lib.rs'), '')
  await writeFile(join(dir, 'Cargo.toml'), manifest('app', '0.1.0', `\n[dependencies]\n${dependency}\n`))
  await mkdir(join(dir, '.cargo'))
  await writeFile(join(dir, '.cargo', 'config.toml'), config)
  return { dir, cache: await tempDir('cs-cache-') }
}

function fetch(dir: string, cache: string): ResultPromise<{ reject: false }> {
  return execa(CLI, ['fetch'], {
    cwd: dir,
    reject: false,
    env: { CRATE_STUDIO_CACHE_DIR: cache, NO_COLOR: '1' }
  })
}

/** Resolves once `folder` exists, or once `child` has ended. */
function whenExists(
  folder: () => Promise<string | undefined>,
  child: ResultPromise
): Promise<string | undefined> {
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      void folder().then(async (path) => {
        if (path === undefined || !(await exists(path))) return
        clearInterval(poll)
        resolve(path)
      })
    }, 1)
    void child.finally(() => {
      clearInterval(poll)
      resolve(undefined)
    })
  })
}

interface KillPlan {
  /** Where the fetch writes what it unpacks or clones (found once the fetch has made it). */
  readonly writes: (cache: string) => Promise<string | undefined>
  /** What a kill may leave that proves it landed halfway. */
  readonly halfDone: (cache: string) => Promise<boolean>
  /** Fails unless `cache` holds nothing a later run would take as whole but is not. */
  readonly nothingTrustedHalfDone: (cache: string) => Promise<void>
  /** Fails unless `cache` holds the whole result, and nothing the killed run left beside it. */
  readonly whole: (cache: string) => Promise<void>
}

/** Fetches, kills, checks and fetches again, eight times, half of them at the first write. */
async function killAndRetry(newProject: () => ReturnType<typeof project>, plan: KillPlan): Promise<void> {
  const first = await newProject()
  const t0 = performance.now()
  const undisturbed = await fetch(first.dir, first.cache)
  const span = performance.now() - t0
  expect(undisturbed.exitCode, undisturbed.stderr).toBe(0)
  await plan.whole(first.cache)

  let killedWriting = 0
  let leftHalfDone = 0
  for (let i = 0; i < 8; i++) {
    const { dir, cache } = await newProject()
    const child = fetch(dir, cache)
    if (i % 2 === 0) {
      const folder = await whenExists(() => plan.writes(cache), child)
      if (folder !== undefined) {
        const watcher = watch(folder, { recursive: true }, () => {
          if (child.exitCode === null && child.kill('SIGKILL')) killedWriting++
          watcher.close()
        })
        await child
        watcher.close()
      }
    } else {
      await new Promise((r) => setTimeout(r, (span * (i + 1)) / 8))
      child.kill('SIGKILL')
    }
    await child
    // A git the CLI started outlives the CLI's SIGKILL and ends on its own; the retry comes after
    // it, as a person's would. (Its half-written folder may still be there: the retry must cope.)
    await waitFor(async () => (await processesMatching(cache)).length === 0, 60_000)
    if (await plan.halfDone(cache)) leftHalfDone++
    await plan.nothingTrustedHalfDone(cache)

    const retry = await fetch(dir, cache)
    expect(retry.exitCode, retry.stderr).toBe(0)
    await plan.whole(cache)
  }
  // Some kills did land halfway, so the retries above had something to recover from.
  expect(killedWriting).toBeGreaterThan(0)
  expect(leftHalfDone).toBeGreaterThan(0)
}

/** The only subfolder of `parent`, joined with `rest`, once it exists. */
async function onlyChild(parent: string, ...rest: string[]): Promise<string | undefined> {
  const [name] = await readdir(parent).catch(() => [])
  return name === undefined ? undefined : join(parent, name, ...rest)
}

/** The folders in `parent` that look finished (`.cargo-ok`), each with how many files its src/ has. */
async function finished(parent: string | undefined): Promise<number[]> {
  const counts = []
  for (const name of parent === undefined ? [] : await readdir(parent).catch(() => [])) {
    if (!(await exists(join(parent ?? '', name, '.cargo-ok')))) continue
    counts.push((await readdir(join(parent ?? '', name, 'src')).catch(() => [])).length)
  }
  return counts
}

async function expectWholeSources(folder: string): Promise<void> {
  expect(await readdir(join(folder, 'src'))).toHaveLength(FILES + 1)
  expect(await readFile(join(folder, 'src', `m${FILES - 1}.rs`), 'utf8')).toBe(
    `pub const N: usize = ${FILES - 1};\n`
  )
}

describe('a fetch killed midway', () => {
  it('never trusts a half-unpacked crate, and the next fetch recovers', async () => {
    const reg = (server = await SparseRegistryServer.start())
    await reg.publish({ name: 'big', version: '1.0.0', files })
    const srcOf = (cache: string) => onlyChild(join(cache, 'registry'), 'src')
    await killAndRetry(
      () =>
        project(
          'big = { version = "1", registry = "local" }',
          `[registries.local]\nindex = "sparse+${reg.indexUrl}"\n`
        ),
      {
        writes: srcOf,
        halfDone: async (cache) =>
          (await readdir((await srcOf(cache)) ?? '').catch(() => [])).some((n) => n.startsWith('.tmp-')),
        nothingTrustedHalfDone: async (cache) => {
          for (const count of await finished(await srcOf(cache))) expect(count).toBe(FILES + 1)
        },
        whole: async (cache) => {
          const src = (await srcOf(cache)) ?? ''
          // What a killed run left is cleared away, not kept beside the real folder.
          expect(await readdir(src)).toEqual(['big-1.0.0'])
          expect(await exists(join(src, 'big-1.0.0', '.cargo-ok'))).toBe(true)
          await expectWholeSources(join(src, 'big-1.0.0'))
        }
      }
    )
  }, 180_000)

  it('never trusts a half-made git checkout, and the next fetch recovers', async () => {
    const repo = await gitRepo('big')
    await repo.commit({ 'Cargo.toml': manifest('big'), 'src/lib.rs': '', ...files })
    const checkoutsOf = (cache: string) => onlyChild(join(cache, 'git', 'checkouts'))
    await killAndRetry(() => project(`big = { git = "${repo.url}" }`), {
      writes: async (cache) => ((await exists(join(cache, 'git'))) ? join(cache, 'git') : undefined),
      // Git had begun writing the database, and no checkout was finished.
      halfDone: async (cache) =>
        (await exists(join(cache, 'git', 'db'))) && (await finished(await checkoutsOf(cache))).length === 0,
      nothingTrustedHalfDone: async (cache) => {
        for (const count of await finished(await checkoutsOf(cache))) expect(count).toBe(FILES + 1)
      },
      whole: async (cache) => {
        const checkouts = (await checkoutsOf(cache)) ?? ''
        const [rev, ...others] = await readdir(checkouts)
        expect(others.filter((n) => !n.startsWith('.'))).toEqual([])
        expect(await exists(join(checkouts, rev ?? '', '.cargo-ok'))).toBe(true)
        await expectWholeSources(join(checkouts, rev ?? ''))
      }
    })
  }, 180_000)
})
