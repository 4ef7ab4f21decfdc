/**
 * `[lints]` reach rustc as cargo passes them: `--LEVEL=NAME` in cargo's order (priority, then
 * name), tool lints as `TOOL::NAME`, taken from `[workspace.lints]` with
 * `[lints] workspace = true`, and only for the user's own packages. A denied lint fails the build.
 */
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { requireCargoAndRegistry, runCargo, runCli } from '../../helpers/cargo-offline'
import { fileTempDir, tempDir } from '../../helpers/temp-dir'
import { writeFiles } from '../tree/fixtures'

let cargoHome: string

beforeAll(async () => {
  await requireCargoAndRegistry([])
  cargoHome = await fileTempDir('cs-lints-home-')
})

/** The lint flags of the rustc line that compiles `crate`, from `build -v` output. */
function lintFlags(stderr: string, crate: string): string[] {
  const line = stderr.split('\n').find((l) => l.includes('Running') && l.includes(`--crate-name ${crate} `))
  if (!line) throw new Error(`no rustc line for ${crate}:\n${stderr}`)
  return [...line.matchAll(/'?(--(?:allow|warn|deny|forbid)=[\w:]+)'?/g)].map((m) => m[1]!)
}

const WORKSPACE = {
  'Cargo.toml':
    '[workspace]\nmembers = ["m"]\nresolver = "2"\n\n[workspace.lints.rust]\nunsafe_code = "forbid"\nunused = { level = "allow", priority = -1 }\nmissing_docs = "warn"\n\n[workspace.lints.clippy]\npedantic = "warn"\n\n[workspace.lints.rustdoc]\nbroken_intra_doc_links = "deny"\n',
  'm/Cargo.toml': '[package]\nname = "m"\nversion = "0.1.0"\nedition = "2021"\n\n[lints]\nworkspace = true\n',
  'm/src/lib.rs': '//! m\n\n/// f\npub fn f() {}\n'
}

describe('[lints]', () => {
  it('pass the flags cargo passes, inherited from the workspace', async () => {
    const dir = await tempDir()
    await writeFiles(dir, WORKSPACE)
    const cargo = await runCargo(['build', '-v'], join(dir, 'm'), cargoHome)
    expect(cargo.exitCode, cargo.stderr).toBe(0)
    await writeFiles(dir, { 'm/src/lib.rs': '//! m\n\n/// f again\npub fn f() {}\n' })
    const ours = await runCli(['build', '-v', '--offline'], join(dir, 'm'))
    expect(ours.exitCode, ours.stderr).toBe(0)
    expect(lintFlags(ours.stderr, 'm')).toEqual(lintFlags(cargo.stderr, 'm'))
    expect(lintFlags(ours.stderr, 'm')).toContain('--warn=clippy::pedantic')
  })

  it('fail the build when a denied lint fires', async () => {
    const dir = await tempDir()
    await writeFiles(dir, {
      'Cargo.toml':
        '[package]\nname = "strict"\nversion = "0.1.0"\nedition = "2021"\n\n[lints.rust]\nunused_variables = "deny"\n',
      'src/lib.rs': 'pub fn f() { let x = 1; }\n'
    })
    const ours = await runCli(['build', '--offline'], dir)
    expect(ours.exitCode).toBe(101)
    expect(ours.stderr).toMatch(/error: unused variable: `x`/)
  })

  it('refuses a level rustc does not have, naming the line', async () => {
    const dir = await tempDir()
    await writeFiles(dir, {
      'Cargo.toml': '[package]\nname = "bad"\nversion = "0.1.0"\n\n[lints.rust]\nunsafe_code = "forbidden"\n',
      'src/lib.rs': ''
    })
    const ours = await runCli(['build', '--offline'], dir)
    expect(ours.exitCode).toBe(101)
    expect(ours.stderr).toContain(`${join(dir, 'Cargo.toml')}:6`)
    expect(ours.stderr).toMatch(/must be one of "allow", "warn", "deny" or "forbid"/)
  })
})
