/** Paths the OS asks to open: taken once, in order, with a push to the page each time one arrives. */
import { describe, expect, it } from 'vitest'
import { OpenRequests, pathFromArgs } from '../../../src/main/services/open-requests'

describe('open requests', () => {
  it('queues paths until the page takes them, and tells the page each time', () => {
    const pushed: string[] = []
    const requests = new OpenRequests((event) => pushed.push(event))
    requests.add('/a/Cargo.toml')
    requests.add('/b')
    expect(pushed).toEqual(['openRequested', 'openRequested'])
    expect(requests.take()).toEqual(['/a/Cargo.toml', '/b'])
    expect(requests.take()).toEqual([])
  })

  it('reads the last non-option argument, relative to the launch folder', () => {
    expect(pathFromArgs(['--enable-logging', 'pkg/Cargo.toml'], '/home/me')).toBe('/home/me/pkg/Cargo.toml')
    expect(pathFromArgs(['/abs/crate'], '/home/me')).toBe('/abs/crate')
    expect(pathFromArgs(['--inspect'], '/home/me')).toBeUndefined()
    expect(pathFromArgs([], '/home/me')).toBeUndefined()
    expect(pathFromArgs(['-psn_0_12345', '/abs/crate'], '/')).toBe('/abs/crate')
  })

  it('reads the file:// URLs Linux file managers pass', () => {
    expect(pathFromArgs(['file:///home/me/my%20crate/Cargo.toml'], '/')).toBe('/home/me/my crate/Cargo.toml')
    expect(pathFromArgs(['file://elsewhere/share'], '/')).toBeUndefined()
  })
})
