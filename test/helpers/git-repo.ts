/**
 * Fixture git repositories for tests: a work repository whose every commit, branch and tag is
 * pushed to a bare "upstream" next to it, served by its `file://` URL — what a git dependency
 * points at.
 *   const up = await gitRepo()
 *   const c1 = await up.commit({ 'Cargo.toml': manifest('foo'), 'src/lib.rs': '' })
 *   await up.branch('dev'); await up.tag('v1.0.0', { annotated: true })
 * Runs the real git with a fixed identity and no global or system configuration.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { execa } from 'execa'
import { tempDir } from './temp-dir'

const ENV = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Fixture',
  GIT_AUTHOR_EMAIL: 'fixture@example.com',
  GIT_COMMITTER_NAME: 'Fixture',
  GIT_COMMITTER_EMAIL: 'fixture@example.com',
  GIT_TERMINAL_PROMPT: '0'
}

/** Runs git in `cwd` for a fixture; file:// submodules are allowed here (git refuses them by default). */
export async function fixtureGit(cwd: string, args: readonly string[]): Promise<string> {
  const r = await execa('git', ['-c', 'protocol.file.allow=always', ...args], {
    cwd,
    env: ENV,
    extendEnv: true
  })
  return r.stdout.trim()
}

/** A minimal package manifest. */
export function manifest(name: string, version = '0.1.0', extra = ''): string {
  return `[package]\nname = "${name}"\nversion = "${version}"\nedition = "2021"\n${extra}`
}

export class FixtureRepo {
  private current = 'main'

  constructor(
    /** The work repository. */
    readonly work: string,
    /** The bare repository the work repository pushes to. */
    readonly bare: string
  ) {}

  /** The bare repository's `file://` URL: the `git = "…"` of a dependency. */
  get url(): string {
    return pathToFileURL(this.bare).href
  }

  /** Writes (or, for `null`, deletes) files, commits them on the current branch, pushes it; the new commit. */
  async commit(files: Readonly<Record<string, string | null>>, message = 'change'): Promise<string> {
    for (const [path, contents] of Object.entries(files)) {
      const full = join(this.work, path)
      if (contents === null) {
        await rm(full, { force: true })
      } else {
        await mkdir(dirname(full), { recursive: true })
        await writeFile(full, contents)
      }
    }
    await fixtureGit(this.work, ['add', '--all'])
    await fixtureGit(this.work, ['commit', '--quiet', '--allow-empty', '-m', message])
    await this.push(`refs/heads/${this.current}`)
    return this.head()
  }

  /** Creates `name` at the current commit and switches to it. */
  async branch(name: string): Promise<void> {
    await fixtureGit(this.work, ['switch', '--quiet', '-c', name])
    this.current = name
    await this.push(`refs/heads/${name}`)
  }

  async switch(name: string): Promise<void> {
    await fixtureGit(this.work, ['switch', '--quiet', name])
    this.current = name
  }

  /** Tags the current commit (lightweight unless `annotated`) and pushes the tag. */
  async tag(name: string, options: { readonly annotated?: boolean } = {}): Promise<void> {
    await fixtureGit(this.work, ['tag', ...(options.annotated ? ['-a', '-m', name] : []), name])
    await this.push(`refs/tags/${name}`)
  }

  /** Moves the current branch back to `commit` upstream too (a force-push). */
  async resetHard(commit: string): Promise<void> {
    await fixtureGit(this.work, ['reset', '--quiet', '--hard', commit])
    await fixtureGit(this.work, ['push', '--quiet', '--force', 'origin', `HEAD:refs/heads/${this.current}`])
  }

  /** Adds `repo` as a submodule at `path` (URL as given, e.g. relative `../other.git`) and commits. */
  async addSubmodule(path: string, url: string): Promise<string> {
    await fixtureGit(this.work, ['submodule', '--quiet', 'add', '--', url, path])
    await fixtureGit(this.work, ['commit', '--quiet', '-m', `add submodule ${path}`])
    await this.push(`refs/heads/${this.current}`)
    return this.head()
  }

  async head(): Promise<string> {
    return fixtureGit(this.work, ['rev-parse', 'HEAD'])
  }

  private async push(ref: string): Promise<void> {
    await fixtureGit(this.work, ['push', '--quiet', '--force', 'origin', `${ref}:${ref}`])
  }
}

/**
 * A new repository on branch `main` with a bare upstream `<name>.git`; `parent` lets several
 * fixtures share a folder (for relative submodule URLs).
 */
export async function gitRepo(name = 'repo', parent?: string): Promise<FixtureRepo> {
  const base = parent ?? (await tempDir('cs-git-'))
  const work = join(base, name)
  const bare = join(base, `${name}.git`)
  await mkdir(work, { recursive: true })
  await fixtureGit(base, ['init', '--quiet', '--bare', '--initial-branch=main', bare])
  await fixtureGit(work, ['init', '--quiet', '--initial-branch=main'])
  await fixtureGit(work, ['remote', 'add', 'origin', bare])
  return new FixtureRepo(work, bare)
}
