/** A drop's local paths: the desktop's file paths first, else file:// URLs from the uri-list. */
import { describe, expect, it } from 'vitest'
import { droppedPaths, mayHoldPaths } from '../../../src/renderer/src/lib/dropped-paths'

const drop = (files: readonly File[], data: Record<string, string>) => ({
  files,
  getData: (format: string) => data[format] ?? ''
})

describe('dropped paths', () => {
  it('prefers the paths the desktop app reads from the dropped files', () => {
    const file = new File([''], 'Cargo.toml')
    expect(droppedPaths(drop([file], {}), () => '/home/me/pkg/Cargo.toml')).toEqual([
      '/home/me/pkg/Cargo.toml'
    ])
  })

  it('reads file URLs from a uri-list, decoded, skipping comments and other schemes', () => {
    const list =
      '# from the file manager\r\nfile:///home/me/my%20crate\r\nhttps://example.com/x\r\nfile://localhost/tmp/a'
    expect(droppedPaths(drop([], { 'text/uri-list': list }))).toEqual(['/home/me/my crate', '/tmp/a'])
    expect(droppedPaths(drop([], { 'text/uri-list': 'file:///C:/Users/me/pkg' }))).toEqual([
      'C:/Users/me/pkg'
    ])
    expect(droppedPaths(drop([], { 'text/uri-list': 'file://other-host/share' }))).toEqual([])
  })

  it('knows which drags may carry paths', () => {
    expect(mayHoldPaths(['Files'])).toBe(true)
    expect(mayHoldPaths(['text/uri-list'])).toBe(true)
    expect(mayHoldPaths(['text/plain'])).toBe(false)
  })
})
