/** `[package]` (or the pre-2018 `[project]`) → PackageMeta, with cargo's defaults and checks. */
import { EDITIONS, type Edition } from '@shared/models/package'
import { checkVersion } from '@shared/rules/semver'
import type { BuildSetting, PackageMeta } from './model'
import { PACKAGE_KEYS } from './known-keys'
import type { TableReader } from './table-reader'
import { tomlToJson } from './toml-json'

export function readEdition(t: TableReader, key = 'edition'): Edition | undefined {
  const raw = t.raw(key)
  if (!raw) return undefined
  const text = raw.value
  // cargo reads `edition = 2021` (a number) as a type error, not as "2021".
  if (typeof text === 'bigint' || typeof text === 'number')
    throw t.error(
      key,
      `\`${key}\` must be a string, but it is a number.`,
      `Write \`${key} = "${String(text)}"\`.`
    )
  if (typeof text !== 'string') throw t.error(key, `\`${key}\` must be a string.`)
  if (!(EDITIONS as readonly string[]).includes(text)) {
    throw t.error(
      key,
      `Unknown edition \`${text}\` in \`${key}\`.`,
      `Use one of ${EDITIONS.map((e) => `"${e}"`).join(', ')}.`
    )
  }
  return text as Edition
}

/** Inheritance is filled in before reading (inherit-workspace.ts); one left here had no workspace to read. */
function rejectInherited(t: TableReader, key: string): void {
  const v = t.table[key]
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && 'workspace' in v) {
    throw t.error(
      key,
      `\`package.${key}\` is inherited from a workspace (\`${key}.workspace = true\`), but no workspace root was read for it.`,
      'Write the value here, or open the package inside its workspace.'
    )
  }
}

function readBuild(t: TableReader): BuildSetting {
  const raw = t.raw('build')
  if (!raw) return { type: 'auto' }
  const v = raw.value
  if (typeof v === 'boolean') return v ? { type: 'script', path: 'build.rs' } : { type: 'none' }
  if (typeof v === 'string') {
    // Today `build` names a Rust build script; in the 2014 format it was a command such as "make".
    return v.endsWith('.rs') ? { type: 'script', path: v } : { type: 'command', command: v }
  }
  throw t.error(
    'build',
    '`package.build` must be a path to a build script, `true`/`false`, or (2014 format) a command.'
  )
}

function validateName(t: TableReader, name: string): void {
  if (name.trim() === '') throw t.error('name', '`package.name` cannot be empty.')
  const bad = [...name].find((c) => !/[A-Za-z0-9_-]/.test(c) && !/\p{XID_Continue}/u.test(c))
  if (bad !== undefined)
    throw t.error(
      'name',
      `Invalid character \`${bad}\` in package name \`${name}\`.`,
      'Use letters, digits, `-` and `_`.'
    )
  if (/^[0-9]/.test(name))
    throw t.error('name', `Invalid package name \`${name}\`: the name cannot start with a digit.`)
}

function readPublish(t: TableReader): readonly string[] | undefined {
  const raw = t.raw('publish')
  if (!raw) return undefined
  if (raw.value === true) return undefined
  if (raw.value === false) return []
  return t.stringArray('publish')
}

function readResolver(t: TableReader): string | undefined {
  const resolver = t.string('resolver')
  if (resolver !== undefined && !['1', '2', '3'].includes(resolver))
    throw t.error('resolver', `Unknown resolver \`${resolver}\`.`, 'Use "1", "2" or "3".')
  return resolver
}

export function readPackageTable(t: TableReader): PackageMeta {
  for (const key of [
    'name',
    'version',
    'edition',
    'authors',
    'description',
    'license',
    'keywords',
    'categories',
    'publish'
  ])
    rejectInherited(t, key)
  const name = t.string('name')
  if (name === undefined)
    throw t.error(undefined, 'The `[package]` table has no `name`.', 'Add `name = "my-package"`.')
  validateName(t, name)
  const version = t.string('version') ?? '0.0.0'
  const bad = checkVersion(version)
  if (bad) throw t.error('version', `${bad} (in \`package.version\`)`)
  const edition = readEdition(t)
  const meta: PackageMeta = {
    name,
    version,
    edition: edition ?? '2015',
    editionExplicit: edition !== undefined,
    authors: t.stringArray('authors') ?? [],
    description: t.string('description'),
    license: t.string('license'),
    licenseFile: t.string('license-file'),
    homepage: t.string('homepage'),
    repository: t.string('repository'),
    documentation: t.string('documentation'),
    readme: typeof t.table.readme === 'string' ? t.string('readme') : undefined,
    rustVersion: t.string('rust-version'),
    links: t.string('links'),
    defaultRun: t.string('default-run'),
    build: readBuild(t),
    autobins: t.bool('autobins'),
    autoexamples: t.bool('autoexamples'),
    autotests: t.bool('autotests'),
    autobenches: t.bool('autobenches'),
    keywords: t.stringArray('keywords') ?? [],
    categories: t.stringArray('categories') ?? [],
    publish: readPublish(t),
    metadata: t.has('metadata') ? tomlToJson(t.raw('metadata')!.value) : undefined,
    include: t.stringArray('include'),
    exclude: t.stringArray('exclude'),
    resolver: readResolver(t)
  }
  t.warnUnused(PACKAGE_KEYS)
  return meta
}
