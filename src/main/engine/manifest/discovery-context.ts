/** What every part of target discovery shares: the manifest, located errors and warnings. */
import { join } from 'node:path'
import type { ManifestWarning, TargetKind } from '@shared/models/package'
import { crateNameOf } from '@shared/rules/package-name'
import { EngineError } from '../errors'
import { fileProbe, type FileProbe } from './file-probe'
import type { Manifest, Target, TargetDecl } from './model'

/** Targets found on disk by convention: name and absolute path. */
export type Inferred = readonly (readonly [name: string, path: string])[]

export interface DiscoveryContext {
  readonly manifest: Manifest
  readonly fail: (message: string, line?: number, hint?: string) => EngineError
  readonly warn: (message: string, line?: number) => void
  /** Which conventional files exist, from one listing per folder. */
  readonly files: FileProbe
}

export function discoveryContext(
  manifest: Manifest,
  warnings: ManifestWarning[],
  files: FileProbe = fileProbe()
): DiscoveryContext {
  const at = (line?: number) => (line ? { line } : {})
  return {
    manifest,
    files,
    fail: (message, line, hint) =>
      new EngineError('manifest-invalid', message, {
        file: manifest.path,
        ...at(line),
        ...(hint ? { hint } : {})
      }),
    warn: (message, line) => void warnings.push({ message, file: manifest.path, ...at(line) })
  }
}

/** `dir/*.rs` and `dir/<name>/main.rs`, skipping dotfiles, sorted for stable output. */
export async function inferFromDirectory(files: FileProbe, dir: string): Promise<Inferred> {
  const found: (readonly [string, string])[] = []
  for (const e of await files.list(dir)) {
    if (e.name.startsWith('.')) continue
    if (e.isDirectory()) {
      const main = join(dir, e.name, 'main.rs')
      if (await files.isFile(main)) found.push([e.name, main])
    } else if (e.name.endsWith('.rs')) {
      found.push([e.name.slice(0, -3), join(dir, e.name)])
    }
  }
  return found.sort((a, b) => a[0].localeCompare(b[0]))
}

export function makeTarget(
  manifest: Manifest,
  kind: TargetKind,
  name: string,
  srcPath: string,
  crateTypes: readonly string[],
  decl: TargetDecl | undefined
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
    benched: decl?.bench ?? (kind !== 'example' && kind !== 'test'),
    doctested: decl?.doctest ?? kind === 'lib',
    documented: decl?.doc ?? (kind === 'lib' || kind === 'bin'),
    harness: decl?.harness ?? true,
    origin: decl ? 'manifest' : 'discovered'
  }
}
