/**
 * Promoting a dependency to `[workspace.dependencies]`: the root gains one entry in cargo's style,
 * each member keeps its comments, position and own settings beside `workspace = true`, and what
 * would change a build is refused.
 */
import { describe, expect, it } from 'vitest'
import { promoteDependency } from '../../../../../src/main/engine/manifest/edit/promote-dependency'

const ROOT = {
  path: '/ws/Cargo.toml',
  text: '# The shapes workspace\n[workspace]\nmembers = ["a", "b"]\n\n[workspace.dependencies]\nlog = "0.4"\n'
}

const member = (name: string, deps: string) => ({
  path: `/ws/${name}/Cargo.toml`,
  text: `[package]\nname = "${name}"\nversion = "0.1.0"\n\n[dependencies]\n${deps}`
})

describe('promoting a dependency to the workspace', () => {
  it('writes one entry and switches every member, keeping comments and their own settings', () => {
    const a = member(
      'a',
      '# for JSON\nserde = { version = "1.0", features = ["derive"] } # derive it\nlog.workspace = true\n'
    )
    const b = member(
      'b',
      'serde = { version = "1.0.152", optional = true }\n\n[dev-dependencies]\nserde = "1"\n'
    )
    const p = promoteDependency({ root: ROOT, members: [a, b], name: 'serde' })
    expect(p.entry).toEqual({ source: { type: 'registry', version: '1.0.152' } })
    expect(p.members).toEqual([a.path, b.path])
    expect(p.files.map((f) => f.after)).toEqual([
      '# The shapes workspace\n[workspace]\nmembers = ["a", "b"]\n\n[workspace.dependencies]\nlog = "0.4"\nserde = "1.0.152"\n',
      '[package]\nname = "a"\nversion = "0.1.0"\n\n[dependencies]\n# for JSON\nserde = { workspace = true, features = ["derive"] } # derive it\nlog.workspace = true\n',
      '[package]\nname = "b"\nversion = "0.1.0"\n\n[dependencies]\nserde = { workspace = true, optional = true }\n\n[dev-dependencies]\nserde = { workspace = true }\n'
    ])
  })

  it('turns default features off in the entry when one member had them off, and back on where others had them', () => {
    const a = member('a', 'regex = { version = "1", default-features = false, features = ["std"] }\n')
    const b = member('b', 'regex = "1"\n')
    const p = promoteDependency({ root: ROOT, members: [a, b], name: 'regex' })
    expect(p.files[0]?.after).toContain('regex = { version = "1", default-features = false }\n')
    expect(p.files[1]?.after).toContain('regex = { workspace = true, features = ["std"] }\n')
    expect(p.files[2]?.after).toContain('regex = { workspace = true, default-features = true }\n')
  })

  it('rebases a path dependency onto the root, and keeps a rename in the entry', () => {
    const a = member('a', 'shapes = { path = "../core", package = "core-shapes" }\n')
    const b = member('b', 'shapes = { path = "../core", package = "core-shapes", version = "0.3" }\n')
    expect(() => promoteDependency({ root: ROOT, members: [a, b], name: 'shapes' })).toThrow(
      /Some members|incompatible/
    )
    const p = promoteDependency({ root: ROOT, members: [a], name: 'shapes' })
    expect(p.files[0]?.after).toContain('shapes = { path = "core", package = "core-shapes" }\n')
    expect(p.files[1]?.after).toContain('shapes = { workspace = true }\n')
  })

  it('refuses what would change a build or cannot be expressed', () => {
    const a = member('a', 'rand = "0.8"\n')
    const b = member('b', 'rand = "0.7"\n')
    expect(() => promoteDependency({ root: ROOT, members: [a, b], name: 'rand' })).toThrow(
      /incompatible versions/
    )
    const c = member('c', 'rand = { git = "https://example.com/rand" }\n')
    expect(() => promoteDependency({ root: ROOT, members: [a, c], name: 'rand' })).toThrow(/different places/)
    expect(() => promoteDependency({ root: ROOT, members: [a], name: 'log' })).toThrow(/No member declares/)
    const d = member('d', 'log = { version = "0.4", default-features = false }\n')
    expect(() => promoteDependency({ root: ROOT, members: [d], name: 'log' })).toThrow(/default features/)
  })

  it('switches the remaining members to an entry the workspace already has', () => {
    const d = member('d', 'log = { version = "0.4", features = ["std"] }\n')
    const p = promoteDependency({ root: ROOT, members: [d], name: 'log' })
    expect(p.files.map((f) => f.path)).toEqual([d.path])
    expect(p.files[0]?.after).toContain('log = { workspace = true, features = ["std"] }\n')
    const other = member('e', 'log = "0.3"\n')
    expect(() => promoteDependency({ root: ROOT, members: [other], name: 'log' })).toThrow(/incompatible/)
    // An entry that asks for less than a member, or turns on features a member does not: refused.
    const higher = member('f', 'log = "0.4.20"\n')
    expect(() => promoteDependency({ root: ROOT, members: [higher], name: 'log' })).toThrow(
      /less than a member/
    )
    const root = { ...ROOT, text: `${ROOT.text}serde = { version = "1", features = ["derive"] }\n` }
    const plain = member('g', 'serde = "1"\n')
    expect(() => promoteDependency({ root, members: [plain], name: 'serde' })).toThrow(/turns on `derive`/)
  })

  it('tells a git branch from a tag of the same name, and refuses a registry-index source', () => {
    const a = member('a', 'x = { git = "https://example.com/x", branch = "v1" }\n')
    const b = member('b', 'x = { git = "https://example.com/x", tag = "v1" }\n')
    expect(() => promoteDependency({ root: ROOT, members: [a, b], name: 'x' })).toThrow(/different places/)
    const c = member('c', 'y = { version = "1", registry-index = "sparse+https://example.com/index/" }\n')
    expect(() => promoteDependency({ root: ROOT, members: [c], name: 'y' })).toThrow(/registry-index/)
  })
})
