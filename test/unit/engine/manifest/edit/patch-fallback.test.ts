import { parse, patch, TomlFormat } from '@decimalturn/toml-patch'
import { describe, expect, it } from 'vitest'
import { EngineError } from '../../../../../src/main/engine/errors'
import { applyManifestEdits } from '../../../../../src/main/engine/manifest/edit/manifest-editor'
import { patchDocument } from '../../../../../src/main/engine/manifest/edit/patch-fallback'

const WITH_EMPTY_ARRAY =
  'cargo-features = [] # why this is empty\n\n[package]\nname = "demo"\nversion = "0.1.0"\n'

describe("toml-patch's known bug: a comment after a root-level empty array", () => {
  it('is still there in toml-patch 3.3.0 (if this fails, the library fixed it)', () => {
    const doc = parse(WITH_EMPTY_ARRAY) as { package: { version: string } }
    doc.package.version = '0.2.0'
    const out = patch(WITH_EMPTY_ARRAY, doc, TomlFormat.autoDetectFormat(WITH_EMPTY_ARRAY))
    expect(out).not.toContain('# why this is empty')
  })

  it('cannot reach the editor: a set keeps the comment', () => {
    const out = applyManifestEdits(WITH_EMPTY_ARRAY, '/p/Cargo.toml', [
      { op: 'set', path: ['package', 'version'], value: '0.2.0' },
      { op: 'set', path: ['package', 'description'], value: 'A demo' },
      { op: 'delete', path: ['package', 'name'] }
    ]).text
    expect(out).toBe(
      'cargo-features = [] # why this is empty\n\n[package]\nversion = "0.2.0"\ndescription = "A demo"\n'
    )
  })

  it('is refused by the toml-patch path rather than applied with a lost comment', () => {
    const text = `${WITH_EMPTY_ARRAY}metadata.tool = 1\n`
    let caught: unknown
    try {
      patchDocument(text, [{ path: ['package', 'metadata', 'other'], value: 2 }])
    } catch (e) {
      caught = e
    }
    expect(caught).toBeInstanceOf(EngineError)
    expect(caught).toMatchObject({ code: 'unsupported' })
    expect((caught as Error).message).toContain('# why this is empty')
  })
})

describe('the toml-patch path', () => {
  const text = '[package]\nname = "demo" # the name\nmetadata.tool.level = 1 # dotted\n'

  it('writes new values in cargo’s style through placeholders', () => {
    const out = patchDocument(text, [
      { path: ['package', 'metadata', 'tool', 'list'], value: ['a', 'b'] },
      { path: ['package', 'metadata', 'tool', 'table'], value: { x: 1, y: 'z' } }
    ])
    expect(out).toContain('metadata.tool.list = ["a", "b"]')
    expect(out).toContain('metadata.tool.table = { x = 1, y = "z" }')
    expect(out).toContain('name = "demo" # the name')
    expect(out).not.toContain('__crate_studio_')
  })

  it('keeps CRLF', () => {
    const crlf = text.replaceAll('\n', '\r\n')
    const out = patchDocument(crlf, [{ path: ['package', 'metadata', 'tool', 'mode'], value: 'fast' }])
    expect(out.replaceAll('\r\n', '')).not.toContain('\n')
  })

  it('is what the editor uses for a key inside a dotted table', () => {
    const out = applyManifestEdits(text, '/p/Cargo.toml', [
      { op: 'set', path: ['package', 'metadata', 'tool', 'mode'], value: 'fast' }
    ]).text
    expect(out).toBe(
      '[package]\nname = "demo" # the name\nmetadata.tool.level = 1 # dotted\nmetadata.tool.mode = "fast"\n'
    )
  })
})
