/** `clean` as cargo's: the same summary for the same folder, per profile, and dry runs touch nothing. */
import { access, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import { describe, expect, it } from 'vitest'
import { CLI } from '../../helpers/cargo-offline'
import { project } from '../../helpers/project'

async function fakeTarget(root: string): Promise<void> {
  for (const [dir, files] of [
    ['target/debug/deps', 3],
    ['target/release/deps', 2],
    ['target/debug/build/x-1/out', 1]
  ] as const) {
    await mkdir(join(root, dir), { recursive: true })
    for (let i = 0; i < files; i++) await writeFile(join(root, dir, `f${i}`), 'x'.repeat(1500 * (i + 1)))
  }
}

async function both(root: string, args: string[]) {
  const cargo = await execa('cargo', ['clean', ...args], {
    cwd: root,
    reject: false,
    env: { CARGO_TERM_COLOR: 'never' }
  })
  await fakeTarget(root)
  const ours = await execa(CLI, ['clean', ...args], { cwd: root, reject: false, env: { NO_COLOR: '1' } })
  return { cargo, ours }
}

describe('clean', () => {
  it('removes one profile or everything, with cargo’s summary; a dry run removes nothing', async () => {
    const p = await project('tidy').manifest('tidy').file('src/main.rs', 'fn main() {}\n').build()
    await fakeTarget(p.root)
    const dry = await both(p.root, ['--dry-run'])
    expect(dry.ours.stderr).toBe(dry.cargo.stderr)
    expect(dry.ours.exitCode).toBe(0)
    await access(join(p.root, 'target', 'debug', 'deps', 'f0'))

    const release = await both(p.root, ['--release'])
    expect(release.ours.stderr).toBe(release.cargo.stderr)
    await access(join(p.root, 'target', 'debug', 'deps', 'f0'))
    await expect(access(join(p.root, 'target', 'release'))).rejects.toThrow()

    await fakeTarget(p.root)
    const all = await execa(CLI, ['clean'], { cwd: p.root, env: { NO_COLOR: '1' } })
    expect(all.stderr).toMatch(/^ {5}Removed \d+ files, [\d.]+KiB total$/)
    await expect(access(join(p.root, 'target'))).rejects.toThrow()
  })

  it('refuses a configured target folder that holds the project or is not build output', async () => {
    const p = await project('hostile').manifest('hostile').file('src/main.rs', 'fn main() {}\n').build()
    const { writeFile: write, mkdir: md } = await import('node:fs/promises')
    await md(join(p.root, '.cargo'), { recursive: true })
    await write(join(p.root, '.cargo', 'config.toml'), '[build]\ntarget-dir = ".."\n')
    const up = await execa(CLI, ['clean'], { cwd: p.root, reject: false, env: { NO_COLOR: '1' } })
    expect(up.exitCode).toBe(101)
    expect(up.stderr).toMatch(/^error: Refusing to clean .*: it holds the project itself\.$/m)
    await access(join(p.root, 'Cargo.toml'))

    await md(join(p.root, 'notes'), { recursive: true })
    await write(join(p.root, 'notes', 'todo.txt'), 'keep me\n')
    await write(join(p.root, '.cargo', 'config.toml'), '[build]\ntarget-dir = "notes"\n')
    const other = await execa(CLI, ['clean'], { cwd: p.root, reject: false, env: { NO_COLOR: '1' } })
    expect(other.exitCode).toBe(101)
    expect(other.stderr).toMatch(/does not look like a build output folder/)
    await access(join(p.root, 'notes', 'todo.txt'))
  })
})
