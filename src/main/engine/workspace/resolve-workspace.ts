/**
 * From a Cargo.toml to a `ResolvedWorkspace`, as cargo does before `metadata`, `tree` or a
 * build: read the configuration, pin what Cargo.lock pins, resolve, write Cargo.lock when it
 * changed (never under `--locked`), then read every package of the resolve from its source.
 */
import { dirname, join } from 'node:path'
import type { CargoConfig } from '../config/cargo-config'
import { loadCargoConfig } from '../config/load-cargo-config'
import { netOffline, targetDir as configuredTargetDir } from '../config/net-build-config'
import { registrySourceId } from '../config/registries-config'
import { EngineError } from '../errors'
import { parseLockfile, type ParsedLockfile } from '../lockfile/parse-lockfile'
import { checkConfig } from '../config/check-config'
import { readLockText } from '../lockfile/read-lock-bytes'
import { inspectionRustc } from '../tools/rustc'
import { pinnedRelease } from '../tools/toolchain-file'
import { LockChangedError, writeLockfile, type LockedFlag } from '../lockfile/write-lockfile'
import type { Package } from '../manifest/model'
import { resolve } from '../resolver/resolve/resolve'
import {
  packageIdKey,
  type LockedPackage,
  type PackageId,
  type Resolve,
  type ResolveProgress
} from '../resolver/resolve/resolve-types'
import { summaryOfManifest } from '../sources/manifest-summary'
import type { SourceId } from '../sources/source-id'
import type { GitProgress } from '../sources/git/git-cache'
import { collectPathPackages } from './path-packages'
import { loadWorkspace, type Workspace } from './load-workspace'
import { packageLoader } from './package-loader'
import { immutableManifests, storeFileIn } from '../manifest/immutable-manifests'
import type { ResolvedPackageFiles, ResolvedWorkspace } from './resolved-workspace'
import { createSourceRegistry } from './workspace-sources'
import { patchSummaries } from './patch-summaries'
import { replaceSettings, replaceWarnings } from './replace-summaries'
import { checkPrecise, withPrecise, type PreciseUpdate } from './precise-update'

export interface ResolveWorkspaceOptions {
  readonly manifestPath: string
  /** Where `.cargo/config.toml` files are looked for from: the command's folder (default: the manifest's). */
  readonly cwd?: string
  readonly env: Readonly<Record<string, string | undefined>>
  readonly homeDir: string
  /** Git databases and registry caches. */
  readonly cacheDir: string
  readonly offline?: boolean
  /** `--locked` or `--frozen` (which also means offline). */
  readonly locked?: LockedFlag
  /** `update`: everything (`true`) or these package names move off their locked versions. */
  readonly update?: true | readonly string[]
  /** `update -p NAME --precise VERSION` (a commit for a git package); needs a Cargo.lock. */
  readonly precise?: PreciseUpdate
  /** Resolve without reading a lock (`generate-lockfile`). */
  readonly ignoreLock?: boolean
  /**
   * Read every package's files after resolving (default). `generate-lockfile` and `update`
   * need only the lock, as cargo's do, and skip it; `packages` then holds the members only.
   */
  readonly readPackages?: boolean
  readonly rustcVersion?: string
  readonly signal?: AbortSignal
  readonly onProgress?: (progress: ResolveProgress) => void
  readonly onGitProgress?: (event: GitProgress) => void
  /**
   * A command's own checks of its arguments against the root package and the configuration
   * (features, profile, targets), run before resolving: a mistake there writes no Cargo.lock.
   */
  readonly beforeResolve?: (ws: Workspace, config: CargoConfig) => void | Promise<void>
}

export interface WorkspaceResolution extends ResolvedWorkspace {
  /** Whether Cargo.lock was (re)written. */
  readonly lockWritten: boolean
  /** What Cargo.lock pinned before (undefined: there was none, or it was ignored). */
  readonly previousLock: readonly LockedPackage[] | undefined
  /** The cargo configuration the resolution read: builds take rustflags, jobs and `[env]` from it. */
  readonly config: CargoConfig
  /** cargo's warnings from resolution and configuration, without `warning: `. */
  readonly warnings: readonly string[]
}

/** The resolve's key of a member package (members are path packages, found by folder). */
function memberKey(roots: readonly string[], result: Resolve, pkg: Package): string {
  const key = roots.find((k) => {
    const { id } = result.packages.get(k)!
    return id.source.kind === 'path' && id.source.path === pkg.manifest.rootDir
  })
  if (key === undefined) throw new Error(`member ${pkg.manifest.path} is not a root of the resolve`)
  return key
}

/**
 * Resolves; when Cargo.lock changed underneath (another resolution wrote it: a build, the
 * dependency view, an update), starts over from the new lock rather than writing the old one back.
 */
export async function resolveWorkspace(options: ResolveWorkspaceOptions): Promise<WorkspaceResolution> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await resolveOnce(options)
    } catch (e) {
      if (!(e instanceof LockChangedError) || attempt >= 3) throw e
    }
  }
}

async function resolveOnce(options: ResolveWorkspaceOptions): Promise<WorkspaceResolution> {
  const load = packageLoader()
  const ws = await loadWorkspace(options.manifestPath, load)
  const rootDir = ws.root.rootDir
  const config = await loadCargoConfig({
    cwd: options.cwd ?? dirname(options.manifestPath),
    env: options.env,
    homeDir: options.homeDir
  })
  // Mistakes that need no resolve fail before one, so they leave no Cargo.lock behind.
  checkConfig(config)
  await options.beforeResolve?.(ws, config)
  const offline = options.offline === true || options.locked === '--frozen' || netOffline(config) === true
  const manifests = immutableManifests(storeFileIn(options.cacheDir))
  const sources = createSourceRegistry(config, {
    cacheDir: options.cacheDir,
    manifests,
    offline,
    loadPackage: load,
    env: options.env,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onGitProgress ? { onGitProgress: options.onGitProgress } : {})
  })

  const pathPackages = new Map<string, string>()
  for (const member of ws.members)
    for (const [key, dir] of await collectPathPackages(member, load)) pathPackages.set(key, dir)
  const replace = await replaceSettings(ws.root)
  const pathSource = (name: string, version: string): SourceId | undefined => {
    const dir = pathPackages.get(`${name}@${version}`) ?? replace.pathPackages.get(`${name}@${version}`)
    return dir === undefined ? undefined : { kind: 'path', path: dir }
  }
  const lockFile = join(rootDir, 'Cargo.lock')
  const onDisk = readLockText(lockFile)
  const lock: ParsedLockfile | undefined =
    options.ignoreLock || onDisk.text === undefined
      ? undefined
      : parseLockfile(onDisk.text, lockFile, { pathSource })
  const updating = options.update
  const unlock =
    updating === undefined
      ? undefined
      : updating === true
        ? () => true
        : (id: PackageId) => updating.includes(id.name)

  const rootSummaries = ws.members.map((member) =>
    summaryOfManifest(member.manifest, {
      source: { kind: 'path', path: member.manifest.rootDir },
      registry: (name) => registrySourceId(config, name)
    })
  )
  const rustVersions = ws.members.map((m) => m.manifest.package.rustVersion)
  // Resolver 3 prefers versions the toolchain can build when no rust-version is declared.
  const rustcVersion =
    options.rustcVersion ??
    (ws.resolver === '3' && rustVersions.every((v) => v === undefined)
      ? // The project's pinned release when its toolchain file names one: read, never run.
        ((await pinnedRelease(rootDir, options.env)) ?? (await inspectionRustc(options.env)).release)
      : undefined)
  const result = await resolve({
    roots: rootSummaries,
    sourceFor: (id) => sources.sourceFor(id),
    describeSource: (id) => sources.describeSource(id),
    ...(lock && updating !== true
      ? { locked: options.precise ? withPrecise(lock.packages, options.precise) : lock.packages }
      : {}),
    ...(unlock ? { unlock } : {}),
    patches: await patchSummaries(ws.root, sources, config),
    replacements: replace.settings.map((s) => s.entry),
    ...(ws.resolver === '3' ? { resolverVersion: '3' as const } : {}),
    ...(rustcVersion ? { rustcVersion } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {})
  })

  if (options.precise) checkPrecise(result, options.precise)
  const written = await writeLockfile(lockFile, result, {
    expectedText: { text: onDisk.text },
    ...(lock ? { loadedVersion: lock.version } : {}),
    rustVersions,
    ...(options.locked ? { locked: options.locked } : {}),
    pathSource
  })

  const packages = new Map<string, ResolvedPackageFiles>()
  const toRead = [...result.packages.values()].filter(
    ({ id }) => options.readPackages !== false || result.roots.includes(packageIdKey(id))
  )
  await Promise.all(
    toRead.map(async ({ id, summary }) => {
      const dir = await sources.sourceFor(id.source).download(summary)
      const pkg: Package =
        id.source.kind === 'path'
          ? await load(join(dir, 'Cargo.toml'))
          : await manifests.package(join(dir, 'Cargo.toml'))
      packages.set(packageIdKey(id), { id, pkg })
    })
  )
  if (options.signal?.aborted) throw new EngineError('cancelled', 'Cancelled.')
  await manifests.save()
  const configured = configuredTargetDir(config)
  const keyOf = (pkg: Package) => memberKey(result.roots, result, pkg)
  return {
    rootDir,
    members: result.roots,
    defaultMembers: ws.defaultMembers.map(keyOf),
    ...(ws.current ? { current: keyOf(ws.current) } : {}),
    ...(ws.decl?.metadata !== undefined ? { metadata: ws.decl.metadata } : {}),
    resolver: ws.resolver,
    virtual: ws.rootPackage === undefined,
    resolve: result,
    packages,
    targetDir: configured ?? join(rootDir, 'target'),
    lockWritten: written.written,
    previousLock: lock?.packages,
    config,
    warnings: [
      ...config.warnings.map((w) => w.message),
      ...ws.warnings,
      ...result.warnings,
      // cargo says these only where it goes on to use the packages (build, metadata, tree).
      ...(options.readPackages !== false ? replaceWarnings(replace.settings, result) : [])
    ]
  }
}
