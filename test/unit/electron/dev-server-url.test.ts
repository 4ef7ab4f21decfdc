import { describe, expect, it } from 'vitest'
import { devServerUrl } from '../../../src/main/dev-server-url'

describe('the dev server URL', () => {
  const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' }

  it('is used by a development build', () => {
    expect(devServerUrl({ dev: true, packaged: false }, env)).toBe('http://localhost:5173')
  })

  it('is ignored by a built bundle run unpackaged (npm start), even when the variable is set', () => {
    expect(
      devServerUrl({ dev: false, packaged: false }, { ELECTRON_RENDERER_URL: 'https://evil.example' })
    ).toBe(undefined)
  })

  it('is ignored by a packaged app, and when the variable is empty', () => {
    expect(devServerUrl({ dev: true, packaged: true }, env)).toBe(undefined)
    expect(devServerUrl({ dev: true, packaged: false }, { ELECTRON_RENDERER_URL: '' })).toBe(undefined)
  })
})
