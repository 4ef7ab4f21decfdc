/**
 * Workspace trust: the folders whose code the user agreed to run. Building, running or testing
 * a project runs its build scripts, proc-macros, 2014 build command and configured rustc
 * wrappers, so the app does none of that until the project's folder (or one above it) is
 * trusted. Opening, browsing, editing and the dependency tree need no trust: they run no
 * project code. The list lives in the user's config directory and each entry can be revoked.
 */
import { access, realpath } from 'node:fs/promises'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import type { TrustedFolder } from '@shared/models/settings'
import { EngineError } from '../engine/errors'
import { loadWorkspace } from '../engine/workspace/load-workspace'
import { collectPathPackages } from '../engine/workspace/path-packages'
import { isInside } from '../fs-paths'
import { readJsonFile, writeJsonFileAtomic } from './json-file'

const schema = z.array(z.object({ path: z.string(), trustedAt: z.number() }))

export class TrustedFolders {
  private readonly file: string
  /** Serializes writes so two quick changes cannot interleave their read-modify-write. */
  private queue: Promise<unknown> = Promise.resolve()

  constructor(configDir: string) {
    this.file = join(configDir, 'trusted-folders.json')
  }

  list(): Promise<readonly TrustedFolder[]> {
    return readJsonFile(this.file, schema, [])
  }

  /** Of `folders`, those no trusted folder covers (compared by real path). */
  async uncovered(folders: readonly string[]): Promise<string[]> {
    const list = await this.list()
    const out: string[] = []
    for (const folder of folders) {
      const real = await realpath(folder)
      if (!list.some((t) => isInside(t.path, real))) out.push(folder)
    }
    return out
  }

  /** The trusted folder that covers `folder` (itself or one above it), if any. */
  async trustedBy(folder: string): Promise<string | undefined> {
    const real = await realpath(folder)
    return (await this.list()).find((t) => isInside(t.path, real))?.path
  }

  /** Throws `untrusted`, which the UI answers by asking, unless `folder` is trusted. */
  async require(folder: string, action: string): Promise<void> {
    if ((await this.trustedBy(folder)) !== undefined) return
    throw new EngineError(
      'untrusted',
      `Crate Studio has not been allowed to run the code of ${folder}: to ${action} it, trust the folder first.`,
      {
        file: folder,
        hint: 'Building runs the project’s build scripts, proc-macros and configured tools. Trust the folder only if you trust its authors; you can revoke it later.'
      }
    )
  }

  /**
   * Throws `untrusted` naming the first of `folders` (the code a build would run: path
   * dependencies, build scripts) that no trusted folder covers.
   */
  async requireAll(folders: readonly string[]): Promise<void> {
    const [outside] = await this.uncovered(folders)
    if (outside === undefined) return
    throw new EngineError(
      'untrusted',
      `The build would run code from ${outside}, which is outside every trusted folder.`,
      {
        file: outside,
        hint: 'Open that folder in Crate Studio and trust it, or trust a folder that contains both projects.'
      }
    )
  }

  async trust(folder: string, now = Date.now()): Promise<void> {
    const path = await realpath(folder)
    await this.update((list) => [{ path, trustedAt: now }, ...list.filter((t) => t.path !== path)])
  }

  /** Revokes `folder`'s own entry and any entry that covers it, so it is untrusted afterwards. */
  async revoke(folder: string): Promise<void> {
    const path = await realpath(folder)
    await this.update((list) => list.filter((t) => !isInside(t.path, path)))
  }

  /** Removes exactly this entry (Settings' list), even when its folder no longer exists. */
  async forget(path: string): Promise<readonly TrustedFolder[]> {
    await this.update((list) => list.filter((t) => t.path !== path))
    return this.list()
  }

  private update(change: (list: readonly TrustedFolder[]) => TrustedFolder[]): Promise<void> {
    const next = this.queue.then(async () => {
      await writeJsonFileAtomic(this.file, change(await this.list()))
    })
    this.queue = next.catch(() => undefined)
    return next
  }
}

/** Files in a folder above a package that choose programs its build runs. */
const INHERITED = ['.cargo/config.toml', '.cargo/config', 'rust-toolchain.toml', 'rust-toolchain']

/**
 * Whether a package the wizard just made holds nothing but our template: no folder above it
 * (other than the user's home, whose cargo config is the user's own) has a cargo config or a
 * toolchain file, which its build would obey. Made inside someone else's checkout, it is not.
 */
export async function onlyOurTemplate(packageDir: string, home = homedir()): Promise<boolean> {
  const exists = (path: string) =>
    access(path).then(
      () => true,
      () => false
    )
  // The build reads configs above the real path, so that is the one to walk.
  const real = await realpath(packageDir)
  for (let dir = dirname(real); ; dir = dirname(dir)) {
    if (dir !== home) for (const f of INHERITED) if (await exists(join(dir, f))) return false
    if (dirname(dir) === dir) return true
  }
}

/**
 * The folders whose code building the project at `manifestPath` runs: its workspace's root and
 * members, and every path package they reach (of any dependency kind), which trusting the
 * project must cover too.
 */
export async function projectCodeFolders(manifestPath: string): Promise<string[]> {
  const ws = await loadWorkspace(manifestPath)
  const folders = [ws.root.rootDir]
  for (const member of ws.members) folders.push(...(await collectPathPackages(member)).values())
  return [...new Set(folders)]
}
