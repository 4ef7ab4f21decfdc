/**
 * The CLI as a user runs it: the real launcher (bin/crate-studio → out/main/cli.js, built by
 * `npm test` before this suite), the real rustc, exit statuses and cargo-style output.
 */
import { access, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import { beforeAll, describe, expect, it } from 'vitest'
import { copyFixture } from '../helpers/fixtures'
import { tempDir } from '../helpers/temp-dir'

const CLI = join(import.meta.dirname, '..', '..', 'bin', 'crate-studio')

function cli(args: string[], cwd: string) {
  return execa(CLI, args, { cwd, reject: false, env: { NO_COLOR: '1' } })
}

beforeAll(async () => {
  await access(join(import.meta.dirname, '..', '..', 'out', 'main', 'cli.js')).catch(() => {
    throw new Error('out/main/cli.js is missing: run `npm run build` before the integration tests')
  })
})

describe('crate-studio CLI', () => {
  it('new → build → the binary prints Hello, world!, and run does the same', async () => {
    const dir = await tempDir()
    const created = await cli(['new', 'demo'], dir)
    expect(created.exitCode, created.stderr).toBe(0)
    expect(created.stderr).toContain('Creating binary (application) `demo` package')
    await access(join(dir, 'demo', '.git'))
    const built = await cli(['build', '--manifest-path', 'demo/Cargo.toml'], dir)
    expect(built.exitCode, built.stderr).toBe(0)
    expect(built.stderr).toMatch(
      /^ {3}Compiling demo v0\.1\.0 \(.*demo\)\n {4}Finished `dev` profile \[unoptimized \+ debuginfo\] target\(s\) in \d+\.\d\ds$/
    )
    expect((await execa(join(dir, 'demo', 'target', 'debug', 'demo'))).stdout).toBe('Hello, world!')
    const ran = await cli(['run', '--manifest-path', 'demo/Cargo.toml'], dir)
    expect(ran.exitCode).toBe(0)
    expect(ran.stdout).toBe('Hello, world!')
    expect(ran.stderr).toContain('Running `demo/target/debug/demo`')
  })

  it('new --lib --vcs none --edition 2021 --name', async () => {
    const dir = await tempDir()
    const r = await cli(
      ['new', '--lib', '--vcs', 'none', '--edition', '2021', '--name', 'renamed', 'somewhere'],
      dir
    )
    expect(r.exitCode, r.stderr).toBe(0)
    expect(await readFile(join(dir, 'somewhere', 'Cargo.toml'), 'utf8')).toBe(
      '[package]\nname = "renamed"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n'
    )
    await expect(access(join(dir, 'somewhere', '.git'))).rejects.toThrow()
  })

  it('run passes arguments after -- and returns the program exit status', async () => {
    const dir = await tempDir()
    await cli(['new', '--vcs', 'none', 'echoer'], dir)
    const { writeFile } = await import('node:fs/promises')
    await writeFile(
      join(dir, 'echoer', 'src', 'main.rs'),
      'fn main() { let a: Vec<String> = std::env::args().skip(1).collect(); println!("{}", a.join("|")); std::process::exit(a.len() as i32); }\n'
    )
    const r = await cli(['run', '--', 'one', 'two words', '--flag'], join(dir, 'echoer'))
    expect(r.stdout).toBe('one|two words|--flag')
    expect(r.exitCode).toBe(3)
    expect(r.stderr).toContain(
      "error: process didn't exit successfully: `target/debug/echoer one two words --flag` (exit status: 3)"
    )
  })

  it('builds the 2014-format fixture from its directory, finding Cargo.toml upward', async () => {
    const dir = await copyFixture('legacy-2014')
    const r = await cli(['build'], join(dir, 'color-tool', 'src'))
    expect(r.exitCode, r.stderr).toBe(0)
    for (const bin of ['paint', 'hiya', 'folks']) {
      expect((await execa(join(dir, 'color-tool', 'target', 'debug', bin))).stdout).toContain(
        'made by the build command'
      )
    }
  })

  it('--message-format json prints cargo-compatible messages', async () => {
    const dir = await tempDir()
    await cli(['new', '--vcs', 'none', 'js'], dir)
    const { writeFile } = await import('node:fs/promises')
    await writeFile(join(dir, 'js', 'src', 'main.rs'), 'fn main() { let unused = 1; }\n')
    const r = await cli(['build', '--message-format', 'json'], join(dir, 'js'))
    expect(r.exitCode).toBe(0)
    const lines = r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines.map((l) => l.reason)).toEqual(['compiler-message', 'compiler-artifact', 'build-finished'])
    expect(lines[0]).toMatchObject({
      package_id: `path+file://${dir}/js#0.1.0`,
      manifest_path: join(dir, 'js', 'Cargo.toml'),
      target: {
        kind: ['bin'],
        crate_types: ['bin'],
        name: 'js',
        src_path: join(dir, 'js', 'src', 'main.rs'),
        edition: '2024'
      },
      message: { level: 'warning', code: { code: 'unused_variables' } }
    })
    // JSON consumers get plain text, as from cargo: no terminal colour codes in `rendered`.
    expect(JSON.stringify(lines[0])).not.toContain('\\u001b')
    expect((lines[0]!.message as { rendered: string }).rendered).toContain('unused variable')
    expect(lines[1]).toMatchObject({ executable: join(dir, 'js', 'target', 'debug', 'js'), fresh: false })
    expect(lines[2]).toEqual({ reason: 'build-finished', success: true })
  })

  it.each([
    [['build', '--bogus'], 1, /error: Unknown option '--bogus'/],
    [['frobnicate'], 1, /error: no such command: `frobnicate`/],
    [['build', '--jobs', 'many'], 1, /invalid value 'many' for '--jobs'/],
    [['new'], 1, /required argument was not provided: <PATH>/],
    [['new', 'fn'], 101, /Invalid package name `fn`: it is a Rust keyword/],
    [['build'], 101, /could not find `Cargo.toml` in `.*` or any parent directory/]
  ])('%j exits %i with a clear error and no stack trace', async (args, code, message) => {
    const dir = await tempDir()
    const r = await cli(args, dir)
    expect(r.exitCode).toBe(code)
    expect(r.stderr).toMatch(message)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('reports a broken manifest with its file and line', async () => {
    const dir = await tempDir()
    const { writeFile } = await import('node:fs/promises')
    await writeFile(join(dir, 'Cargo.toml'), '[package]\nname = "x"\nedition = "2099"\n')
    const r = await cli(['build'], dir)
    expect(r.exitCode).toBe(101)
    expect(r.stderr).toContain(
      `error: ${join(dir, 'Cargo.toml')}:3: Unknown edition \`2099\` in \`edition\`.`
    )
  })

  it('--help and --version', async () => {
    const dir = await tempDir()
    expect((await cli(['--help'], dir)).stdout).toMatch(/Usage: crate-studio <COMMAND>/)
    expect((await cli(['build', '--help'], dir)).stdout).toMatch(/--manifest-path <PATH>/)
    expect((await cli(['--version'], dir)).stdout).toMatch(/^crate-studio \d+\.\d+\.\d+$/)
  })
})
