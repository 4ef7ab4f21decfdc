/**
 * Runs one registry + root through real cargo (`generate-lockfile --offline` against the
 * registry as a directory source replacing crates.io, in an isolated CARGO_HOME) and through
 * our resolver reading the same files, and reports both outcomes in one comparable form.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { execa } from 'execa'
import { resolve } from '../../../src/main/engine/resolver/resolve/resolve'
import type { Resolve, ResolveInput } from '../../../src/main/engine/resolver/resolve/resolve-types'
import type { SourceId } from '../../../src/main/engine/sources/source-id'
import { lockGraph, parseCargoLock } from './cargo-lock'
import {
  directorySource,
  pathSourceFor,
  readSummary,
  writeDirectoryRegistry,
  writePackage,
  type PackageSpec
} from './directory-registry'

export type Outcome =
  | { readonly ok: true; readonly graph: Map<string, string[]> }
  | { readonly ok: false; readonly error: string }

export interface Case {
  readonly registry: readonly PackageSpec[]
  readonly root: PackageSpec
  /** Extra manifest text for the root (`[patch]`, `[workspace]`…). */
  readonly rootExtra?: string
  /** Extra packages to write beside the root (path dependencies, patches), by folder name. */
  readonly siblings?: Readonly<Record<string, PackageSpec>>
  /** Sibling folders that are workspace members too (roots after the root package). */
  readonly members?: readonly string[]
  /** Sibling folders that patch crates.io (`[patch.crates-io]` in `rootExtra`). */
  readonly patches?: readonly string[]
}

export async function writeCase(dir: string, c: Case): Promise<{ rootDir: string; registryDir: string }> {
  const registryDir = join(dir, 'registry')
  const rootDir = join(dir, 'root')
  await writeDirectoryRegistry(registryDir, c.registry)
  await writePackage(rootDir, c.root, c.rootExtra ?? '')
  for (const [folder, spec] of Object.entries(c.siblings ?? {})) await writePackage(join(dir, folder), spec)
  await mkdir(join(rootDir, '.cargo'), { recursive: true })
  await writeFile(
    join(rootDir, '.cargo', 'config.toml'),
    `[source.crates-io]\nreplace-with = "synthetic"\n[source.synthetic]\ndirectory = ${JSON.stringify(registryDir)}\n[net]\noffline = true\n`
  )
  return { rootDir, registryDir }
}

export async function cargoOutcome(dir: string, rootDir: string): Promise<Outcome & { stderr: string }> {
  const run = await execa('cargo', ['generate-lockfile', '--offline'], {
    cwd: rootDir,
    reject: false,
    env: { CARGO_HOME: join(dir, 'cargo-home'), CARGO_TERM_COLOR: 'never' }
  })
  if (run.exitCode !== 0) return { ok: false, error: run.stderr, stderr: run.stderr }
  const lock = await readFile(join(rootDir, 'Cargo.lock'), 'utf8')
  return { ok: true, graph: lockGraph(parseCargoLock(lock)), stderr: run.stderr }
}

export function graphOf(r: Resolve): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const p of r.packages.values()) {
    const deps = p.deps.map((d) => {
      const t = r.packages.get(d.pkg)!.id
      return `${t.name}@${t.version}`
    })
    out.set(`${p.id.name}@${p.id.version}`, [...new Set(deps)].sort())
  }
  return out
}

export async function ourOutcome(
  rootDir: string,
  registryDir: string,
  extra: Partial<ResolveInput> = {},
  c?: Case
): Promise<Outcome & { resolve?: Resolve }> {
  const registry = directorySource(registryDir)
  const sourceFor = (id: SourceId) => (id.kind === 'path' ? pathSourceFor(id) : registry)
  const read = (dir: string) => readSummary(dir, { kind: 'path', path: dir })
  const base = dirname(rootDir)
  try {
    const roots = [
      await read(rootDir),
      ...(await Promise.all((c?.members ?? []).map((m) => read(join(base, m)))))
    ]
    const patches = await Promise.all((c?.patches ?? []).map((m) => read(join(base, m))))
    const r = await resolve({
      roots,
      sourceFor,
      ...(patches.length ? { patches: new Map([['crates-io', patches]]) } : {}),
      ...extra
    })
    return { ok: true, graph: graphOf(r), resolve: r }
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) }
  }
}

/**
 * cargo's error without what our resolver leaves to its caller: the `error: ` prefix, the
 * offline reminder, the source description and the re-vendoring hint (ours goes to `hint`).
 */
export function normalizeCargoError(text: string): string {
  return text
    .replace(/^error: /, '')
    .replace(/\nAs a reminder, you're using offline mode[\s\S]*$/, '')
    .replace(
      /location searched: directory source `[^`]*` \(which is replacing registry `crates-io`\)/,
      'location searched: registry `crates-io`'
    )
    .replace(/\nperhaps a crate was updated and forgotten to be re-vendored\?/, '')
    .trim()
}

/** A readable difference between two outcomes, or undefined when they agree. */
export function difference(cargo: Outcome, ours: Outcome): string | undefined {
  if (!cargo.ok || !ours.ok) {
    if (!cargo.ok && !ours.ok) {
      const a = normalizeCargoError(cargo.error)
      return a === ours.error ? undefined : `different errors:\n--- cargo\n${a}\n--- ours\n${ours.error}`
    }
    return cargo.ok
      ? `cargo resolved but we failed: ${!ours.ok ? ours.error : ''}`
      : `cargo failed but we resolved:\n${(cargo as { error: string }).error}`
  }
  const lines: string[] = []
  const keys = new Set([...cargo.graph.keys(), ...ours.graph.keys()])
  for (const k of [...keys].sort()) {
    const a = cargo.graph.get(k)
    const b = ours.graph.get(k)
    if (!a) lines.push(`+ ${k} (only ours)`)
    else if (!b) lines.push(`- ${k} (only cargo's)`)
    else if (a.join() !== b.join()) lines.push(`~ ${k}: cargo [${a.join(', ')}] ours [${b.join(', ')}]`)
  }
  return lines.length ? lines.join('\n') : undefined
}
