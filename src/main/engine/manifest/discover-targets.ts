/**
 * Target discovery: Cargo's layout conventions merged with what the manifest declares.
 *   src/lib.rs → lib; src/main.rs → bin named after the package; src/bin/*.rs and
 *   src/bin/<name>/main.rs → bins; examples/, tests/, benches/ likewise.
 * Edition 2015 packages (every 2014 manifest) keep cargo's legacy paths, so a `[[bin]]` without
 * a path is src/bin/NAME.rs when there is a lib and src/NAME.rs when there is not.
 */
import { join, resolve } from 'node:path'
import type { ManifestWarning } from '@shared/models/package'
import { isExecutable } from '../tools/find-program'
import { fileProbe, type FileProbe } from './file-probe'
import { discoverKind } from './discover-kind'
import { discoverLib } from './discover-lib'
import { discoveryContext, inferFromDirectory } from './discovery-context'
import type { Manifest, Package, Target } from './model'

export async function discoverTargets(parsed: Manifest): Promise<Package> {
  const files = fileProbe()
  const manifest = await classifyBuildString(parsed, files)
  const root = manifest.rootDir
  const pkg = manifest.package
  const warnings: ManifestWarning[] = [...manifest.warnings]
  const ctx = discoveryContext(manifest, warnings, files)
  const targets: Target[] = []

  const lib = await discoverLib(ctx)
  if (lib) targets.push(lib)

  const mainRs = join(root, 'src', 'main.rs')
  const inferredBins = [
    ...((await files.isFile(mainRs)) ? [[pkg.name, mainRs] as const] : []),
    ...(await inferFromDirectory(files, join(root, 'src', 'bin')))
  ]
  const legacyPath = async (name: string): Promise<string | undefined> => {
    const own = lib ? [] : [join(root, 'src', `${name}.rs`)]
    // The 2014 format documents exactly one default; cargo's later fallbacks would pick src/main.rs.
    const candidates =
      manifest.format === '2014' ? own : [...own, mainRs, join(root, 'src', 'bin', 'main.rs')]
    for (const c of candidates) if (await files.isFile(c)) return c
    return undefined
  }
  targets.push(
    ...(await discoverKind(ctx, { kind: 'bin', declared: manifest.bins, inferred: inferredBins, autodiscover: pkg.autobins, legacyPath })),
    ...(await discoverKind(ctx, { kind: 'example', declared: manifest.examples, inferred: await inferFromDirectory(files, join(root, 'examples')), autodiscover: pkg.autoexamples })),
    ...(await discoverKind(ctx, { kind: 'test', declared: manifest.tests, inferred: await inferFromDirectory(files, join(root, 'tests')), autodiscover: pkg.autotests })),
    ...(await discoverKind(ctx, { kind: 'bench', declared: manifest.benches, inferred: await inferFromDirectory(files, join(root, 'benches')), autodiscover: pkg.autobenches }))
  ) // prettier-ignore

  if (!targets.some((t) => t.kind === 'lib' || t.kind === 'bin')) {
    throw ctx.fail(
      `The package \`${pkg.name}\` has no crate: there is no library and no binary.`,
      undefined,
      'Create src/main.rs or src/lib.rs, or add a [lib] or [[bin]] section with a path.'
    )
  }
  const buildScript = await findBuildScript(manifest, files)
  return buildScript ? { manifest, targets, warnings, buildScript } : { manifest, targets, warnings }
}

/**
 * `build = "STRING"` is a command in the 2014 format and a script path today. A string that
 * names a non-executable file in the package (`build = "build/main"`) is a Rust build script;
 * anything else (`make`, `./gen.sh`) stays a command.
 */
async function classifyBuildString(manifest: Manifest, files: FileProbe): Promise<Manifest> {
  const b = manifest.package.build
  if (b.type !== 'command' || /\s/.test(b.command.trim())) return manifest
  const path = resolve(manifest.rootDir, b.command)
  if (!(await files.isFile(path)) || (await isExecutable(path))) return manifest
  return {
    ...manifest,
    format: manifest.legacyLibArray ? '2014' : 'current',
    package: { ...manifest.package, build: { type: 'script', path: b.command } }
  }
}

/** `build = "path.rs"` or `true`, or a build.rs beside the manifest when `build` is not set. */
async function findBuildScript(manifest: Manifest, files: FileProbe): Promise<string | undefined> {
  const b = manifest.package.build
  if (b.type === 'script') return resolve(manifest.rootDir, b.path)
  if (b.type === 'auto') {
    const auto = join(manifest.rootDir, 'build.rs')
    if (await files.isFile(auto)) return auto
  }
  return undefined
}
