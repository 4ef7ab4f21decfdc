/**
 * Workspaces that cargo refuses: we refuse them too, with one clear error that names the file
 * (and the line where there is one), and write nothing. Each case runs through the real cargo
 * first, so the refusal is cargo's and not ours alone.
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { requireCargoAndRegistry, runCargo, runCli } from '../../helpers/cargo-offline'
import { fileTempDir, tempDir } from '../../helpers/temp-dir'
import { writeFiles } from '../tree/fixtures'

const pkg = (name: string, extra = '') =>
  `[package]\nname = "${name}"\nversion = "0.1.0"\nedition = "2021"\n${extra}`

interface Case {
  readonly name: string
  readonly files: Readonly<Record<string, string>>
  /** Where the command runs. */
  readonly cwd: string
  readonly message: RegExp
  /** The file the error names, and its line when it has one. */
  readonly file: string
  readonly line?: number
}

const CASES: readonly Case[] = [
  {
    name: 'a package inside a workspace that does not list it',
    files: { 'Cargo.toml': '[workspace]\nmembers = []\n', 'm/Cargo.toml': pkg('m'), 'm/src/lib.rs': '' },
    cwd: 'm',
    message: /current package believes it's in a workspace when it's not/,
    file: 'm/Cargo.toml'
  },
  {
    name: 'a member folder without a Cargo.toml',
    files: {
      'Cargo.toml': '[workspace]\nmembers = ["m", "nope"]\n',
      'm/Cargo.toml': pkg('m'),
      'm/src/lib.rs': ''
    },
    cwd: '.',
    message: /failed to load manifest for workspace member `.*\/nope`/,
    file: 'Cargo.toml'
  },
  {
    name: 'an inherited field the workspace does not define',
    files: {
      'Cargo.toml': '[workspace]\nmembers = ["m"]\n',
      'm/Cargo.toml': '[package]\nname = "m"\nversion.workspace = true\nedition = "2021"\n',
      'm/src/lib.rs': ''
    },
    cwd: 'm',
    message: /error inheriting `version` from workspace root manifest's `workspace.package.version`/,
    file: 'm/Cargo.toml',
    line: 3
  },
  {
    name: 'an inherited dependency without [workspace.dependencies]',
    files: {
      'Cargo.toml': '[workspace]\nmembers = ["m"]\n',
      'm/Cargo.toml': pkg('m', '\n[dependencies]\nitoa = { workspace = true }\n'),
      'm/src/lib.rs': ''
    },
    cwd: 'm',
    message: /`workspace.dependencies` was not defined/,
    file: 'm/Cargo.toml',
    line: 7
  },
  {
    name: 'an inherited dependency the workspace does not list',
    files: {
      'Cargo.toml': '[workspace]\nmembers = ["m"]\n[workspace.dependencies]\nlog = "0.4"\n',
      'm/Cargo.toml': pkg('m', '\n[dependencies]\nitoa.workspace = true\n'),
      'm/src/lib.rs': ''
    },
    cwd: 'm',
    message: /`dependency.itoa` was not found in `workspace.dependencies`/,
    file: 'm/Cargo.toml',
    line: 7
  },
  {
    name: '`workspace = false`',
    files: {
      'Cargo.toml': '[workspace]\nmembers = ["m"]\n[workspace.dependencies]\nitoa = "1"\n',
      'm/Cargo.toml': pkg('m', '\n[dependencies]\nitoa = { workspace = false }\n'),
      'm/src/lib.rs': ''
    },
    cwd: 'm',
    message: /`workspace` cannot be false/,
    file: 'm/Cargo.toml',
    line: 7
  },
  {
    name: 'an optional workspace dependency',
    files: {
      'Cargo.toml':
        '[workspace]\nmembers = ["m"]\n\n[workspace.dependencies]\nitoa = { version = "1", optional = true }\n',
      'm/Cargo.toml': pkg('m', '\n[dependencies]\nitoa.workspace = true\n'),
      'm/src/lib.rs': ''
    },
    cwd: 'm',
    message: /itoa is optional, but workspace dependencies cannot be optional/,
    file: 'Cargo.toml',
    line: 5
  },
  {
    name: 'a default member that is not a member',
    files: {
      'Cargo.toml': '[workspace]\nmembers = ["m"]\ndefault-members = ["x"]\n',
      'm/Cargo.toml': pkg('m'),
      'm/src/lib.rs': '',
      'x/Cargo.toml': pkg('x'),
      'x/src/lib.rs': ''
    },
    cwd: '.',
    message: /is listed in default-members but is not a member/,
    file: 'Cargo.toml',
    line: 3
  },
  {
    name: 'two members with one name',
    files: {
      'Cargo.toml': '[workspace]\nmembers = ["a", "b"]\n',
      'a/Cargo.toml': pkg('same'),
      'a/src/lib.rs': '',
      'b/Cargo.toml': pkg('same'),
      'b/src/lib.rs': ''
    },
    cwd: '.',
    message: /two packages named `same` in this workspace/,
    file: 'b/Cargo.toml'
  },
  {
    name: 'a member that is a workspace root of its own',
    files: {
      'Cargo.toml': '[workspace]\nmembers = ["inner"]\n',
      'inner/Cargo.toml': pkg('inner', '\n[workspace]\n'),
      'inner/src/lib.rs': ''
    },
    cwd: '.',
    message: /multiple workspace roots found in the same workspace/,
    file: 'inner/Cargo.toml'
  },
  {
    name: 'an edition-2024 member turning off default features the workspace keeps on',
    files: {
      'Cargo.toml': '[workspace]\nmembers = ["m"]\n[workspace.dependencies]\nlog = "0.4"\n',
      'm/Cargo.toml':
        '[package]\nname = "m"\nversion = "0.1.0"\nedition = "2024"\n\n[dependencies]\nlog = { workspace = true, default-features = false }\n',
      'm/src/lib.rs': ''
    },
    cwd: 'm',
    message: /`default-features = false` cannot override workspace's `default-features`/,
    file: 'm/Cargo.toml',
    line: 7
  },
  {
    name: 'a dependency section in a virtual manifest',
    files: { 'Cargo.toml': '[workspace]\nmembers = []\n\n[dependencies]\nitoa = "1"\n' },
    cwd: '.',
    message: /virtual manifest specifies a `dependencies` section, which is not allowed/,
    file: 'Cargo.toml',
    line: 4
  }
]

let cargoHome: string

beforeAll(async () => {
  await requireCargoAndRegistry(['itoa', 'log'])
  cargoHome = await fileTempDir('cs-ws-err-home-')
})

describe('workspaces cargo refuses', () => {
  it.each(CASES.map((c) => [c.name, c]))('%s', async (_name, c) => {
    const dir = await tempDir()
    await writeFiles(dir, c.files)
    const cwd = join(dir, c.cwd)
    const cargo = await runCargo(['metadata', '--format-version', '1'], cwd, cargoHome)
    expect(cargo.exitCode, 'cargo refuses it too').not.toBe(0)

    const before = await readdir(dir, { recursive: true })
    const ours = await runCli(['metadata', '--format-version', '1', '--offline'], cwd)
    expect(ours.exitCode).toBe(101)
    expect(ours.stdout).toBe('')
    expect(ours.stderr).toMatch(c.message)
    expect(ours.stderr).toContain(`${join(dir, c.file)}${c.line ? `:${c.line}` : ''}`)
    expect(ours.stderr).not.toMatch(/\n\s+at /)
    // Nothing written: no Cargo.lock, no target/.
    expect(await readdir(dir, { recursive: true })).toEqual(before)
  })
})
