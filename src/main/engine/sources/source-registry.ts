/**
 * Which `PackageSource` serves a `SourceId` once cargo's source replacement is applied
 * (`[source.crates-io] replace-with = "vendored"`), following cargo's `SourceConfigMap::load`:
 * the `replace-with` chain is followed to a source without one (a `[registries]` name also
 * works), cycles and unknown names are errors, a registry may not be replaced by a git source
 * (it could not be locked with checksums), and a git source can be replaced only once it is
 * locked to a commit. Summaries keep the replaced source's identity, which is what Cargo.lock
 * records. crates.io itself is read over the sparse protocol unless
 * `registries.crates-io.protocol = "git"`, as cargo's built-in replacement does.
 *
 * Sources other than directories are written elsewhere and injected as factories. One source
 * object is made per source ID and kept for the registry's life (one operation).
 */
import type { CargoConfig } from '../config/cargo-config'
import { describeDefinition, locationOf, type Definition } from '../config/config-value'
import {
  cratesIoProtocol,
  registryIndex,
  registryNames,
  registrySourceId,
  sourceIdOfIndexUrl
} from '../config/registries-config'
import { readSourceConfigs, type SourceConfigs } from '../config/source-config'
import { locationKey, sourceIdKey, type SourceLocation } from '../config/source-location'
import { EngineError } from '../errors'
import { DirectorySource } from './directory/directory-source'
import { CRATES_IO, CRATES_IO_SPARSE, sameSource, sourceIdString, type SourceId } from './source-id'
import type { PackageSource, Summary } from './summary'
import type { SourceDescription } from '../resolver/resolve/resolve-types'

export type SourceFactory = (id: SourceId) => PackageSource

export interface SourceFactories {
  readonly path: SourceFactory
  readonly git: SourceFactory
  /** Registry indexes: `registry` (git protocol) and `sparse` IDs. */
  readonly registry: SourceFactory
  /** Directory sources; default `DirectorySource`. `id` is the replaced source's identity. */
  readonly directory?: (root: string, id: SourceId) => PackageSource
}

/** Where a replaced source is really read from. */
export interface Replacement {
  /** The `[source]` (or `[registries]`) name that serves it. */
  readonly name: string
  /** The name the replaced source is configured under (`crates-io`). */
  readonly replaces: string
  readonly location: SourceLocation
  /** cargo's own replacement of crates.io by its sparse index (not the user's configuration). */
  readonly builtin: boolean
}

/** How a source is named in resolver errors ("location searched: …"). */

const CRATES_IO_SPARSE_ID: Extract<SourceId, { kind: 'sparse' }> = {
  kind: 'sparse',
  url: CRATES_IO_SPARSE.slice('sparse+'.length)
}

function supportsChecksums(kind: SourceId['kind'] | SourceLocation['kind']): boolean {
  return kind !== 'git' && kind !== 'path'
}

/** A source serving summaries under another source's identity (cargo's `ReplacedSource`). */
class ReplacedSource implements PackageSource {
  constructor(
    readonly id: SourceId,
    private readonly inner: PackageSource
  ) {}

  private map(s: Summary): Summary {
    const own = (source: SourceId): SourceId => (sameSource(source, this.inner.id) ? this.id : source)
    return { ...s, source: own(s.source), deps: s.deps.map((d) => ({ ...d, source: own(d.source) })) }
  }

  async query(packageName: string): Promise<readonly Summary[]> {
    return (await this.inner.query(packageName)).map((s) => this.map(s))
  }

  download(summary: Summary): Promise<string> {
    return this.inner.download({ ...summary, source: this.inner.id })
  }
}

export class SourceRegistry {
  private readonly sources = new Map<string, PackageSource>()
  private configs: SourceConfigs | undefined

  constructor(
    private readonly config: CargoConfig,
    private readonly factories: SourceFactories
  ) {}

  /** The source serving `id`, made on first use. Configuration errors are `EngineError`s. */
  sourceFor(id: SourceId): PackageSource {
    const key = sourceIdString(id)
    let source = this.sources.get(key)
    if (!source) {
      source = this.create(id)
      this.sources.set(key, source)
    }
    return source
  }

  /** Where `id` is read from after replacement; undefined when it is read from itself. */
  replacementFor(id: SourceId): Replacement | undefined {
    const configs = (this.configs ??= readSourceConfigs(this.config))
    const start = configs.nameOf.get(sourceIdKey(id))
    if (start === undefined) return this.builtin(id)
    let name = start
    let definedIn: Definition | undefined
    const seen = new Set([start])
    for (;;) {
      const def = configs.byName.get(name)
      if (!def) {
        const index = registryIndex(this.config, name)
        if (index) {
          const registry = sourceIdOfIndexUrl(
            index.value,
            `The index URL for registry \`${name}\``,
            index.def
          )
          return { name, replaces: start, location: { kind: 'registry', id: registry }, builtin: false }
        }
        throw new EngineError(
          'not-found',
          `Could not find a configured source with the name \`${name}\` when attempting to lookup \`${start}\`${definedIn ? ` (configuration in \`${describeDefinition(definedIn)}\`)` : ''}.`,
          {
            ...(definedIn ? locationOf(definedIn) : {}),
            hint: `Define \`[source.${name}]\` or \`[registries.${name}]\`, or fix \`replace-with\`.`
          }
        )
      }
      if (def.replaceWith) {
        name = def.replaceWith.value
        definedIn = def.replaceWith.def
        if (seen.has(name))
          throw new EngineError(
            'invalid-input',
            `Detected a cycle of \`replace-with\` sources: the source \`${name}\` is eventually replaced with itself (configuration in \`${describeDefinition(definedIn)}\`).`,
            {
              ...locationOf(def.replaceWith.def),
              hint: 'Make the `replace-with` chain end at a source that is not replaced.'
            }
          )
        seen.add(name)
        continue
      }
      if (locationKey(def.location) === sourceIdKey(id)) return this.builtin(id)
      return { name, replaces: start, location: def.location, builtin: false }
    }
  }

  /** cargo's wording for where packages of `id` were looked for; `replaced` adds its re-vendor hint. */
  describeSource(id: SourceId): SourceDescription {
    let replacement: Replacement | undefined
    try {
      replacement = this.replacementFor(id)
    } catch {
      replacement = undefined
    }
    if (!replacement || replacement.builtin) return { text: this.describeId(id), replaced: false }
    const { location, name } = replacement
    const served =
      location.kind === 'directory'
        ? `directory source \`${location.path}\``
        : location.kind === 'local-registry'
          ? `registry \`${location.path}\``
          : location.kind === 'git'
            ? `Git repository ${location.id.url}`
            : `\`${name}\` index`
    return { text: `${served} (which is replacing ${this.displayId(id)})`, replaced: true }
  }

  private builtin(id: SourceId): Replacement | undefined {
    if (!sameSource(id, CRATES_IO) || cratesIoProtocol(this.config) !== 'sparse') return undefined
    return {
      name: 'crates-io',
      replaces: 'crates-io',
      location: { kind: 'registry', id: CRATES_IO_SPARSE_ID },
      builtin: true
    }
  }

  private create(id: SourceId): PackageSource {
    const replacement = this.replacementFor(id)
    if (!replacement) return this.direct(id)
    const { name, location, replaces: original } = replacement
    if (supportsChecksums(id.kind) && !supportsChecksums(location.kind))
      throw new EngineError(
        'invalid-input',
        `Cannot replace \`${original}\` with \`${name}\`: the source \`${original}\` supports checksums, but \`${name}\` does not.`,
        {
          hint: `A lock file compatible with \`${original}\` cannot be generated this way; replace it with a registry or a directory source.`
        }
      )
    if (id.kind === 'git' && id.precise === undefined)
      throw new EngineError(
        'invalid-input',
        `The source ${original} requires a lock file to be present first before it can be used against vendored source code.`,
        {
          hint: 'Remove the source replacement configuration, generate a lock file, and then restore the source replacement configuration.'
        }
      )
    switch (location.kind) {
      case 'directory':
        return this.factories.directory
          ? this.factories.directory(location.path, id)
          : new DirectorySource({
              root: location.path,
              id,
              registry: (n) => registrySourceId(this.config, n)
            })
      case 'local-registry':
        throw new EngineError(
          'unsupported',
          `The source \`${name}\` is a local registry (${location.path}), which is not supported yet.`,
          {
            hint:
              'Use a directory source instead (`cargo vendor` writes one) with `[source.' +
              name +
              '] directory = "…"`.'
          }
        )
      case 'registry':
        return new ReplacedSource(id, this.factories.registry(location.id))
      case 'git': {
        const precise = id.kind === 'git' ? id.precise : undefined
        return new ReplacedSource(id, this.factories.git(precise ? { ...location.id, precise } : location.id))
      }
    }
  }

  private direct(id: SourceId): PackageSource {
    switch (id.kind) {
      case 'path':
        return this.factories.path(id)
      case 'git':
        return this.factories.git(id)
      case 'registry':
      case 'sparse':
        return this.factories.registry(id)
    }
  }

  /** The name a registry goes by: `crates-io`, or a `[registries]` entry with the same index. */
  private registryName(id: SourceId): string | undefined {
    if (id.kind !== 'registry' && id.kind !== 'sparse') return undefined
    if (sameSource(id, CRATES_IO)) return 'crates-io'
    const key = sourceIdKey(id)
    for (const name of registryNames(this.config)) {
      const index = registryIndex(this.config, name)
      try {
        if (index && sourceIdKey(sourceIdOfIndexUrl(index.value)) === key) return name
      } catch {
        // A broken entry names nothing; it is reported where it is used.
      }
    }
    return undefined
  }

  /** cargo's `SourceId` display: "registry `crates-io`", a git URL, a path. */
  private displayId(id: SourceId): string {
    if (id.kind === 'path') return id.path
    if (id.kind === 'git') return sourceIdString({ ...id, precise: undefined }).slice('git+'.length)
    return `registry \`${this.registryName(id) ?? id.url}\``
  }

  /** cargo's plain description of a source that is not replaced. */
  private describeId(id: SourceId): string {
    if (id.kind === 'path') return id.path
    if (id.kind === 'git') return `Git repository ${this.displayId(id)}`
    if (sameSource(id, CRATES_IO)) return 'crates.io index'
    return `\`${this.registryName(id) ?? id.url}\` index`
  }
}
