/**
 * A `rust-toolchain.toml` or legacy `rust-toolchain` file read as rustup reads it: the TOML form
 * (`[toolchain]` with `channel` or `path`, `components`, `targets`, `profile`) and, in the legacy
 * file only, a single line naming the toolchain. What rustup refuses is an EngineError pointing
 * at the file and line, so the person sees why every build in the folder would fail.
 */
import { basename, isAbsolute } from 'node:path'
import { EngineError } from '../errors'
import { KeyLocator } from '../manifest/locate'
import { parseToml, type TomlObject, type TomlValue } from '../manifest/parse-toml'

/** What a toolchain file asks for; `channel` and `path` never both. */
export interface ToolchainFileSpec {
  /** A rustup toolchain name: `stable`, `1.85`, `nightly-2026-01-01`, or a custom (linked) name. */
  readonly channel?: string
  /** An absolute folder holding a toolchain: reported, never run to inspect it. */
  readonly path?: string
  readonly components: readonly string[]
  readonly targets: readonly string[]
  readonly profile?: string
}

const PROFILES = ['minimal', 'default', 'complete'] as const

/** `str::lines()` as rustup counts them: a trailing newline does not start another line. */
function lineCount(text: string): number {
  if (text === '') return 0
  const parts = text.split('\n')
  return text.endsWith('\n') ? parts.length - 1 : parts.length
}

function fail(file: string, message: string, hint: string, line?: number): never {
  throw new EngineError('invalid-input', `${file}${line ? `:${line}` : ''}: ${message}`, {
    file,
    ...(line ? { line } : {}),
    hint
  })
}

/** rustup's name rules, loosely: a name must be one word that cannot be read as a path. */
function checkName(name: string, file: string, line: number | undefined): string {
  if (name === '' || /[\s/\\]/.test(name) || /\p{Cc}/u.test(name))
    fail(
      file,
      `\`${name}\` is not a toolchain name.`,
      'Name a toolchain as `rustup toolchain list` shows it, e.g. `stable`, `1.85` or `nightly-2026-01-01`.',
      line
    )
  return name
}

/** The legacy one-line form: a toolchain name, or an absolute path to a toolchain folder. */
function oneLine(text: string, file: string): ToolchainFileSpec {
  // JavaScript's trim() drops a BOM, which rustup keeps as part of the name.
  if (text.startsWith('\uFEFF'))
    fail(
      file,
      'the file starts with a byte-order mark (BOM), which rustup reads as part of the name.',
      'Save it as plain ASCII (UTF-8 without BOM).',
      1
    )
  const name = text.trim()
  if (name === '') return emptyFile(file)
  if (isAbsolute(name)) return { path: name, components: [], targets: [] }
  return { channel: checkName(name, file, 1), components: [], targets: [] }
}

function emptyFile(file: string): never {
  return fail(
    file,
    'the toolchain file is empty.',
    'Remove it, or name a toolchain in it: `[toolchain]` then `channel = "stable"`.'
  )
}

function stringList(value: TomlValue | undefined, key: string, file: string, at: KeyLocator): string[] {
  if (value === undefined) return []
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    fail(
      file,
      `\`toolchain.${key}\` must be a list of strings.`,
      `Write it as \`${key} = ["…", "…"]\`.`,
      at.lineOf(['toolchain', key])
    )
  return value as string[]
}

function optionalString(value: TomlValue | undefined, key: string, file: string, at: KeyLocator) {
  if (value === undefined || typeof value === 'string') return value
  return fail(
    file,
    `\`toolchain.${key}\` must be a string.`,
    `Write it in quotes: \`${key} = "…"\`.`,
    at.lineOf(['toolchain', key])
  )
}

function tomlForm(text: string, file: string): ToolchainFileSpec {
  const doc: TomlObject = parseToml(text, file)
  const at = new KeyLocator(text)
  const section = doc.toolchain
  if (section === undefined || typeof section !== 'object' || Array.isArray(section) || section === null)
    fail(
      file,
      section === undefined ? 'the `[toolchain]` section is missing.' : '`toolchain` must be a table.',
      'Start the file with `[toolchain]`, then `channel = "stable"` (or the release the project needs).',
      at.lineOf(['toolchain'])
    )
  const table = section as TomlObject
  const channel = optionalString(table.channel, 'channel', file, at)
  const path = optionalString(table.path, 'path', file, at)
  const profile = optionalString(table.profile, 'profile', file, at)
  const components = stringList(table.components, 'components', file, at)
  const targets = stringList(table.targets, 'targets', file, at)
  const line = (key: string) => at.lineOf(['toolchain', key])
  if (
    channel === undefined &&
    path === undefined &&
    table.components === undefined &&
    table.targets === undefined
  )
    fail(
      file,
      'the `[toolchain]` section names no toolchain properties.',
      'Add `channel = "stable"` (or the release the project needs) under `[toolchain]`.',
      line('toolchain')
    )
  if (channel !== undefined && path !== undefined)
    fail(
      file,
      `\`channel\` (${channel}) and \`path\` (${path}) cannot both be given.`,
      'Keep one: `channel` for a rustup toolchain, `path` for a toolchain folder.',
      line('path')
    )
  if (path !== undefined && !isAbsolute(path))
    fail(
      file,
      `\`path\` must be absolute, not \`${path}\`: rustup refuses relative toolchain paths.`,
      'Give the toolchain folder’s absolute path, or use `channel` instead.',
      line('path')
    )
  if (
    path !== undefined &&
    (profile !== undefined || table.components !== undefined || table.targets !== undefined)
  )
    fail(
      file,
      '`components`, `targets` and `profile` cannot be used with a `path` toolchain.',
      'Remove them: a toolchain folder already has its components.',
      line('path')
    )
  if (profile !== undefined && !(PROFILES as readonly string[]).includes(profile))
    fail(file, `unknown profile \`${profile}\`.`, `Use one of ${PROFILES.join(', ')}.`, line('profile'))
  return {
    ...(channel !== undefined ? { channel: checkName(channel, file, line('channel')) } : {}),
    ...(path !== undefined ? { path } : {}),
    components,
    targets,
    ...(profile !== undefined ? { profile } : {})
  }
}

/**
 * Parses a toolchain file's text. `file` names it in errors, and its name picks the forms: only
 * the legacy `rust-toolchain` may be a single line without TOML, as in rustup.
 */
export function parseToolchainFile(text: string, file: string): ToolchainFileSpec {
  const lines = lineCount(text)
  if (lines === 0) return emptyFile(file)
  const legacy = basename(file) === 'rust-toolchain'
  if (lines === 1 && legacy) return oneLine(text, file)
  if (lines === 1 && /^[^=[#]+$/.test(text.trim()))
    fail(
      file,
      `a bare toolchain name (\`${text.trim()}\`) is not TOML: only the legacy \`rust-toolchain\` file may hold one.`,
      `Write \`[toolchain]\` then \`channel = "${text.trim()}"\`, or rename the file to rust-toolchain.`,
      1
    )
  return tomlForm(text, file)
}
