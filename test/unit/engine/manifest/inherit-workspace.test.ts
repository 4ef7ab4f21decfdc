/**
 * Workspace inheritance as cargo does it: `[workspace.package]` fields, and dependencies that add
 * features and `optional` to the workspace's entry, with paths rebased onto the member.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadPackage } from '../../../../src/main/engine/manifest/read-manifest'
import { tempDir } from '../../../helpers/temp-dir'
import { writeFiles } from '../../../integration/tree/fixtures'

const ROOT = `[workspace]
members = ["crates/*"]

[workspace.package]
version = "2.1.0"
edition = "2021"
license = "MIT"
readme = "docs/README.md"
license-file = "LICENSE"
publish = false

[workspace.dependencies]
serde = { version = "1", features = ["derive"], default-features = false }
log = "0.4"
shared = { path = "crates/shared" }
`

async function member(manifest: string) {
  const dir = await tempDir()
  await writeFiles(dir, {
    'Cargo.toml': ROOT,
    'crates/a/Cargo.toml': manifest,
    'crates/a/src/lib.rs': '',
    'crates/shared/Cargo.toml': '[package]\nname = "shared"\nversion = "0.1.0"\n',
    'crates/shared/src/lib.rs': ''
  })
  return { dir, pkg: await loadPackage(join(dir, 'crates', 'a', 'Cargo.toml')) }
}

describe('workspace inheritance', () => {
  it('takes [workspace.package] fields, with paths made relative to the member', async () => {
    const { pkg } = await member(`[package]
name = "a"
version.workspace = true
edition.workspace = true
license = { workspace = true }
readme.workspace = true
license-file.workspace = true
publish.workspace = true
`)
    const meta = pkg.manifest.package
    expect(meta.version).toBe('2.1.0')
    expect(meta.edition).toBe('2021')
    expect(meta.editionExplicit).toBe(true)
    expect(meta.license).toBe('MIT')
    expect(meta.readme).toBe('../../docs/README.md')
    expect(meta.licenseFile).toBe('../../LICENSE')
    expect(meta.publish).toEqual([])
  })

  it("adds the member's features and optional to the workspace's entry, and rebases its path", async () => {
    const { dir, pkg } = await member(`[package]
name = "a"
version = "0.1.0"

[dependencies]
serde = { workspace = true, features = ["std"], optional = true }
log.workspace = true
shared.workspace = true

[dev-dependencies]
log = { workspace = true, features = ["std"] }
`)
    const byName = (name: string, kind = 'normal') =>
      pkg.manifest.dependencies.find((d) => d.name === name && d.kind === kind)
    expect(byName('serde')).toMatchObject({
      versionReq: '1',
      features: ['derive', 'std'],
      optional: true,
      defaultFeatures: false
    })
    expect(byName('log')).toMatchObject({ versionReq: '0.4', features: [], optional: false })
    expect(byName('log', 'dev')).toMatchObject({ versionReq: '0.4', features: ['std'] })
    expect(byName('shared')?.source).toEqual({ type: 'path', path: '../shared' })
    expect(join(dir, 'crates', 'a', '../shared')).toBe(join(dir, 'crates', 'shared'))
  })

  it('turns default features back on when the member asks, and warns when it cannot turn them off', async () => {
    const { pkg } = await member(`[package]
name = "a"
version = "0.1.0"

[dependencies]
serde = { workspace = true, default-features = true }
log = { workspace = true, default-features = false }
`)
    expect(pkg.manifest.dependencies.find((d) => d.name === 'serde')?.defaultFeatures).toBe(true)
    expect(pkg.manifest.dependencies.find((d) => d.name === 'log')?.defaultFeatures).toBe(true)
    expect(pkg.warnings.map((w) => w.message)).toContainEqual(
      expect.stringMatching(/`default-features` is ignored for log/)
    )
  })

  it('refuses to inherit what a workspace cannot give', async () => {
    await expect(member('[package]\nname.workspace = true\nversion = "0.1.0"\n')).rejects.toThrow(
      /`package.name` cannot be inherited/
    )
    await expect(
      member('[package]\nname = "a"\nversion = "0.1.0"\ndescription.workspace = true\n')
    ).rejects.toThrow(/`workspace.package.description` was not defined/)
  })

  it("takes the root's README file when the workspace names none, as cargo does", async () => {
    const dir = await tempDir()
    await writeFiles(dir, {
      'Cargo.toml': '[workspace]\nmembers = ["a"]\n\n[workspace.package]\nversion = "1.0.0"\n',
      'README.md': '# hi\n',
      'a/Cargo.toml': '[package]\nname = "a"\nversion.workspace = true\nreadme.workspace = true\n',
      'a/src/lib.rs': ''
    })
    const pkg = await loadPackage(join(dir, 'a', 'Cargo.toml'))
    expect(pkg.manifest.package.readme).toBe('../README.md')
  })

  it('reads a package with nothing inherited without looking for a workspace', async () => {
    const dir = await tempDir()
    // An unreadable Cargo.toml above would fail the search; a plain package never searches.
    await writeFiles(dir, {
      'Cargo.toml': 'not toml [',
      'p/Cargo.toml': '[package]\nname = "p"\n',
      'p/src/lib.rs': ''
    })
    expect((await loadPackage(join(dir, 'p', 'Cargo.toml'))).manifest.package.name).toBe('p')
  })
})
