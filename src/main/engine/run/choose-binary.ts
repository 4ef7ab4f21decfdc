/** Which binary `run` executes: `--bin`, else `default-run`, else the only one. As cargo decides. */
import { EngineError } from '../errors'
import type { Package } from '../manifest/model'

export function chooseBinary(pkg: Package, requested: string | undefined): string {
  const bins = pkg.targets.filter((t) => t.kind === 'bin').map((t) => t.name)
  const m = pkg.manifest
  if (requested !== undefined) return requested
  if (m.package.defaultRun !== undefined) return m.package.defaultRun
  if (bins.length === 1) return bins[0]!
  if (bins.length === 0) {
    throw new EngineError(
      'not-found',
      `A bin target must be available for \`run\`: package \`${m.package.name}\` has none.`,
      {
        file: m.path,
        hint: 'Add src/main.rs, or a [[bin]] section.'
      }
    )
  }
  throw new EngineError(
    'invalid-input',
    `Could not determine which binary to run in \`${m.package.name}\`. Available binaries: ${bins.join(', ')}.`,
    {
      file: m.path,
      hint: 'Choose one with --bin, or set `default-run` in [package].'
    }
  )
}
