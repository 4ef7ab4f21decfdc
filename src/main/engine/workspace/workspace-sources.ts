/**
 * The sources one resolution reads from, built from cargo's configuration: path packages,
 * git repositories (cached as cargo caches them), sparse registries, and whatever `[source]`
 * replacement says (directory sources such as Debian's registry or `cargo vendor` output).
 */
import { join } from 'node:path'
import type { CargoConfig } from '../config/cargo-config'
import type { ImmutableManifests } from '../manifest/immutable-manifests'
import type { Package } from '../manifest/model'
import { DirectorySource } from '../sources/directory/directory-source'
import { registrySourceId } from '../config/registries-config'
import { EngineError } from '../errors'
import { GitSource } from '../sources/git/git-source'
import { PathSource } from '../sources/path-source'
import { sourceIdString, type SourceId } from '../sources/source-id'
import { SourceRegistry } from '../sources/source-registry'
import { registryCacheFolderName } from '../sources/sparse/cache-folder'
import { SparseRegistrySource } from '../sources/sparse/sparse-source'
import type { GitProgress } from '../sources/git/git-cache'

export interface WorkspaceSourceOptions {
  /** Where git databases/checkouts and registry caches live. */
  readonly cacheDir: string
  readonly offline: boolean
  readonly signal?: AbortSignal
  /** The environment git dependencies are fetched with (PATH, SSH_AUTH_SOCK, proxies). */
  readonly env?: NodeJS.ProcessEnv
  readonly onGitProgress?: (event: GitProgress) => void
  /** Reads path packages; one resolution shares it so each is read once. */
  readonly loadPackage?: (manifestPath: string) => Promise<Package>
  /** Parsed manifests of directory-source packages, kept between resolutions. */
  readonly manifests?: ImmutableManifests
}

export function createSourceRegistry(config: CargoConfig, options: WorkspaceSourceOptions): SourceRegistry {
  const registry = (name: string | undefined): SourceId => registrySourceId(config, name)
  const registryFor = (name: string): SourceId | undefined => registry(name)
  const paths = new Map<string, PathSource>()
  return new SourceRegistry(config, {
    path: (id) => {
      if (id.kind !== 'path') throw new EngineError('internal', `${sourceIdString(id)} is not a path source.`)
      let source = paths.get(id.path)
      if (!source) paths.set(id.path, (source = new PathSource(id.path, { registry }, options.loadPackage)))
      return source
    },
    git: (id) =>
      new GitSource(id, {
        cacheDir: options.cacheDir,
        offline: options.offline,
        registryFor,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.env ? { env: options.env } : {}),
        ...(options.onGitProgress ? { onProgress: options.onGitProgress } : {})
      }),
    registry: (id) => {
      if (id.kind !== 'sparse') {
        throw new EngineError(
          'invalid-input',
          `The git-protocol registry index ${id.kind === 'registry' ? id.url : ''} is not supported.`,
          { hint: 'Use the sparse protocol (`sparse+https://…`) or a directory source (`cargo vendor`).' }
        )
      }
      return new SparseRegistrySource({
        url: id.url,
        id,
        cacheDir: join(options.cacheDir, 'registry', registryCacheFolderName(id.url)),
        offline: options.offline,
        ...(options.signal ? { signal: options.signal } : {})
      })
    },
    directory: (root, id) =>
      new DirectorySource({
        root,
        id,
        registry,
        ...(options.manifests ? { manifests: options.manifests } : {})
      })
  })
}
