/**
 * A directory source's folders, indexed by the package name their folder name suggests, so a
 * query reads only the manifests that can answer it. `cargo vendor` names a folder `name` (or
 * `name-version` for extra versions, or always with `--versioned-dirs`) and Debian's
 * `/usr/share/cargo/registry` uses `name-version`; the manifest inside stays the authority, and
 * a folder whose manifest names another package is not listed for the guessed name.
 * Hidden folders are skipped, as cargo skips them.
 */
import { readdir } from 'node:fs/promises'
import { EngineError, isNotFound } from '../../errors'

/** `md-5-0.10.6` → `md-5` / `0.10.6`: a crate name has no dots, so the version starts at the first `-X.Y.Z`. */
const VERSIONED_FOLDER = /^(.+?)-(\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?)$/

export interface FolderIndex {
  /** Folder names that may hold a version of `name`, sorted. */
  candidates(name: string): readonly string[]
  readonly size: number
}

/** The package name a folder name suggests, or undefined for an unversioned (`cargo vendor`) folder. */
export function guessPackageName(folder: string): string | undefined {
  return VERSIONED_FOLDER.exec(folder)?.[1]
}

export async function indexFolders(root: string): Promise<FolderIndex> {
  let names: string[]
  try {
    const entries = await readdir(root, { withFileTypes: true })
    names = entries
      .filter((e) => !e.name.startsWith('.') && (e.isDirectory() || e.isSymbolicLink()))
      .map((e) => e.name)
      .sort()
  } catch (e) {
    throw new EngineError(
      isNotFound(e) ? 'not-found' : 'io',
      `Failed to read the root of the directory source ${root}: ${(e as Error).message}`,
      { hint: 'Check the `directory` of this source in .cargo/config.toml, or re-run `cargo vendor`.' }
    )
  }
  const byName = new Map<string, string[]>()
  const add = (key: string, folder: string): void => {
    const list = byName.get(key)
    if (list) list.push(folder)
    else byName.set(key, [folder])
  }
  for (const folder of names) {
    add(folder, folder)
    const guessed = guessPackageName(folder)
    if (guessed !== undefined) add(guessed, folder)
  }
  return { candidates: (name) => byName.get(name) ?? [], size: names.length }
}
