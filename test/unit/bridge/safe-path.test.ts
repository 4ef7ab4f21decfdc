import { describe, expect, it } from 'vitest'
import { toSafeSegments } from '../../../src/main/bridge/safe-path'

describe('toSafeSegments', () => {
  it('maps / to index.html', () => {
    expect(toSafeSegments('/')).toEqual({ ok: true, segments: ['index.html'] })
  })

  it('splits and decodes an ordinary path', () => {
    expect(toSafeSegments('/assets/app%20x.js')).toEqual({ ok: true, segments: ['assets', 'app x.js'] })
  })

  it.each([
    '/../package.json',
    '/assets/../../etc/passwd',
    '/%2e%2e/x',
    '/%2E%2E/x',
    '/assets/..%2f..%2fetc/passwd',
    '/assets/.%2e/x',
    '/./index.html',
    '/assets\\..\\x',
    '/assets%5c..%5cx',
    '/index.html%00.js',
    '/.env',
    '/C:/Windows',
    '/%E0%A4%A',
    'index.html'
  ])('refuses %s', (raw) => {
    expect(toSafeSegments(raw).ok).toBe(false)
  })
})
