/**
 * A git dependency's repository as a `PackageSource`, cargo's `GitSource`: the reference is
 * resolved to a commit once (the locked `precise` commit when there is one, with no network if
 * the cache has it), that commit is checked out once, and every package in the checkout is
 * served from there with `precise` set to the commit, which is what Cargo.lock records.
 */
import { realpath } from 'node:fs/promises'
import { join } from 'node:path'
import { EngineError } from '../../errors'
import type { SourceId } from '../source-id'
import { sameSource, sourceIdString } from '../source-id'
import type { PackageSource, Summary } from '../summary'
import { findPackages, type PackagesInTree } from './find-packages'
import type { GitCacheOptions } from './git-cache'
import { gitSummary, type RegistryLookup } from './git-summary'
import { checkoutCommit, fetchCommit } from './repository-cache'

/** A source ID known to be a git one. */
export type GitSourceId = Extract<SourceId, { kind: 'git' }>

export interface GitSourceOptions extends GitCacheOptions {
  /** For dependencies that name a registry other than crates.io. */
  readonly registryFor?: RegistryLookup
}

/** A package of the repository at the locked commit. */
export interface GitPackage {
  readonly summary: Summary
  /** The package's directory inside the checkout (its Cargo.toml is there). */
  readonly dir: string
}

interface Loaded {
  readonly commit: string
  readonly checkout: string
  readonly tree: PackagesInTree
}

/**
 * One git source ID's packages. Fetching and checking out happen on first use and are shared
 * by later calls; a failure is not cached, so a retry (back online, not cancelled) can succeed.
 */
export class GitSource implements PackageSource {
  readonly id: GitSourceId
  private readonly options: GitSourceOptions
  private loaded: Promise<Loaded> | undefined

  constructor(id: SourceId, options: GitSourceOptions) {
    if (id.kind !== 'git') throw new TypeError(`GitSource needs a git source ID, not ${sourceIdString(id)}`)
    this.id = id
    this.options = options
  }

  /** The commit the reference resolved to (fetching it if needed): what Cargo.lock pins. */
  async lockedCommit(): Promise<string> {
    return (await this.load()).commit
  }

  /** The source ID with `precise` set to the locked commit. */
  async lockedId(): Promise<GitSourceId> {
    return { ...this.id, precise: await this.lockedCommit() }
  }

  /** The checkout's directory (`git/checkouts/<ident>/<short commit>`). */
  async checkoutDir(): Promise<string> {
    return (await this.load()).checkout
  }

  /** Every package in the repository at the locked commit, in cargo's discovery order. */
  async packages(): Promise<readonly GitPackage[]> {
    const { commit, checkout, tree } = await this.load()
    const self: GitSourceId = { ...this.id, precise: commit }
    return tree.packages.map((p) => ({
      summary: gitSummary(p.manifest, self, this.options.registryFor),
      dir: p.relDir === '' ? checkout : join(checkout, ...p.relDir.split('/'))
    }))
  }

  async query(packageName: string): Promise<readonly Summary[]> {
    const { commit, tree } = await this.load()
    const found = tree.packages.find((p) => p.manifest.package.name === packageName)
    if (!found) return []
    const self: GitSourceId = { ...this.id, precise: commit }
    return [gitSummary(found.manifest, self, this.options.registryFor)]
  }

  /**
   * The package named `packageName`, or an error that lists the packages the repository does
   * have (and the manifests that could not be read, which may be why).
   */
  async findPackage(packageName: string): Promise<GitPackage> {
    const all = await this.packages()
    const found = all.find((p) => p.summary.name === packageName)
    if (found) return found
    const { tree, commit } = await this.load()
    const names = all.map((p) => `\`${p.summary.name}\``)
    const skipped = tree.skipped.map((s) => `${s.relDir || '.'}: ${s.reason}`)
    throw new EngineError(
      'not-found',
      `There is no package named \`${packageName}\` in ${this.id.url} at ${commit.slice(0, 7)}.`,
      {
        hint:
          (names.length > 0
            ? `The repository has: ${names.join(', ')}.`
            : 'The repository has no packages.') +
          (skipped.length > 0 ? ` Manifests that could not be read: ${skipped.join('; ')}` : '')
      }
    )
  }

  /** The package's directory in the checkout; the summary must come from this source. */
  async download(summary: Summary): Promise<string> {
    if (!sameSource(summary.source, this.id)) {
      throw new EngineError('internal', `${summary.name} is not from ${sourceIdString(this.id)}.`)
    }
    const wanted = summary.source.kind === 'git' ? summary.source.precise : undefined
    const source =
      wanted === undefined || wanted === (await this.lockedCommit())
        ? this
        : new GitSource({ ...this.id, precise: wanted }, this.options)
    const pkg = (await source.packages()).find(
      (p) => p.summary.name === summary.name && p.summary.version === summary.version
    )
    if (!pkg) {
      throw new EngineError('not-found', `${summary.name} v${summary.version} is not in ${this.id.url}.`, {
        hint: 'The repository changed since it was locked; update the dependency.'
      })
    }
    return pkg.dir
  }

  private load(): Promise<Loaded> {
    if (!this.loaded) {
      this.loaded = this.fetchAndCheckout()
      // A failure (offline, cancelled, network) is not remembered: the next call tries again.
      this.loaded.catch(() => (this.loaded = undefined))
    }
    return this.loaded
  }

  private async fetchAndCheckout(): Promise<Loaded> {
    const fetched = await fetchCommit(this.options, this.id.url, this.id.ref, this.id.precise)
    const checkout = await realpath(await checkoutCommit(this.options, fetched))
    return { commit: fetched.commit, checkout, tree: await findPackages(checkout) }
  }
}
