/** Small builders for the manifest editor's tests: snapshots, analyses and views. */
import type {
  ManifestAnalysis,
  ManifestProblem,
  ManifestSnapshot,
  ManifestView,
  TomlTable
} from '@shared/models/manifest-edit'

export const PATH = '/work/demo/Cargo.toml'

export function view(document: TomlTable = {}, partial: Partial<ManifestView> = {}): ManifestView {
  return { document, lines: {}, format: 'current', rawSections: {}, ...partial }
}

export function analysis(
  text: string,
  document: TomlTable = {},
  problems: readonly ManifestProblem[] = []
): ManifestAnalysis {
  return { text, view: view(document), problems }
}

export function broken(text: string, line = 1): ManifestAnalysis {
  return { text, syntaxError: { message: 'expected `]`', line, column: 1 }, problems: [] }
}

export function snapshot(
  text: string,
  baseHash = 'a'.repeat(64),
  document: TomlTable = {}
): ManifestSnapshot {
  return { path: PATH, baseHash, ...analysis(text, document) }
}
