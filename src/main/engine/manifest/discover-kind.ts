/**
 * Bins, examples, tests and benches: declared sections merged with what the directories hold.
 * An inferred target with the same name or path as a declared one is dropped, and edition 2015
 * turns inference off once a section is written, as cargo still does.
 */
import { resolve } from 'node:path'
import type { TargetKind } from '@shared/models/package'
import { relativeOrAbsolute } from '../tools/paths'
import { makeTarget, type DiscoveryContext, type Inferred } from './discovery-context'
import type { Target, TargetDecl } from './model'

const BUILD_DIR_NAMES = new Set(['build', 'deps', 'examples', 'incremental'])

export interface KindSpec {
  readonly kind: Exclude<TargetKind, 'lib'>
  readonly declared: readonly TargetDecl[]
  readonly inferred: Inferred
  readonly autodiscover: boolean | undefined
  /** Edition 2015's fallback paths for a declared target that inference did not find. */
  readonly legacyPath?: (name: string) => Promise<string | undefined>
}

interface Entry {
  readonly decl?: TargetDecl
  readonly name: string
  readonly path?: string
}

export async function discoverKind(ctx: DiscoveryContext, spec: KindSpec): Promise<Target[]> {
  const { manifest, fail } = ctx
  const { kind, declared } = spec
  for (const d of declared) {
    if (d.name === undefined) {
      throw fail(
        `A [[${kind}]] target has no \`name\`.`,
        d.line,
        `Add \`name = "…"\` to the [[${kind}]] section.`
      )
    }
    if (d.name.trim() === '') throw fail(`${kind} target names cannot be empty.`, d.line)
  }
  const seen = new Map<string, number | undefined>()
  const out: Target[] = []
  for (const e of mergeWithInferred(ctx, spec)) {
    if (seen.has(e.name)) {
      throw fail(
        `Found duplicate ${kind} name \`${e.name}\`, but all ${kind} targets must have a unique name.`,
        e.decl?.line ?? seen.get(e.name),
        'Rename one of them.'
      )
    }
    seen.set(e.name, e.decl?.line)
    if (kind === 'bin') checkBinary(ctx, e)
    const path = e.path ?? (await inferPath(ctx, spec, e))
    const crateTypes = kind === 'example' && e.decl?.crateTypes?.length ? e.decl.crateTypes : ['bin']
    out.push(makeTarget(manifest, kind, e.name, path, crateTypes, e.decl))
  }
  return out
}

function mergeWithInferred({ manifest }: DiscoveryContext, spec: KindSpec): Entry[] {
  const declared: Entry[] = spec.declared.map((d) => ({
    decl: d,
    name: d.name ?? '',
    ...(d.path === undefined ? {} : { path: resolve(manifest.rootDir, d.path) })
  }))
  const inferred = spec.inferred.map(([name, path]) => ({ name, path }))
  if (declared.length === 0) return spec.autodiscover === false ? [] : inferred
  const names = new Set(declared.map((e) => e.name))
  const paths = new Set(declared.map((e) => e.path))
  const rest = inferred.filter((e) => !names.has(e.name) && !paths.has(e.path))
  return (spec.autodiscover ?? manifest.package.edition !== '2015') ? [...declared, ...rest] : declared
}

function checkBinary({ fail }: DiscoveryContext, e: Entry): void {
  if (BUILD_DIR_NAMES.has(e.name)) {
    throw fail(
      `The binary target name \`${e.name}\` is forbidden: it conflicts with cargo's build directory names.`,
      e.decl?.line
    )
  }
  if (e.decl?.crateTypes?.length) {
    throw fail(`The target \`${e.name}\` is a binary and can't have any crate-types set.`, e.decl.line)
  }
  if (e.decl?.procMacro) {
    throw fail(`The target \`${e.name}\` is a binary and can't have \`proc-macro\` set to true.`, e.decl.line)
  }
}

async function inferPath(
  { manifest, fail, warn }: DiscoveryContext,
  spec: KindSpec,
  e: Entry
): Promise<string> {
  const { kind } = spec
  const root = manifest.rootDir
  const matching = spec.inferred.filter(([n]) => n === e.name)
  if (matching.length === 1) return matching[0]![1]
  const legacy = manifest.package.edition === '2015' ? await spec.legacyPath?.(e.name) : undefined
  if (legacy) {
    if (manifest.format !== '2014') {
      warn(
        `path \`${relativeOrAbsolute(root, legacy)}\` was erroneously implicitly accepted for ${kind} \`${e.name}\`; please set ${kind}.path in Cargo.toml`,
        e.decl?.line
      )
    }
    return legacy
  }
  if (matching.length > 1) {
    const [a, b] = matching.map(([, p]) => relativeOrAbsolute(root, p))
    throw fail(
      `Cannot infer the path of ${kind} \`${e.name}\`: there are files at \`${a}\` and \`${b}\`.`,
      e.decl?.line,
      `Set \`path\` in the [[${kind}]] section.`
    )
  }
  const dir = kind === 'bin' ? 'src/bin' : kind === 'bench' ? 'benches' : `${kind}s`
  throw fail(
    `Can't find the \`${e.name}\` ${kind} at \`${dir}/${e.name}.rs\` or \`${dir}/${e.name}/main.rs\`.`,
    e.decl?.line,
    `Create the file, or set \`path\` in the [[${kind}]] section.`
  )
}
