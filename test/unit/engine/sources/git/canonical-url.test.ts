import { describe, expect, it } from 'vitest'
import { isEngineError } from '../../../../../src/main/engine/errors'
import {
  canonicalGitUrl,
  gitCacheIdent,
  parseGitUrl
} from '../../../../../src/main/engine/sources/git/canonical-url'

describe('gitCacheIdent', () => {
  // Directory names the real cargo 1.95 created under $CARGO_HOME/git/db for these URLs.
  it.each([
    ['file:///tmp/gitexp.bW1g/Repo.git', 'Repo-f0f20b915861c4a2'],
    ['https://github.com/Rust-Lang/Cargo.git/', 'cargo-b84a1f0e94ea6819'],
    ['ssh://git@example.com/Some/Repo.git', 'Repo-3e32edaa7786d567'],
    ['git://github.com/a/B', 'b-826730c3fc0456a4']
  ])('names %s as cargo does', (url, ident) => {
    expect(gitCacheIdent(url)).toBe(ident)
  })

  it('gives one name to the spellings cargo treats as one repository', () => {
    const a = gitCacheIdent('https://github.com/PistonDevelopers/piston')
    expect(gitCacheIdent('https://github.com/PistonDevelopers/piston/')).toBe(a)
    expect(gitCacheIdent('https://github.com/pistondevelopers/piston')).toBe(a)
    expect(gitCacheIdent('https://github.com/PistonDevelopers/piston.git')).toBe(a)
    expect(gitCacheIdent('git://github.com/PistonDevelopers/piston')).toBe(a)
  })

  it('keeps case and scheme apart outside GitHub', () => {
    expect(gitCacheIdent('https://example.com/A/b')).not.toBe(gitCacheIdent('https://example.com/a/b'))
    expect(gitCacheIdent('ssh://example.com/a/b')).not.toBe(gitCacheIdent('https://example.com/a/b'))
  })

  it('uses _empty for a URL without a path', () => {
    expect(gitCacheIdent('ssh://example.com')).toMatch(/^_empty-[0-9a-f]{16}$/)
  })
})

describe('canonicalGitUrl', () => {
  it('drops one trailing slash, then .git, and lower-cases GitHub over https', () => {
    expect(canonicalGitUrl('ssh://git@github.com/A/B.git/')).toBe('https://git@github.com/a/b')
    expect(canonicalGitUrl('file:///srv/Repo.git')).toBe('file:///srv/Repo')
  })
})

describe('parseGitUrl', () => {
  const code = (text: string): string => {
    try {
      parseGitUrl(text)
      return 'ok'
    } catch (e) {
      if (!isEngineError(e)) throw e
      return `${e.code}: ${e.message} ${e.details.hint ?? ''}`
    }
  }

  it('refuses what git could read as an option', () => {
    expect(code('-uevil')).toMatch(/^invalid-input: .*may not start with `-`/)
  })

  it('refuses scp-like addresses with the URL to write instead', () => {
    expect(code('git@github.com:owner/repo.git')).toContain('`ssh://git@github.com/owner/repo.git`')
    expect(code('github.com:owner/repo.git')).toMatch(/cannot-be-a-base/)
  })

  it('allows only the schemes the git wrapper allows', () => {
    expect(code('https://example.com/r')).toBe('ok')
    expect(code('file:///srv/r')).toBe('ok')
    expect(code('http://example.com/r')).toMatch(/^unsupported: .*https/)
    expect(code('ext::sh -c evil')).toMatch(/^(unsupported|invalid-input)/)
  })
})
