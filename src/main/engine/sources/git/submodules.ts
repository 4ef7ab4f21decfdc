/**
 * The submodules a commit records, read the way cargo's `update_submodules` uses them: from the
 * commit's own `.gitmodules` (not the work tree) and its gitlink entries. The repository is
 * untrusted, so a submodule counts only where the commit's tree really has a gitlink at that
 * exact path, which rules out `..`, absolute paths and `.git` components; a URL that git could
 * read as an option is refused.
 */
import { EngineError } from '../../errors'
import type { GitRun } from '../../tools/git'
import { revParse, runGit } from './run-git'

export interface SubmoduleEntry {
  readonly name: string
  /** Relative to the work tree, with `/` separators. */
  readonly path: string
  /** Absolute: relative URLs are resolved against the parent's remote URL. */
  readonly url: string
  /** The commit the parent records for it. */
  readonly commit: string
}

/**
 * cargo's `absolute_submodule_url`: only `./` and `../` are relative, and they are joined to the
 * parent's URL as if it were a directory.
 */
export function absoluteSubmoduleUrl(parentUrl: string, submoduleUrl: string): string {
  if (!submoduleUrl.startsWith('./') && !submoduleUrl.startsWith('../')) return submoduleUrl
  try {
    const base = new URL(parentUrl)
    if (!base.pathname.endsWith('/')) base.pathname = `${base.pathname}/`
    return new URL(submoduleUrl, base).href
  } catch {
    return `${parentUrl.endsWith('/') ? parentUrl : `${parentUrl}/`}${submoduleUrl}`
  }
}

/** `git config -z --list` output → `submodule.<name>.<key>` values by name. */
export function parseGitmodules(list: string): Map<string, Map<string, string>> {
  const byName = new Map<string, Map<string, string>>()
  for (const record of list.split('\0')) {
    const newline = record.indexOf('\n')
    const key = newline === -1 ? record : record.slice(0, newline)
    const value = newline === -1 ? '' : record.slice(newline + 1)
    if (!key.startsWith('submodule.')) continue
    const dot = key.lastIndexOf('.')
    if (dot <= 'submodule.'.length) continue
    const name = key.slice('submodule.'.length, dot)
    const entry = byName.get(name) ?? new Map<string, string>()
    entry.set(key.slice(dot + 1).toLowerCase(), value)
    byName.set(name, entry)
  }
  return byName
}

async function gitlinkAt(
  workTree: string,
  commit: string,
  path: string,
  run: GitRun
): Promise<string | undefined> {
  let out: string
  try {
    out = await runGit(workTree, ['ls-tree', '-z', '--end-of-options', commit, '--', path], run)
  } catch (e) {
    if (e instanceof EngineError) throw e
    return undefined // a path outside the repository, or otherwise not in the tree
  }
  for (const record of out.split('\0')) {
    const m = /^160000 commit ([0-9a-f]{40,64})\t(.*)$/s.exec(record)
    if (m && m[2] === path) return m[1]
  }
  return undefined
}

/**
 * The submodules to check out for `commit` in `workTree`, skipping those whose update strategy
 * is `none` and those without a gitlink (listed in `.gitmodules` but never added).
 */
export async function readSubmodules(
  workTree: string,
  commit: string,
  parentUrl: string,
  run: GitRun = {}
): Promise<SubmoduleEntry[]> {
  if ((await revParse(workTree, `${commit}:.gitmodules`, run)) === undefined) return []
  const list = await runGit(workTree, ['config', '-z', '--blob', `${commit}:.gitmodules`, '--list'], run)
  const entries: SubmoduleEntry[] = []
  for (const [name, keys] of parseGitmodules(list)) {
    const path = keys.get('path')
    if (path === undefined || path === '' || keys.get('update') === 'none') continue
    const linked = await gitlinkAt(workTree, commit, path, run)
    if (linked === undefined) continue
    const url = keys.get('url')
    if (url === undefined || url === '' || url.startsWith('-')) {
      throw new EngineError(
        'invalid-input',
        `Submodule \`${name}\` of ${parentUrl} has no usable URL (\`${url ?? ''}\`).`,
        {
          hint: 'Fix the submodule URL in the repository’s .gitmodules.'
        }
      )
    }
    entries.push({ name, path, url: absoluteSubmoduleUrl(parentUrl, url), commit: linked })
  }
  return entries
}
