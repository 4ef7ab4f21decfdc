/**
 * Which manifest entries "Pin to this commit" changes, and how the format-preserving editor
 * writes it: only the entries of that source (any dependency table, the `_` spellings and
 * `[target.…]` forms, a renamed key), `rev` in place of `branch`/`tag`, the rest byte for byte.
 * Pure (no git): the manifest text in, the edited text out.
 */
import { describe, expect, it } from 'vitest'
import {
  analyzeManifestText,
  applyManifestEdits
} from '../../../src/main/engine/manifest/edit/manifest-editor'
import { declaredGitKey } from '../../../src/main/engine/workspace/git-dependencies'
import { gitEntriesOf, pinEdits } from '../../../src/main/engine/workspace/git-pin-edits'
import type { GitRef } from '../../../src/main/engine/sources/source-id'

const URL = 'https://example.com/repo.git'
const SHA = '0123456789abcdef0123456789abcdef01234567'

function pin(text: string, ref: GitRef, url = URL) {
  const document = analyzeManifestText(text, '/p/Cargo.toml').view?.document
  if (!document) throw new Error('the test manifest does not parse')
  const entries = gitEntriesOf(document, declaredGitKey(url, ref))
  return {
    keys: entries.map((e) => e.path.join('.')),
    text: applyManifestEdits(text, '/p/Cargo.toml', pinEdits(entries, SHA)).text
  }
}

const HEAD = '[package]\nname = "app"\nversion = "0.1.0"\n\n'

describe('pinning a git dependency in the manifest', () => {
  it('replaces the branch in every table that declares the source, and leaves the others', () => {
    const text =
      HEAD +
      '[dependencies]\n' +
      `a = { git = "${URL}", branch = "main" } # keep me\n` +
      `b = { git = "${URL}", branch = "dev" }\n` +
      `c = { git = "https://example.com/other.git", branch = "main" }\n` +
      '\n[dev_dependencies]\n' +
      `renamed = { package = "a", git = "${URL}", branch = "main" }\n` +
      "\n[target.'cfg(unix)'.build-dependencies]\n" +
      `a = { git = "${URL}", branch = "main", features = ["x"] }\n`
    const { keys, text: pinned } = pin(text, { type: 'branch', value: 'main' })
    expect(keys).toEqual([
      'dependencies.a',
      'dev_dependencies.renamed',
      'target.cfg(unix).build-dependencies.a'
    ])
    expect(pinned).toBe(
      HEAD +
        '[dependencies]\n' +
        `a = { git = "${URL}", rev = "${SHA}" } # keep me\n` +
        `b = { git = "${URL}", branch = "dev" }\n` +
        `c = { git = "https://example.com/other.git", branch = "main" }\n` +
        '\n[dev_dependencies]\n' +
        `renamed = { package = "a", git = "${URL}", rev = "${SHA}" }\n` +
        "\n[target.'cfg(unix)'.build-dependencies]\n" +
        `a = { git = "${URL}", features = ["x"], rev = "${SHA}" }\n`
    )
  })

  it('replaces a tag in a table of its own, keeping CRLF and comments', () => {
    const text =
      `${HEAD}[dependencies.a]\r\n# pinned later\r\ngit = "${URL}"\r\ntag = "v1.0.0"\r\n`.replaceAll(
        /(?<!\r)\n/g,
        '\r\n'
      )
    const { text: pinned } = pin(text, { type: 'tag', value: 'v1.0.0' })
    expect(pinned).toBe(text.replace('tag = "v1.0.0"', `rev = "${SHA}"`))
  })

  it('adds `rev` to an entry that follows the default branch', () => {
    const text = `${HEAD}[dependencies]\na = { git = "${URL}" }\nb = { git = "${URL}", rev = "abc" }\n`
    const { keys, text: pinned } = pin(text, { type: 'default' })
    expect(keys).toEqual(['dependencies.a'])
    expect(pinned).toBe(text.replace(`a = { git = "${URL}" }`, `a = { git = "${URL}", rev = "${SHA}" }`))
  })

  it('finds nothing for a source no entry declares', () => {
    const text = `${HEAD}[dependencies]\na = { git = "${URL}", branch = "main" }\n`
    expect(pin(text, { type: 'branch', value: 'other' }).keys).toEqual([])
    expect(pin(text, { type: 'branch', value: 'main' }, 'https://example.com/else.git').keys).toEqual([])
  })
})
