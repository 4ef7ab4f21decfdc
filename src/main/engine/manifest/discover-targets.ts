/**
 * Target discovery: Cargo's layout conventions merged with what the manifest declares.
 *   src/lib.rs → lib; src/main.rs → bin named after the package; src/bin/*.rs and
 *   src/bin/<name>/main.rs → bins; examples/, tests/, benches/ likewise.
 * Declared targets win; an inferred target with the same name or path is dropped. Edition
 * 2015 packages (every 2014 manifest) keep cargo's legacy paths, so a `[[bin]]` without a
 * path is src/bin/NAME.rs when there is a lib and src/NAME.rs when there is not.
 */
import { readdir, stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import type { ManifestWarning, TargetKind } from '@shared/models/package'
import { crateNameOf } from '@shared/rules/package-name'
import { EngineError } from '../errors'
import type { Manifest, Package, Target, TargetDecl } from './model'

type Inferred = readonly (readonly [name: string, path: string])[]

const BUILD_DIR_NAMES = new Set(['build', 'deps', 'examples', 'incremental'])

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

/** `dir/*.rs` and `dir/<name>/main.rs`, skipping dotfiles, sorted for stable output. */
async function inferFromDirectory(dir: string): Promise<Inferred> {
  let entries
  try {
    entries = await readdir(dir, { withFileTypes: true })
  } catch {
    return []
  }
  const found: (readonly [string, string])[] = []
  for (const e of entries) {
    if (e.name.startsWith('.')) continue
    if (e.isDirectory()) {
      const main = join(dir, e.name, 'main.rs')
      if (await isFile(main)) found.push([e.name, main])
    } else if (e.name.endsWith('.rs')) {
      found.push([e.name.slice(0, -3), join(dir, e.name)])
    }
  }
  return found.sort((a, b) => a[0].localeCompare(b[0]))
}

export async function discoverTargets(manifest: Manifest): Promise<Package> {
  const root = manifest.rootDir
  const pkg = manifest.package
  const warnings: ManifestWarning[] = [...manifest.warnings]
  const fail = (message: string, line?: number, hint?: string) =>
    new EngineError('manifest-invalid', message, {
      file: manifest.path,
      ...(line ? { line } : {}),
      ...(hint ? { hint } : {})
    })
  const warn = (message: string, line?: number) =>
    warnings.push({ message, file: manifest.path, ...(line ? { line } : {}) })
  const targets: Target[] = []

  const libTarget = await resolveLib(manifest, fail, warn)
  if (libTarget) targets.push(libTarget)

  const inferredBins: (readonly [string, string])[] = []
  const mainRs = join(root, 'src', 'main.rs')
  if (await isFile(mainRs)) inferredBins.push([pkg.name, mainRs])
  inferredBins.push(...(await inferFromDirectory(join(root, 'src', 'bin'))))

  const legacyBin = async (name: string): Promise<string | undefined> => {
    const own = libTarget ? [] : [join(root, 'src', `${name}.rs`)]
    // The 2014 format documents exactly one default; cargo's later fallbacks would pick src/main.rs.
    const candidates =
      manifest.format === '2014' ? own : [...own, mainRs, join(root, 'src', 'bin', 'main.rs')]
    for (const c of candidates) if (await isFile(c)) return c
    return undefined
  }
  targets.push(
    ...(await resolveKind(manifest, 'bin', manifest.bins, inferredBins, pkg.autobins, legacyBin, fail, warn))
  )
  const noLegacy = () => Promise.resolve(undefined)
  targets.push(
    ...(await resolveKind(
      manifest,
      'example',
      manifest.examples,
      await inferFromDirectory(join(root, 'examples')),
      pkg.autoexamples,
      noLegacy,
      fail,
      warn
    )),
    ...(await resolveKind(
      manifest,
      'test',
      manifest.tests,
      await inferFromDirectory(join(root, 'tests')),
      pkg.autotests,
      noLegacy,
      fail,
      warn
    )),
    ...(await resolveKind(
      manifest,
      'bench',
      manifest.benches,
      await inferFromDirectory(join(root, 'benches')),
      pkg.autobenches,
      noLegacy,
      fail,
      warn
    ))
  )

  if (!targets.some((t) => t.kind === 'lib' || t.kind === 'bin')) {
    throw fail(
      `The package \`${pkg.name}\` has no crate: there is no library and no binary.`,
      undefined,
      'Create src/main.rs or src/lib.rs, or add a [lib] or [[bin]] section with a path.'
    )
  }
  const buildScript = await findBuildScript(manifest)
  return buildScript ? { manifest, targets, warnings, buildScript } : { manifest, targets, warnings }
}

/** `build = "path.rs"` or `true`, or a build.rs beside the manifest when `build` is not set. */
async function findBuildScript(manifest: Manifest): Promise<string | undefined> {
  const b = manifest.package.build
  if (b.type === 'script') return join(manifest.rootDir, b.path)
  if (b.type === 'auto') {
    const auto = join(manifest.rootDir, 'build.rs')
    if (await isFile(auto)) return auto
  }
  return undefined
}

type Fail = (message: string, line?: number, hint?: string) => EngineError
type Warn = (message: string, line?: number) => void

async function resolveLib(manifest: Manifest, fail: Fail, warn: Warn): Promise<Target | undefined> {
  const root = manifest.rootDir
  const inferred = join(root, 'src', 'lib.rs')
  const decl = manifest.lib
  const hasInferred = await isFile(inferred)
  if (!decl && !hasInferred) return undefined
  const name = decl?.name ?? crateNameOf(manifest.package.name)
  if (name.trim() === '') throw fail('Library target names cannot be empty.', decl?.line)
  if (name.includes('-'))
    throw fail(
      `Library target names cannot contain hyphens: \`${name}\`.`,
      decl?.line,
      `Use \`${crateNameOf(name)}\`.`
    )
  let path = decl?.path !== undefined ? join(root, decl.path) : hasInferred ? inferred : undefined
  if (path === undefined) {
    const legacy = join(root, 'src', `${name}.rs`)
    if (manifest.package.edition === '2015' && (await isFile(legacy))) {
      warn(
        `path \`src/${name}.rs\` was erroneously implicitly accepted for library \`${name}\`; please rename the file to \`src/lib.rs\` or set lib.path in Cargo.toml`,
        decl?.line
      )
      path = legacy
    } else {
      throw fail(
        `Can't find library \`${name}\`.`,
        decl?.line,
        'Rename the file to `src/lib.rs` or set `path` in `[lib]`.'
      )
    }
  }
  let crateTypes: readonly string[] = decl?.procMacro ? ['proc-macro'] : ['lib']
  if (decl?.crateTypes) {
    if (decl.crateTypes.includes('dylib') && decl.crateTypes.includes('cdylib'))
      throw fail(`Library \`${name}\` cannot set the crate type of both \`dylib\` and \`cdylib\`.`, decl.line)
    if (decl.crateTypes.includes('proc-macro') && decl.crateTypes.length > 1)
      throw fail('Cannot mix the `proc-macro` crate type with others.', decl.line)
    crateTypes = decl.crateTypes
  }
  return makeTarget(manifest, 'lib', name, path, crateTypes, decl, decl !== undefined)
}

async function resolveKind(
  manifest: Manifest,
  kind: Exclude<TargetKind, 'lib'>,
  declared: readonly TargetDecl[],
  inferred: Inferred,
  autodiscover: boolean | undefined,
  legacyPath: (name: string) => Promise<string | undefined>,
  fail: Fail,
  warn: Warn
): Promise<Target[]> {
  const root = manifest.rootDir
  const edition2015 = manifest.package.edition === '2015'
  for (const d of declared) {
    if (d.name === undefined)
      throw fail(
        `A [[${kind}]] target has no \`name\`.`,
        d.line,
        `Add \`name = "…"\` to the [[${kind}]] section.`
      )
    if (d.name.trim() === '') throw fail(`${kind} target names cannot be empty.`, d.line)
  }
  let entries: { decl?: TargetDecl; name: string; path?: string }[] = declared.map((d) => ({
    decl: d,
    name: d.name ?? '',
    path: d.path === undefined ? undefined : join(root, d.path)
  }))
  const inferredEntries = inferred.map(([name, path]) => ({ name, path }))
  if (declared.length === 0) {
    if (autodiscover !== false) entries = inferredEntries
  } else {
    const names = new Set(entries.map((e) => e.name))
    const paths = new Set(entries.map((e) => e.path))
    const rest = inferredEntries.filter((e) => !names.has(e.name) && !paths.has(e.path))
    // Edition 2015 turned discovery off once a section was written, as cargo still does.
    if (autodiscover ?? !edition2015) entries.push(...rest)
  }
  const seen = new Map<string, number | undefined>()
  const out: Target[] = []
  for (const e of entries) {
    if (seen.has(e.name)) {
      throw fail(
        `Found duplicate ${kind} name \`${e.name}\`, but all ${kind} targets must have a unique name.`,
        e.decl?.line ?? seen.get(e.name),
        'Rename one of them.'
      )
    }
    seen.set(e.name, e.decl?.line)
    if (kind === 'bin') {
      if (BUILD_DIR_NAMES.has(e.name))
        throw fail(
          `The binary target name \`${e.name}\` is forbidden: it conflicts with cargo's build directory names.`,
          e.decl?.line
        )
      if (e.decl?.crateTypes?.length)
        throw fail(`The target \`${e.name}\` is a binary and can't have any crate-types set.`, e.decl.line)
      if (e.decl?.procMacro)
        throw fail(
          `The target \`${e.name}\` is a binary and can't have \`proc-macro\` set to true.`,
          e.decl.line
        )
    }
    let path = e.path
    if (path === undefined) {
      const matching = inferred.filter(([n]) => n === e.name)
      if (matching.length === 1) path = matching[0]![1]
      else {
        const legacy = edition2015 ? await legacyPath(e.name) : undefined
        if (legacy) {
          if (manifest.format !== '2014')
            warn(
              `path \`${rel(root, legacy)}\` was erroneously implicitly accepted for ${kind} \`${e.name}\`; please set ${kind}.path in Cargo.toml`,
              e.decl?.line
            )
          path = legacy
        } else if (matching.length > 1) {
          throw fail(
            `Cannot infer the path of ${kind} \`${e.name}\`: there are files at \`${rel(root, matching[0]![1])}\` and \`${rel(root, matching[1]![1])}\`.`,
            e.decl?.line,
            `Set \`path\` in the [[${kind}]] section.`
          )
        } else {
          const dir = kind === 'bin' ? 'src/bin' : `${kind === 'bench' ? 'benches' : `${kind}s`}`
          throw fail(
            `Can't find the \`${e.name}\` ${kind} at \`${dir}/${e.name}.rs\` or \`${dir}/${e.name}/main.rs\`.`,
            e.decl?.line,
            `Create the file, or set \`path\` in the [[${kind}]] section.`
          )
        }
      }
    }
    const crateTypes = kind === 'example' && e.decl?.crateTypes?.length ? e.decl.crateTypes : ['bin']
    out.push(makeTarget(manifest, kind, e.name, path, crateTypes, e.decl, e.decl !== undefined))
  }
  return out
}

function rel(root: string, path: string): string {
  return relative(root, path).split(sep).join('/')
}

function makeTarget(
  manifest: Manifest,
  kind: TargetKind,
  name: string,
  srcPath: string,
  crateTypes: readonly string[],
  decl: TargetDecl | undefined,
  declared: boolean
): Target {
  return {
    kind,
    name,
    crateName: crateNameOf(name),
    srcPath,
    crateTypes,
    edition: decl?.edition ?? manifest.package.edition,
    requiredFeatures: decl?.requiredFeatures ?? [],
    tested: decl?.test ?? (kind !== 'example' && kind !== 'bench'),
    doctested: decl?.doctest ?? kind === 'lib',
    documented: decl?.doc ?? (kind === 'lib' || kind === 'bin'),
    harness: decl?.harness ?? true,
    origin: declared ? 'manifest' : 'discovered'
  }
}
