import { describe, expect, it } from 'vitest'
import { absoluteSubmoduleUrl, parseGitmodules } from '../../../../../src/main/engine/sources/git/submodules'

describe('absoluteSubmoduleUrl (cargo’s rule)', () => {
  it('joins ./ and ../ to the parent URL as a directory', () => {
    expect(absoluteSubmoduleUrl('https://example.com/org/app.git', '../lib.git')).toBe(
      'https://example.com/org/lib.git'
    )
    expect(absoluteSubmoduleUrl('https://example.com/org/app', './sub')).toBe(
      'https://example.com/org/app/sub'
    )
    expect(absoluteSubmoduleUrl('file:///srv/app.git/', '../lib.git')).toBe('file:///srv/lib.git')
  })

  it('leaves absolute URLs alone', () => {
    expect(absoluteSubmoduleUrl('https://example.com/a', 'ssh://git@host/b.git')).toBe('ssh://git@host/b.git')
  })
})

describe('parseGitmodules', () => {
  it('reads `git config -z --list` records, names with dots included', () => {
    const list =
      'submodule.vendor.lib.path\nvendor/lib\0submodule.vendor.lib.url\n../lib.git\0submodule.x.update\nnone\0core.bare\nfalse\0'
    const parsed = parseGitmodules(list)
    expect([...parsed.keys()]).toEqual(['vendor.lib', 'x'])
    expect(parsed.get('vendor.lib')?.get('url')).toBe('../lib.git')
    expect(parsed.get('x')?.get('update')).toBe('none')
  })
})
