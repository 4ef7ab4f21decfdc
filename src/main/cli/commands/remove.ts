/** `crate-studio remove`: `cargo remove`, with the same resulting manifest bytes. */
import { cleanupAfterRemove } from '../../engine/manifest/edit/cargo-remove-cleanup'
import { describeDependencyTable } from '../../engine/manifest/edit/dependency-tables'
import { removeDependency } from '../../engine/manifest/edit/remove-dependency'
import { SECTION_HELP, tableOf } from '../dependency-section'
import { locateManifest } from '../locate-manifest'
import { readManifestText, withManifestFile, writeManifestText } from '../manifest-file'
import { COMMON_OPTIONS, parse, UsageError } from '../parse-args'
import { refuseManifestChange, updateLock } from '../update-lock'
import { terminalFor, writeOut, type CliContext } from './shared'

export const REMOVE_HELP = `Remove dependencies from a Cargo.toml manifest file

Usage: crate-studio remove [OPTIONS] <DEP_ID>...

Options:
      --dry-run                Don't actually write the manifest
      --manifest-path <PATH>   Path to Cargo.toml
  -q, --quiet                  Do not print cargo log messages
      --color <WHEN>           Coloring: auto, always, never
  -h, --help                   Print help

${SECTION_HELP}`

const OPTIONS = {
  ...COMMON_OPTIONS,
  'dry-run': { type: 'boolean' },
  dev: { type: 'boolean' },
  build: { type: 'boolean' },
  target: { type: 'string' }
} as const

export async function removeCommand(args: readonly string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(args, OPTIONS)
  if (values.help) {
    writeOut(ctx, REMOVE_HELP)
    return 0
  }
  if (positionals.length === 0)
    throw new UsageError('the following required arguments were not provided: <DEP_ID>...')
  const term = terminalFor(ctx, values)
  const table = tableOf(values)
  const manifestPath = await locateManifest(values['manifest-path'], ctx.cwd)
  const original = await readManifestText(manifestPath)
  const bom = original.startsWith('\uFEFF') ? '\uFEFF' : ''
  let text = original.slice(bom.length)
  for (const name of positionals) {
    if (!values.quiet) term.status('Removing', `${name} from ${describeDependencyTable(table)}`)
    text = withManifestFile(manifestPath, () => removeDependency(text, table, name))
  }
  if (values['dry-run']) {
    term.warning('aborting remove due to dry run')
    return 0
  }
  text = cleanupAfterRemove(text)
  if (bom + text !== original) {
    refuseManifestChange(manifestPath, values)
    await writeManifestText(manifestPath, bom + text)
  }
  await updateLock(manifestPath, ctx, values, term, false)
  return 0
}
