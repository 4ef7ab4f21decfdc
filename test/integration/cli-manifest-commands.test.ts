/**
 * `crate-studio add`, `remove` and `set-version` as a user runs them (the built launcher): exit
 * statuses, cargo-style lines, clear errors with file and line, and files written whole, with
 * their line endings, BOM and mode kept. (Byte-for-byte agreement with cargo itself is
 * cargo-edit-differential.test.ts.)
 */
import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  OFFLINE_CONFIG,
  offlinePackage,
  requireCargoAndRegistry,
  runCargo,
  runCli
} from '../helpers/cargo-offline'
import { FIXTURES } from '../helpers/fixtures'
import { fileTempDir } from '../helpers/temp-dir'

const PKG = '[package]\nname = "demo"\nversion = "0.1.0"\nedition = "2021"\n'

/** A package whose crates.io is Debian's crate directory (add looks versions up there, as cargo does). */
async function pkg(manifest: string | Buffer): Promise<string> {
  const dir = await fileTempDir('cs-cli-edit-')
  await writeFile(join(dir, 'Cargo.toml'), manifest)
  await mkdir(join(dir, '.cargo'))
  await writeFile(join(dir, '.cargo', 'config.toml'), OFFLINE_CONFIG)
  // add resolves afterwards, as cargo does, and a package needs a crate for that.
  await mkdir(join(dir, 'src'))
  await writeFile(join(dir, 'src', 'lib.rs'), '')
  return dir
}

beforeAll(async () => {
  await requireCargoAndRegistry(['itoa', 'serde', 'serde_derive', 'anyhow'])
})

describe.concurrent('crate-studio add', () => {
  it('adds a versioned crate with cargo’s status lines', async () => {
    const dir = await pkg(`${PKG}\n[dependencies]\nitoa = "1"\n`)
    const r = await runCli(['add', 'serde@1.0', '--features', 'derive', '--optional'], dir)
    expect(r.exitCode, r.stderr).toBe(0)
    expect(r.stderr).toBe(
      [
        '      Adding serde v1.0 to optional dependencies',
        '             Features as of v1.0.152:',
        '             + derive',
        '             + serde_derive',
        '             + std',
        '             - alloc',
        '             - rc',
        '             - unstable',
        '      Adding feature `serde`',
        '     Locking 7 packages to latest compatible versions'
      ].join('\n')
    )
    expect(await readFile(join(dir, 'Cargo.toml'), 'utf8')).toBe(
      `${PKG}\n[dependencies]\nitoa = "1"\nserde = { version = "1.0", features = ["derive"], optional = true }\n\n[features]\nserde = ["dep:serde"]\n`
    )
  })

  it('says clearly when the registry cannot be asked, and leaves the manifest alone', async () => {
    // No .cargo/config.toml: crates.io itself, which --offline cannot reach.
    const dir = await fileTempDir('cs-cli-edit-')
    await writeFile(join(dir, 'Cargo.toml'), `${PKG}\n[dependencies]\n`)
    const r = await runCli(['add', 'serde', '--offline'], dir)
    expect(r.exitCode).toBe(101)
    expect(r.stderr).toMatch(/error: .*serde.*not .*cache|error: .*offline/i)
    expect(r.stderr).not.toMatch(/\n\s+at /)
    expect(await readFile(join(dir, 'Cargo.toml'), 'utf8')).toBe(`${PKG}\n[dependencies]\n`)
  })

  it('refuses a version the registry does not have, as cargo add does', async () => {
    const dir = await pkg(`${PKG}\n[dependencies]\n`)
    const r = await runCli(['add', 'itoa@0.9'], dir)
    expect(r.exitCode).toBe(101)
    expect(r.stderr).toContain('the crate `itoa@0.9` could not be found in registry index.')
    expect(await readFile(join(dir, 'Cargo.toml'), 'utf8')).toBe(`${PKG}\n[dependencies]\n`)
  })

  it('refuses to change the manifest under --locked, as cargo add does', async () => {
    const dir = await pkg(`${PKG}\n[dependencies]\n`)
    const r = await runCli(['add', 'serde@1', '--locked'], dir)
    expect(r.exitCode).toBe(101)
    expect(r.stderr).toContain('needs to be updated but --locked was passed to prevent this')
    expect(await readFile(join(dir, 'Cargo.toml'), 'utf8')).toBe(`${PKG}\n[dependencies]\n`)
  })

  it('picks the newest version from the configured registry, as cargo add does', async () => {
    const manifest = `${PKG}\n[dependencies]\n`
    const ours = await offlinePackage(join(await fileTempDir('cs-add-latest-'), 'demo'), manifest)
    const theirs = await offlinePackage(join(await fileTempDir('cs-add-latest-'), 'demo'), manifest)
    const r = await runCli(['add', 'itoa', 'serde_derive'], ours)
    expect(r.exitCode, r.stderr).toBe(0)
    expect(r.stderr).toMatch(/Adding itoa v1\.0\.\d+ to dependencies/)
    const c = await runCargo(['add', 'itoa', 'serde_derive'], theirs, join(theirs, '..', 'cargo-home'))
    expect(c.exitCode, c.stderr).toBe(0)
    expect(await readFile(join(ours, 'Cargo.toml'), 'utf8')).toBe(
      await readFile(join(theirs, 'Cargo.toml'), 'utf8')
    )
  })

  it('reuses the version a crate already has elsewhere in the manifest', async () => {
    const dir = await pkg(`${PKG}\n[dependencies]\nserde = "1.0.100"\n`)
    const r = await runCli(['add', 'serde', '--dev'], dir)
    expect(r.exitCode, r.stderr).toBe(0)
    expect(await readFile(join(dir, 'Cargo.toml'), 'utf8')).toBe(
      `${PKG}\n[dependencies]\nserde = "1.0.100"\n\n[dev-dependencies]\nserde = "1.0.100"\n`
    )
  })

  it('keeps CRLF line endings, a BOM and the file mode', async () => {
    const dir = await pkg(
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(`${PKG}\n[dependencies]\nitoa = "1"\n`.replaceAll('\n', '\r\n'))
      ])
    )
    await chmod(join(dir, 'Cargo.toml'), 0o640)
    const r = await runCli(['add', 'anyhow@1'], dir)
    expect(r.exitCode, r.stderr).toBe(0)
    const bytes = await readFile(join(dir, 'Cargo.toml'))
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.subarray(3).toString('utf8')).toBe(
      `${PKG}\n[dependencies]\nanyhow = "1"\nitoa = "1"\n`.replaceAll('\n', '\r\n')
    )
    expect((await stat(join(dir, 'Cargo.toml'))).mode & 0o777).toBe(0o640)
  })

  it.each([
    [['add'], /required arguments were not provided/],
    [['add', 'serde@1', '--dev', '--build'], /'--dev' cannot be used with '--build'/],
    [['add', 'serde@1', '--tag', 'v1'], /'--tag' requires '--git'/],
    [['add', 'a@1', 'b@1', '--rename', 'x'], /cannot specify multiple crates with `--rename`/],
    [['add', 'serde@1', '--bogus'], /Unknown option '--bogus'/]
  ])('%j is a usage error (exit 1)', async (args, message) => {
    const dir = await pkg(PKG)
    const r = await runCli(args, dir)
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toMatch(message)
  })

  it.each([
    [
      ['add', 'serde@v1'],
      /error: invalid version requirement `v1`: unexpected character 'v' while parsing major version number/
    ],
    [['add', 'serde@1', '-F', 'a', 'x@1'], /must be qualified by the dependency/],
    [['add', '--path', 'nowhere'], /There is no Cargo.toml at/]
  ])('%j fails with a clear error (exit 101)', async (args, message) => {
    const dir = await pkg(PKG)
    const r = await runCli(args, dir)
    expect(r.exitCode).toBe(101)
    expect(r.stderr).toMatch(message)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('reads a git repository safely: unknown or option-like references are refused', async () => {
    const repo = await fileTempDir('cs-cli-git-')
    await writeFile(
      join(repo, 'Cargo.toml'),
      '[package]\nname = "lib-a"\nversion = "0.2.0"\nedition = "2021"\n'
    )
    const git = (...args: string[]) =>
      execa(
        'git',
        ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'init.defaultBranch=main', ...args],
        { cwd: repo }
      )
    await git('init', '-q')
    await git('add', '-A')
    await git('commit', '-qm', 'init')
    const dir = await pkg(PKG)
    const ok = await runCli(['add', '--git', `file://${repo}`], dir)
    expect(ok.exitCode, ok.stderr).toBe(0)
    expect(await readFile(join(dir, 'Cargo.toml'), 'utf8')).toContain(
      `lib-a = { git = "file://${repo}", version = "0.2.0" }`
    )
    const missing = await runCli(['add', '--git', `file://${repo}`, '--branch', 'nope'], dir)
    expect(missing.exitCode).toBe(101)
    expect(missing.stderr).toContain('error: The branch `nope` was not found in')
    const option = await runCli(['add', '--git', `file://${repo}`, '--rev=--output=/tmp/x'], dir)
    expect(option.exitCode).toBe(101)
    expect(option.stderr).toContain('Invalid git rev `--output=/tmp/x`')
  })

  it('reports a broken manifest with its file and line', async () => {
    const dir = await pkg(`${PKG}\n[dependencies]\nserde = { version = "1"\n`)
    const r = await runCli(['add', 'itoa@1'], dir)
    expect(r.exitCode).toBe(101)
    expect(r.stderr).toMatch(
      new RegExp(`^error: ${join(dir, 'Cargo.toml').replaceAll('/', '\\/')}:8(:\\d+)?: Could not parse`)
    )
  })
})

describe.concurrent('crate-studio remove', () => {
  it('removes with cargo’s status line', async () => {
    const dir = await pkg(`${PKG}\n[dependencies]\nitoa = "1"\nserde = "1"\n`)
    const r = await runCli(['remove', 'serde'], dir)
    expect(r.exitCode, r.stderr).toBe(0)
    expect(r.stderr).toBe('    Removing serde from dependencies')
    expect(await readFile(join(dir, 'Cargo.toml'), 'utf8')).toBe(`${PKG}\n[dependencies]\nitoa = "1"\n`)
  })

  it('names the table where a missing dependency actually is', async () => {
    const dir = await pkg(`${PKG}\n[dev-dependencies]\nserde = "1"\n`)
    const r = await runCli(['remove', 'serde'], dir)
    expect(r.exitCode).toBe(101)
    expect(r.stderr).toContain('error: ')
    expect(r.stderr).toContain('the dependency `serde` could not be found in `dependencies`')
    expect(r.stderr).toContain('note: a dependency with the same name exists in `dev-dependencies`')
  })

  it('needs a dependency name (exit 1)', async () => {
    const r = await runCli(['remove'], await pkg(PKG))
    expect(r.exitCode).toBe(1)
  })
})

describe.concurrent('crate-studio set-version', () => {
  it('changes only the version line, as cargo set-version does', async () => {
    const before = `${PKG}description = "x" # keep\n\n[dependencies]\nserde = { version = "0.1.0" }\n`
    const dir = await pkg(before)
    const r = await runCli(['set-version', '0.2.0-beta.1'], dir)
    expect(r.exitCode, r.stderr).toBe(0)
    expect(r.stderr).toBe('   Upgrading demo from 0.1.0 to 0.2.0-beta.1')
    expect(await readFile(join(dir, 'Cargo.toml'), 'utf8')).toBe(
      before.replace('version = "0.1.0"\n', 'version = "0.2.0-beta.1"\n')
    )
  })

  it.each([
    ['v1.0.0', /remove the leading `v`/],
    ['1.0', /expected MAJOR.MINOR.PATCH/]
  ])('refuses %s (exit 101), leaving the file alone', async (version, message) => {
    const dir = await pkg(PKG)
    const r = await runCli(['set-version', version], dir)
    expect(r.exitCode).toBe(101)
    expect(r.stderr).toMatch(message)
    expect(await readFile(join(dir, 'Cargo.toml'), 'utf8')).toBe(PKG)
  })

  it('explains an inherited version, with its line', async () => {
    const dir = await pkg('[package]\nname = "x"\nversion.workspace = true\n')
    const r = await runCli(['set-version', '1.0.0'], dir)
    expect(r.exitCode).toBe(101)
    expect(r.stderr).toContain(
      `${join(dir, 'Cargo.toml')}:3: \`package.version\` is not a plain version string`
    )
  })
})

describe('set-version to the current version over the real-manifest corpus', () => {
  it('leaves every manifest with a package.version byte-identical', async () => {
    const source = join(FIXTURES, 'corpus-manifests')
    const names = (await readdir(source)).filter((f) => f.toLowerCase().endsWith('cargo.toml'))
    let checked = 0
    await Promise.all(
      names.map(async (name) => {
        const original = await readFile(join(source, name))
        const version = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/ms.exec(original.toString('utf8'))?.[1]
        if (!version) return
        const dir = await pkg(original)
        const r = await runCli(['set-version', version], dir)
        expect(r.exitCode, `${name}: ${r.stderr}`).toBe(0)
        expect((await readFile(join(dir, 'Cargo.toml'))).equals(original), name).toBe(true)
        checked++
      })
    )
    expect(checked).toBeGreaterThanOrEqual(30)
  })
})
