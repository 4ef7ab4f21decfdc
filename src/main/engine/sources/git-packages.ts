/**
 * The packages in a git repository at a branch, tag or revision, read the way `cargo add --git`
 * reads them (every Cargo.toml in the tree that declares a package). The repository is cloned
 * bare into a temporary directory through the one git wrapper; user strings are never placed
 * where git reads options (`--` before the URL, `--end-of-options` before a revision).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EngineError, isEngineError } from '../errors'
import { parseManifestText } from '../manifest/read-manifest'
import { git, type GitRun } from '../tools/git'

export interface GitReferenceSpec {
  readonly type: 'branch' | 'tag' | 'rev'
  readonly value: string
}

export interface FoundPackage {
  readonly name: string
  readonly version: string
  readonly features: Readonly<Record<string, readonly string[]>>
  /** Optional dependencies without a `dep:` use: each has a feature of its own name. */
  readonly implicitFeatures: readonly string[]
}

function revisionOf(reference: GitReferenceSpec | undefined): string {
  if (!reference) return 'HEAD'
  if (reference.value === '' || reference.value.startsWith('-'))
    throw new EngineError('invalid-input', `Invalid git ${reference.type} \`${reference.value}\`.`)
  if (reference.type === 'branch') return `refs/heads/${reference.value}`
  if (reference.type === 'tag') return `refs/tags/${reference.value}`
  return reference.value
}

export function packageOf(text: string, file: string): FoundPackage | undefined {
  try {
    const m = parseManifestText(text, file)
    const values = Object.values(m.features).flat()
    const implicitFeatures = m.dependencies
      .filter((d) => d.optional && !values.includes(`dep:${d.name}`) && !Object.hasOwn(m.features, d.name))
      .map((d) => d.name)
    return {
      name: m.package.name,
      version: m.package.version,
      features: m.features,
      implicitFeatures: [...new Set(implicitFeatures)]
    }
  } catch (e) {
    if (isEngineError(e)) return undefined
    throw e
  }
}

/** `run`: the environment git runs with (the caller's, not necessarily this process's) and cancellation. */
export async function readGitPackages(
  url: string,
  reference?: GitReferenceSpec,
  run: GitRun = {}
): Promise<FoundPackage[]> {
  const revision = revisionOf(reference)
  const dir = await mkdtemp(join(tmpdir(), 'crate-studio-git-'))
  try {
    const repo = join(dir, 'repo.git')
    try {
      await (await git(dir, run)).raw(['clone', '--bare', '--quiet', '--', url, repo])
    } catch (e) {
      throw new EngineError('io', `Could not clone ${url}: ${(e as Error).message.trim()}`, {
        hint: 'Check the URL and that git can reach it.'
      })
    }
    const g = await git(repo, run)
    let commit: string
    try {
      commit = (
        await g.raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`])
      ).trim()
    } catch {
      commit = ''
    }
    if (!/^[0-9a-f]{40,64}$/.test(commit)) {
      const what = reference ? `${reference.type} \`${reference.value}\`` : 'default branch'
      throw new EngineError('not-found', `The ${what} was not found in ${url}.`)
    }
    const files = (await g.raw(['ls-tree', '-r', '-z', '--name-only', commit]))
      .split('\0')
      .filter((f) => f === 'Cargo.toml' || f.endsWith('/Cargo.toml'))
    const found: FoundPackage[] = []
    for (const file of files) {
      const text = await g.raw(['cat-file', 'blob', `${commit}:${file}`])
      const pkg = packageOf(text, `${url}/${file}`)
      if (pkg) found.push(pkg)
    }
    if (found.length === 0) throw new EngineError('not-found', `There is no package in ${url}.`)
    return found
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
