/**
 * What `add` will write for each crate argument, worked out as cargo's `resolve_dependency`
 * does: a `--path` or `--git` package read from disk or the repository, a `name@req`, or the
 * source of an entry the manifest already has, or else the newest version in the registry the
 * configuration serves crates.io from.
 */
import { dirname, relative, resolve, sep } from 'node:path'
import type { DependencySpec, DependencyTable } from '@shared/models/manifest-edit'
import { EngineError } from '../engine/errors'
import { decodeTomlBytes } from '../engine/manifest/decode'
import type { CargoSource } from '../engine/manifest/edit/dependency-model'
import { existingDependency } from '../engine/manifest/edit/existing-dependency'
import { parseManifestLayout } from '../engine/manifest/edit/manifest-editor'
import {
  rejectLegacyDependencySections,
  requirePackageManifest
} from '../engine/manifest/edit/manifest-guards'
import { readManifestBytes } from '../engine/manifest/read-manifest'
import {
  packageOf,
  readGitPackages,
  type FoundPackage,
  type GitReferenceSpec
} from '../engine/sources/git-packages'
import type { Summary } from '../engine/sources/summary'
import type { CrateSpec } from './crate-spec'

/** The `add` options that shape an entry. */
export interface AddFlags {
  readonly rename?: string
  readonly path?: string
  readonly git?: string
  readonly branch?: string
  readonly tag?: string
  readonly rev?: string
  readonly optional?: boolean
  readonly 'no-optional'?: boolean
  readonly 'default-features'?: boolean
  readonly 'no-default-features'?: boolean
}

export interface AddRequest {
  readonly key: string
  readonly spec: DependencySpec
  /** The package itself, when it was read (`--path`, `--git`): its features are known. */
  readonly pkg?: FoundPackage
}

export interface RequestContext {
  readonly text: string
  readonly manifestPath: string
  readonly cwd: string
  readonly table: DependencyTable
  readonly status: (verb: string, detail: string) => void
  /** The newest fitting version of a crate in the configured registry (`cargo add NAME`). */
  readonly lookup: (name: string, req?: string) => Promise<Summary>
  /** The environment `--git` repositories are cloned with (the client's, in a served run). */
  readonly env?: NodeJS.ProcessEnv
}

/** A registry summary as the package `add` reports features of. */
function foundOf(summary: Summary): FoundPackage {
  const used = new Set(Object.values(summary.features).flat())
  const implicitFeatures = summary.deps
    .filter((d) => d.optional && !used.has(`dep:${d.name}`) && !Object.hasOwn(summary.features, d.name))
    .map((d) => d.name)
    .filter((n, i, all) => all.indexOf(n) === i)
  return { name: summary.name, version: summary.version, features: summary.features, implicitFeatures }
}

function gitReference(values: AddFlags): GitReferenceSpec | undefined {
  if (values.branch !== undefined) return { type: 'branch', value: values.branch }
  if (values.tag !== undefined) return { type: 'tag', value: values.tag }
  if (values.rev !== undefined) return { type: 'rev', value: values.rev }
  return undefined
}

function flagsOf(values: AddFlags): Pick<DependencySpec, 'defaultFeatures' | 'optional'> {
  return {
    ...(values['no-default-features']
      ? { defaultFeatures: false }
      : values['default-features']
        ? { defaultFeatures: true }
        : {}),
    ...(values.optional ? { optional: true } : values['no-optional'] ? { optional: false } : {})
  }
}

function specOf(
  source: CargoSource,
  values: AddFlags,
  features: readonly string[] | undefined,
  pkgName?: string
): DependencySpec {
  const s: DependencySpec['source'] =
    source.type === 'registry'
      ? { type: 'registry', version: source.version }
      : source.type === 'path'
        ? { type: 'path', path: source.path, ...(source.version ? { version: source.version } : {}) }
        : source.type === 'git'
          ? {
              type: 'git',
              url: source.git,
              ...(source.branch ? { reference: { type: 'branch' as const, value: source.branch } } : {}),
              ...(source.tag ? { reference: { type: 'tag' as const, value: source.tag } } : {}),
              ...(source.rev ? { reference: { type: 'rev' as const, value: source.rev } } : {}),
              ...(source.version ? { version: source.version } : {})
            }
          : (() => {
              throw new EngineError('unsupported', 'Workspace dependencies are not supported yet.')
            })()
  return {
    source: s,
    ...(features?.length ? { features } : {}),
    ...flagsOf(values),
    ...(pkgName !== undefined && values.rename !== undefined ? { package: pkgName } : {})
  }
}

async function readPathPackage(dir: string): Promise<FoundPackage> {
  const file = resolve(dir, 'Cargo.toml')
  const pkg = packageOf(decodeTomlBytes(await readManifestBytes(file), file).text, file)
  if (!pkg)
    throw new EngineError('manifest-invalid', `${file} does not declare a package that can be added.`, {
      file
    })
  return pkg
}

function pick(found: readonly FoundPackage[], name: string | undefined, where: string): FoundPackage {
  if (name !== undefined) {
    const pkg = found.find((p) => p.name === name)
    if (!pkg) throw new EngineError('not-found', `the crate \`${name}\` could not be found at \`${where}\``)
    return pkg
  }
  if (found.length === 1) return found[0]!
  const names = found.map((p) => p.name).sort()
  throw new EngineError(
    'invalid-input',
    `multiple packages found at \`${where}\`:\n    ${names.join(', ')}`,
    {
      hint: `To disambiguate, run \`crate-studio add --git ${where} <package>\``
    }
  )
}

/** Drops the version a dev-dependency does not need (cargo keeps it only for registry sources). */
function devVersion(source: CargoSource, table: DependencyTable, keepVersion: boolean): CargoSource {
  if (table.kind !== 'dev' || keepVersion || source.type === 'registry' || source.type === 'workspace')
    return source
  const { version: _unused, ...rest } = source
  return rest
}

export async function resolveRequests(
  values: AddFlags,
  crates: readonly (CrateSpec & { readonly arg: string })[],
  features: ReadonlyMap<string | undefined, readonly string[]>,
  { text, manifestPath, cwd, table, status, lookup, env }: RequestContext
): Promise<AddRequest[]> {
  const layout = parseManifestLayout(text, manifestPath)
  requirePackageManifest(layout, 'add dependencies to')
  rejectLegacyDependencySections(layout)
  const keyOf = (name: string) => values.rename ?? name
  // cargo keeps a dev-dependency's version only when the entry it builds on already has one.
  const keep = (key: string) => hasVersion(existingDependency(layout, key, table)?.dependency.source)

  if (values.path !== undefined) {
    const dir = resolve(cwd, values.path)
    const spec = crates[0]
    if (spec?.versionReq)
      throw new EngineError(
        'invalid-input',
        `cannot specify a path (\`${values.path}\`) with a version (\`${spec.versionReq}\`).`
      )
    const pkg = pick([await readPathPackage(dir)], spec?.name, dir)
    const manifestDir = dirname(manifestPath)
    if (dir === manifestDir)
      throw new EngineError('invalid-input', `cannot add \`${pkg.name}\` as a dependency to itself`)
    const rel = relative(manifestDir, dir).split(sep).join('/')
    const key = keyOf(pkg.name)
    const source = devVersion(
      { type: 'path', path: rel, version: pkg.version.split('+')[0]! },
      table,
      keep(key)
    )
    return [{ key, spec: specOf(source, values, features.get(crates[0]?.arg), pkg.name), pkg }]
  }
  if (values.git !== undefined) {
    const url = values.git
    const reference = gitReference(values)
    for (const c of crates)
      if (c.versionReq)
        throw new EngineError(
          'invalid-input',
          `cannot specify a git URL (\`${url}\`) with a version (\`${c.versionReq}\`).`
        )
    status('Updating', `git repository \`${url}\``)
    const found = await readGitPackages(url, reference, env ? { env } : {})
    const wanted = crates.length ? crates : [undefined]
    return wanted.map((crate) => {
      const pkg = pick(found, crate?.name, url)
      const key = keyOf(pkg.name)
      const source = devVersion(
        {
          type: 'git',
          git: url,
          ...(reference ? { [reference.type]: reference.value } : {}),
          version: pkg.version.split('+')[0]!
        },
        table,
        keep(key)
      )
      return { key, spec: specOf(source, values, features.get(crate?.arg), pkg.name), pkg }
    })
  }
  const requests: AddRequest[] = []
  for (const c of crates) requests.push(await registryRequest(c))
  return requests

  async function registryRequest(c: CrateSpec & { readonly arg: string }): Promise<AddRequest> {
    const key = keyOf(c.name)
    if (c.versionReq !== undefined) {
      // As cargo does: the version must exist, and its features are checked and listed.
      const found = await lookup(c.name, c.versionReq)
      return {
        key,
        spec: specOf({ type: 'registry', version: c.versionReq }, values, features.get(c.arg), c.name),
        pkg: foundOf(found)
      }
    }
    const existing = existingDependency(layout, key, table)
    const source = existing?.dependency.source
    if (!source) {
      const found = await lookup(c.name)
      const version = found.version.split('+')[0]!
      return {
        key,
        spec: specOf({ type: 'registry', version }, values, features.get(c.arg), c.name),
        pkg: foundOf(found)
      }
    }
    const pkgName = existing.dependency.name
    return {
      key,
      spec: {
        ...specOf(source, values, features.get(c.arg), pkgName),
        ...(pkgName !== key ? { package: pkgName } : {})
      }
    }
  }
}

function hasVersion(source: CargoSource | undefined): boolean {
  return source !== undefined && 'version' in source && source.version !== undefined
}
