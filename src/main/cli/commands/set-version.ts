/** `crate-studio set-version`: cargo-edit's `cargo set-version`; only the version's text changes. */
import { checkVersion } from '@shared/rules/semver'
import { EngineError } from '../../engine/errors'
import { nodeAt } from '../../engine/manifest/edit/layout'
import { applyManifestEdits, parseManifestLayout } from '../../engine/manifest/edit/manifest-editor'
import { keyLines } from '../../engine/manifest/edit/manifest-view'
import { cstValue } from '../../engine/manifest/edit/cst-values'
import { locateManifest } from '../locate-manifest'
import { readManifestText, withManifestFile, writeManifestText } from '../manifest-file'
import { COMMON_OPTIONS, parse, UsageError } from '../parse-args'
import { terminalFor, writeOut, type CliContext } from './shared'

export const SET_VERSION_HELP = `Change a package's version in its Cargo.toml

Usage: crate-studio set-version [OPTIONS] <VERSION>

Arguments:
  <VERSION>                    The new version, a semantic version such as 0.2.0

Options:
      --dry-run                Don't actually write the manifest
      --manifest-path <PATH>   Path to Cargo.toml
  -q, --quiet                  Do not print cargo log messages
      --color <WHEN>           Coloring: auto, always, never
  -h, --help                   Print help
`

const OPTIONS = { ...COMMON_OPTIONS, 'dry-run': { type: 'boolean' } } as const

export async function setVersionCommand(args: readonly string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(args, OPTIONS)
  if (values.help) {
    writeOut(ctx, SET_VERSION_HELP)
    return 0
  }
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length
        ? `unexpected argument '${positionals[1]}' found`
        : 'the following required arguments were not provided: <VERSION>'
    )
  const version = positionals[0]!
  const bad = checkVersion(version)
  if (bad) throw new EngineError('invalid-input', bad)
  const term = terminalFor(ctx, values)
  const manifestPath = await locateManifest(values['manifest-path'], ctx.cwd)
  const text = await readManifestText(manifestPath)
  const layout = parseManifestLayout(text, manifestPath)
  const key = layout.root.children.has('package')
    ? 'package'
    : layout.root.children.has('project')
      ? 'project'
      : undefined
  const node = key ? nodeAt(layout.root, [key, 'version']) : undefined
  if (!key)
    throw new EngineError('invalid-input', `${manifestPath} has no \`[package]\` to set the version of.`, {
      file: manifestPath
    })
  if (node?.kind !== 'value' || node.kv.value.type !== 'String') {
    const line = keyLines(layout)[JSON.stringify([key, 'version'])]
    throw new EngineError(
      'invalid-input',
      node
        ? '`package.version` is not a plain version string (is it inherited from a workspace?).'
        : '`package.version` is not set.',
      {
        file: manifestPath,
        ...(line ? { line } : {}),
        hint: node
          ? 'Set the version in the workspace manifest instead.'
          : 'Add `version = "0.1.0"` to `[package]`.'
      }
    )
  }
  const name = nodeAt(layout.root, [key, 'name'])
  const current = cstValue(node.kv.value) as string
  const pkgName = name?.kind === 'value' ? String(cstValue(name.kv.value)) : '?'
  if (!values.quiet) term.status('Upgrading', `${pkgName} from ${current} to ${version}`)
  const result = withManifestFile(manifestPath, () =>
    applyManifestEdits(text, manifestPath, [{ op: 'set', path: [key, 'version'], value: version }])
  )
  if (values['dry-run']) {
    term.warning('aborting set-version due to dry run')
    return 0
  }
  if (result.text !== text) await writeManifestText(manifestPath, result.text)
  return 0
}
