/**
 * `crate-studio add/remove` against the real `cargo add/remove`: the same arguments on identical
 * copies must leave byte-identical Cargo.toml files (cargo also writes Cargo.lock; only the
 * manifest is compared). cargo runs offline against Debian's crate directory. cargo turns CRLF
 * into LF and drops a BOM; we keep both, so those cases compare after normalizing ours.
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import { beforeAll, describe, expect, it } from 'vitest'
import { offlinePackage, requireCargoAndRegistry, runCargo, runCli } from '../helpers/cargo-offline'
import { fileTempDir } from '../helpers/temp-dir'

const PKG = '[package]\nname = "demo"\nversion = "0.1.0"\nedition = "2021"\n'
const SIBLING =
  '[package]\nname = "sib"\nversion = "0.3.1"\nedition = "2021"\n\n[features]\nfoo = []\nbar = []\ndefault = ["foo"]\n'

interface Case {
  readonly name: string
  readonly manifest: string
  readonly args: readonly string[]
  /** cargo cannot clone even a file:// repository with --offline. */
  readonly online?: boolean
  readonly encoding?: 'crlf' | 'bom'
  /** Both must fail and leave the file alone. */
  readonly fails?: boolean
  /** Compare the human output too (where cargo's does not come from a registry). */
  readonly output?: boolean
}

const add = (name: string, manifest: string, ...args: string[]): Case => ({
  name,
  manifest,
  args: ['add', ...args]
})
const remove = (name: string, manifest: string, ...args: string[]): Case => ({
  name,
  manifest,
  args: ['remove', ...args]
})

const DEPS = `${PKG}\n[dependencies]\nitoa = "1"\n`
const FEATURES = `${PKG}
[dependencies]
itoa = "1"
serde = { version = "1", optional = true }

[features]
default = ["x"]
x = ["dep:serde", "serde/std", "other"]
y = [
  "serde?/derive", # keeps this comment
  "other",
]
z = [ "other", "dep:serde" ]
w = ["serde/std"]
other = []
`

const CASES: readonly Case[] = [
  add('plain version', DEPS, 'serde@1'),
  add('@req with an operator', DEPS, 'serde@~1.0.100'),
  add('@req with a full version', DEPS, 'anyhow@1.0.69'),
  add('features', DEPS, 'serde@1', '--features', 'derive,std'),
  add('features, space separated and repeated', DEPS, 'serde@1', '-F', 'derive std', '-F', 'alloc'),
  add('--no-default-features', DEPS, 'serde@1', '--no-default-features'),
  add('--optional writes the feature', DEPS, 'serde@1', '--optional'),
  add(
    '--optional with a [features] table',
    `${DEPS}\n[features]\nzz = []\naa = []\n`,
    'serde@1',
    '--optional'
  ),
  add(
    '--optional when dep: already names it',
    `${PKG}\n[dependencies]\nitoa = "1"\n\n[target.'cfg(unix)'.dependencies]\nserde = { version = "1", optional = true }\n\n[features]\nx = ["dep:serde"]\n`,
    'serde@1',
    '--optional'
  ),
  add(
    '--optional under rust-version 1.56',
    `${PKG}rust-version = "1.56"\n\n[dependencies]\nitoa = "1"\n`,
    'serde@1',
    '--optional'
  ),
  add(
    'everything at once',
    `${DEPS}\n[features]\nx = []\n\n[profile.release]\nlto = true\n`,
    'serde@1',
    '--rename',
    's',
    '--no-default-features',
    '--features',
    'derive,std',
    '--optional'
  ),
  add('--rename', DEPS, 'serde@1', '--rename', 'serde1'),
  add('--dev', DEPS, 'serde@1', '--dev'),
  add('--build', DEPS, 'serde@1', '--build'),
  add("--target 'cfg(unix)'", DEPS, 'serde@1', '--target', 'cfg(unix)'),
  add(
    '--target into an existing literal-quoted platform',
    `${PKG}\n[target.'cfg(unix)'.dev-dependencies]\nitoa = "1"\n\n[features]\nx = []\n`,
    'serde@1',
    '--target',
    'cfg(unix)'
  ),
  add(
    '--target placed after the last target table',
    `${PKG}\n[target.'cfg(windows)'.dependencies]\nitoa = "1"\n\n[features]\nx = []\n\n[target.'cfg(windows)'.dev-dependencies]\nitoa = "1"\n`,
    'serde@1',
    '--target',
    'cfg(unix)'
  ),
  { ...add('--path reads the package', DEPS, '--path', '../sib'), output: true },
  { ...add('--path --dev leaves the version out', DEPS, '--path', '../sib', '--dev'), output: true },
  {
    ...add(
      '--path with a name, rename and features',
      DEPS,
      'sib',
      '--path',
      '../sib',
      '--rename',
      's2',
      '--features',
      'bar'
    ),
    output: true
  },
  add('several crates at once', DEPS, 'serde@1', 'anyhow@1', 'memchr@2', '-F', 'serde@1/derive'),
  add(
    'sorted table: goes in order',
    `${PKG}\n[dependencies]\nanyhow = "1"\nitoa = "1"\nmemchr = "2"\n`,
    'libc@0.2'
  ),
  add('unsorted table: appended', `${PKG}\n[dependencies]\nmemchr = "2"\nanyhow = "1"\n`, 'libc@0.2'),
  add(
    'sorted table sorts dotted keys too',
    `${PKG}\n[dependencies]\nanyhow = "1"\nserde.version = "1"\nserde.features = ["derive"]\n`,
    'itoa@1'
  ),
  add(
    'interleaved dotted keys are grouped',
    `${PKG}\n[dependencies]\nitoa = "1"\nserde.version = "1"\nanyhow = "1"\nserde.features = ["derive"]\n`,
    'libc@0.2'
  ),
  add('no [dependencies] yet', PKG, 'serde@1'),
  add('no [dependencies], a trailing comment stays last', `${PKG}# the end\n`, 'serde@1', '--dev'),
  add('empty table with a comment', `${PKG}\n[dependencies]\n# none yet\n\n[features]\nx = []\n`, 'serde@1'),
  add(
    'comments around the insertion point',
    `${PKG}\n[dependencies]\nanyhow = "1" # why\n# about memchr\nmemchr = "2"\n# trailing\n\n[features]\nx = []\n`,
    'itoa@1'
  ),
  add('no newline at the end', `${PKG}\n[dependencies]\nitoa = "1"  `, 'serde@1', 'anyhow@1'),
  add(
    'existing string entry keeps its comment',
    `${PKG}\n[dependencies]\nserde = "1" # keep me\nitoa = "1"\n`,
    'serde',
    '--features',
    'derive'
  ),
  add(
    'existing inline table is updated in place',
    `${PKG}\n[dependencies]\nserde = {version="1" , default-features=false,features=["std"], foo = 1 }  # c\n`,
    'serde@1.0',
    '--features',
    'derive'
  ),
  add(
    'existing [dependencies.serde] table',
    `${PKG}\n[dependencies.serde]\n# lead\nversion = "1" # v\nfeatures = [ "std" ]\n\n[features]\nx = []\n`,
    'serde',
    '--features',
    'derive,alloc',
    '--optional'
  ),
  add(
    'one-key [dependencies.serde] becomes a value',
    `${PKG}\n[dependencies]\nanyhow = "1"\n\n[dependencies.serde]\nversion = "1"\n\n[features]\nx = []\n`,
    'serde',
    '--features',
    'derive'
  ),
  add(
    'implicit [dependencies] gets its header',
    `${PKG}\n[dependencies.serde]\nversion = "1"\n\n[features]\nx = []\n`,
    'itoa@1'
  ),
  add(
    'dotted entry with one key',
    `${PKG}\n[dependencies]\nanyhow = "1"\nserde.version = "1"\nmemchr = "2"\n`,
    'serde',
    '--features',
    'derive'
  ),
  add(
    'dotted entry gaining features becomes a table',
    `${PKG}\n[dependencies]\nanyhow = "1"\nserde.version = "1"\nserde.default-features = false\nitoa = "1"\n`,
    'serde',
    '--features',
    'derive'
  ),
  add(
    'dotted entry with a new version',
    `${PKG}\n[dependencies]\nanyhow = "1"\nserde.version = "1"\nserde.default-features = false\nitoa = "1"\n`,
    'serde@1.0'
  ),
  add(
    'existing optional stays optional',
    `${PKG}\n[dependencies]\nserde = { version = "1", optional = true }\n\n[features]\nx = ["dep:serde"]\n`,
    'serde@1.0.100'
  ),
  add(
    'version taken from another table',
    `${PKG}\n[dependencies]\nserde = { version = "1" }\n\n[dev-dependencies]\nserde = { version = "1.0", features = ["derive"] }\n`,
    'serde',
    '--build'
  ),
  add(
    'unknown keys are kept',
    `${PKG}\n[dependencies.serde]\nversion = "1"\nfrobnicate = true\n`,
    'serde@1.0.100',
    '--no-default-features'
  ),
  {
    ...add(
      'CRLF file',
      `${PKG}\n[dependencies]\nitoa = "1" # c\n# tail\n\n[features]\nx = []\n`,
      'serde@1',
      '--optional'
    ),
    encoding: 'crlf'
  },
  { ...add('CRLF file without [dependencies]', PKG, 'serde@1'), encoding: 'crlf' },
  { ...add('BOM file', `${PKG}\n[dependencies]\nitoa = "1"`, 'serde@1'), encoding: 'bom' },
  { ...add('git repository', DEPS, '--git', 'GIT_REPO'), online: true },
  {
    ...add('git tag, name and rename', DEPS, 'sib', '--git', 'GIT_REPO', '--tag', 'v1', '--rename', 's'),
    online: true
  },
  {
    ...add('git branch as a dev-dependency', DEPS, '--git', 'GIT_REPO', '--branch', 'main', '--dev'),
    online: true
  },
  {
    ...add(
      'a legacy dev_dependencies section is refused',
      `${PKG}\n[dev_dependencies]\nitoa = "1"\n`,
      'serde@1'
    ),
    fails: true
  },

  remove('plain', `${PKG}\n[dependencies]\nanyhow = "1"\nserde = "1"\nitoa = "1"\n`, 'serde'),
  remove(
    'the lines a key owns go with it',
    `${PKG}\n[dependencies]\nanyhow = "1"\n\n# about serde\nserde = "1" # x\nitoa = "1"\n`,
    'serde'
  ),
  remove(
    'the last entry takes its table along',
    `${PKG}\n[dependencies]\n# about serde\nserde = "1"\n# trailing\n\n[features]\nx = []\n`,
    'serde'
  ),
  remove('an optional dependency and its feature values', FEATURES, 'serde'),
  remove(
    'its implicit feature and a comment line in an array',
    `${PKG}\n[dependencies]\nitoa = "1"\nserde = { version = "1", optional = true }\n\n[features]\ndefault = ["serde"]\nx = ["serde/std", "other"]\ny = [\n  "other",\n  # lead\n  "serde?/derive", # c\n]\nother = []\n`,
    'serde'
  ),
  remove(
    'weak values become strong while it stays elsewhere',
    `${PKG}\n[dependencies]\nitoa = "1"\nserde = { version = "1", optional = true }\n\n[dev-dependencies]\nserde = "1"\n\n[features]\nx = ["serde?/derive", "other", "dep:serde"]\nother = []\n`,
    'serde'
  ),
  remove(
    'several, with the optional feature entry',
    `${PKG}\n[dependencies]\nitoa = "1"\nserde = { version = "1", optional = true }\nanyhow = { version = "1", optional = true }\n\n[features]\nfull = ["serde", "anyhow/std", "serde/std"]\n`,
    'serde',
    'anyhow'
  ),
  remove('--dev', `${DEPS}\n[dev-dependencies]\nserde = "1"\nanyhow = "1"\n`, 'serde', '--dev'),
  remove('--build empties its table', `${DEPS}\n[build-dependencies]\nserde = "1"\n`, 'serde', '--build'),
  remove(
    "--target 'cfg(unix)'",
    `${DEPS}\n[target.'cfg(unix)'.dependencies]\nserde = "1"\n\n[target.'cfg(unix)'.dev-dependencies]\nanyhow = "1"\n`,
    'serde',
    '--target',
    'cfg(unix)'
  ),
  remove(
    'a [dependencies.serde] table',
    `${PKG}\n# pre\n[dependencies.serde]\nversion = "1"\n\n[dependencies.itoa]\nversion = "1"\n# tail\n`,
    'serde'
  ),
  remove(
    'the only [dependencies.serde] table',
    `${PKG}\n[dependencies.serde]\nversion = "1"\n\n[features]\nx = []\n`,
    'serde'
  ),
  remove(
    'an emptied header stays while sub-tables remain',
    `${PKG}\n[dependencies]\nserde = "1"\n\n[dependencies.itoa]\nversion = "1"\n`,
    'serde'
  ),
  remove(
    'dotted keys, wherever they are',
    `${PKG}\n[dependencies]\nitoa = "1"\nserde.version = "1"\nanyhow = "1"\nserde.features = ["derive"]\n`,
    'serde'
  ),
  remove(
    'profile and replace clean-up',
    `${PKG}\n[dependencies]\nserde = "1"\nitoa = "1"\n\n[profile.release]\n\n[profile.dev]\nopt-level = 1\n\n[profile.dev.package.itoa]\nopt-level = 3\n\n[profile.dev.package.serde]\nopt-level = 3\n\n[profile.dev.package."*"]\nopt-level = 2\n`,
    'serde'
  ),
  { ...remove('a missing dependency fails', DEPS, 'serde'), fails: true },
  {
    ...remove(
      'CRLF file',
      `${PKG}\n[dependencies]\nserde = "1"\nitoa = "1"\n\n[features]\nx = []\n`,
      'serde'
    ),
    encoding: 'crlf'
  },
  { ...remove('BOM file', `${PKG}\n[dependencies]\nserde = "1"\nitoa = "1"\n`, 'itoa'), encoding: 'bom' }
]

function encode(text: string, encoding: Case['encoding']): string {
  if (encoding === 'crlf') return text.replaceAll('\n', '\r\n')
  if (encoding === 'bom') return `\uFEFF${text}`
  return text
}

let shared: string
let gitRepo: string

beforeAll(async () => {
  await requireCargoAndRegistry(['serde', 'serde_derive', 'anyhow', 'itoa', 'memchr', 'libc'])
  shared = await fileTempDir('cs-diff-')
  await mkdir(join(shared, 'sib', 'src'), { recursive: true })
  await writeFile(join(shared, 'sib', 'Cargo.toml'), SIBLING)
  await writeFile(join(shared, 'sib', 'src', 'lib.rs'), '')
  gitRepo = join(shared, 'gitrepo')
  await cp(join(shared, 'sib'), gitRepo, { recursive: true })
  const git = (...args: string[]) =>
    execa(
      'git',
      ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'init.defaultBranch=main', ...args],
      { cwd: gitRepo }
    )
  await git('init', '-q')
  await git('add', '-A')
  await git('commit', '-qm', 'init')
  await git('tag', 'v1')
})

describe.concurrent('crate-studio add/remove write the bytes cargo writes', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    // Per-file directories: tempDir's after-each clean-up would race the concurrent cases.
    const root = await fileTempDir('cs-diff-case-')
    const input = encode(c.manifest, c.encoding)
    const args = c.args.map((a) => (a === 'GIT_REPO' ? `file://${gitRepo}` : a))
    const theirs = await offlinePackage(join(root, 'cargo', 'demo'), input)
    const ours = await offlinePackage(join(root, 'ours', 'demo'), input)
    for (const side of ['cargo', 'ours'])
      await cp(join(shared, 'sib'), join(root, side, 'sib'), { recursive: true })
    const cargo = await runCargo(args, theirs, join(root, 'cargo-home'), !c.online)
    const cli = await runCli(args, ours)
    const expected = await readFile(join(theirs, 'Cargo.toml'), 'utf8')
    const actual = await readFile(join(ours, 'Cargo.toml'), 'utf8')
    if (c.fails) {
      expect(cargo.exitCode, cargo.stderr).not.toBe(0)
      expect(cli.exitCode, cli.stderr).not.toBe(0)
      expect(actual).toBe(input)
      return
    }
    expect(cargo.exitCode, cargo.stderr).toBe(0)
    expect(cli.exitCode, cli.stderr).toBe(0)
    // add and remove bring Cargo.lock up to date as cargo's do: the same lines, the same lock.
    if (c.output || c.args[0] === 'remove') expect(cli.stderr).toBe(cargo.stderr)
    expect(await readFile(join(ours, 'Cargo.lock'), 'utf8')).toBe(
      await readFile(join(theirs, 'Cargo.lock'), 'utf8')
    )
    if (c.encoding === 'crlf') {
      expect(actual.replaceAll('\r\n', '\n')).toBe(expected)
      expect(actual.replaceAll('\r\n', '')).not.toContain('\n')
    } else if (c.encoding === 'bom') {
      expect(actual.startsWith('\uFEFF')).toBe(true)
      expect(actual.slice(1)).toBe(expected)
    } else {
      expect(actual).toBe(expected)
    }
  })
})
