import { describe, expect, it } from 'vitest'
import { parseCfgList } from '../../../../src/main/engine/tools/rustc'
import { platformMatches } from '../../../../src/main/engine/resolver/platform'

const cfg = parseCfgList(`debug_assertions
panic="unwind"
target_arch="x86_64"
target_family="unix"
target_os="linux"
target_pointer_width="64"
unix
`)
const HOST = 'x86_64-unknown-linux-gnu'

describe('platform-specific dependency tables', () => {
  it.each([
    ['cfg(unix)', true],
    ['cfg(windows)', false],
    ['cfg(target_os = "linux")', true],
    ['cfg(target_os = "macos")', false],
    ['cfg(all(unix, target_pointer_width = "64"))', true],
    ['cfg(all(unix, target_arch = "arm"))', false],
    ['cfg(any(windows, target_os = "linux"))', true],
    ['cfg(not(windows))', true],
    ['cfg(not(any(windows, target_env = "msvc")))', true],
    ['cfg(all())', true],
    ['cfg(any())', false],
    [HOST, true],
    ['x86_64-pc-windows-msvc', false]
  ])('%s → %s', (key, expected) => {
    expect(platformMatches(key, HOST, cfg)).toBe(expected)
  })

  it.each(['cfg(unix', 'cfg(not(a, b))', 'cfg(target_os = linux)', 'cfg(all(unix)) extra'])(
    'rejects %s',
    (key) => {
      expect(() => platformMatches(key, HOST, cfg)).toThrow(/Invalid platform/)
    }
  )
})
