import { describe, expect, it } from 'vitest'
import {
  assertUsableToken,
  checkToken,
  createToken,
  originAllowed,
  originForHost,
  readTokenCookies,
  tokenCookie,
  tokenCookieName,
  tokensMatch
} from '../../../src/main/bridge/auth'
import { EngineError } from '../../../src/main/engine/errors'

const TOKEN = 'abcdefghijklmnopqrstuvwxyz012345'
const PORT = 4000
const COOKIE = 'crate_studio_token_4000'

describe('tokens', () => {
  it('creates 32-byte base64url tokens that differ per run', () => {
    const a = createToken()
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(createToken()).not.toBe(a)
    expect(() => assertUsableToken(a)).not.toThrow()
  })

  it('refuses short or cookie-unsafe tokens as invalid input', () => {
    expect(() => assertUsableToken('short')).toThrow(/16 to 512/)
    expect(() => assertUsableToken('a;b=c'.repeat(5))).toThrow(EngineError)
    expect(() => assertUsableToken('short')).toThrow(expect.objectContaining({ code: 'invalid-input' }))
  })

  it('compares equal, different and different-length tokens without throwing', () => {
    expect(tokensMatch(TOKEN, TOKEN)).toBe(true)
    expect(tokensMatch(TOKEN, TOKEN.replace('a', 'b'))).toBe(false)
    expect(tokensMatch(TOKEN, 'x')).toBe(false)
    expect(tokensMatch(TOKEN, '')).toBe(false)
  })
})

describe('checkToken', () => {
  it('is 401 without any token and 403 with a wrong one', () => {
    expect(checkToken(TOKEN, null, undefined, PORT)).toMatchObject({ kind: 'denied', status: 401 })
    expect(checkToken(TOKEN, null, 'other=1', PORT)).toMatchObject({ kind: 'denied', status: 401 })
    expect(checkToken(TOKEN, 'nope', undefined, PORT)).toMatchObject({ kind: 'denied', status: 403 })
    expect(checkToken(TOKEN, null, `${COOKIE}=nope`, PORT)).toMatchObject({ kind: 'denied', status: 403 })
  })

  it('moves a good query token into the cookie, even over a stale cookie', () => {
    expect(checkToken(TOKEN, TOKEN, `${COOKIE}=stale`, PORT)).toEqual({ kind: 'set-cookie' })
  })

  it('lets a good cookie through, also next to other cookies', () => {
    expect(checkToken(TOKEN, null, `a=1; ${COOKIE}=${TOKEN}; b=2`, PORT)).toEqual({ kind: 'allowed' })
    expect(checkToken(TOKEN, null, `${COOKIE}=old; ${COOKIE}=${TOKEN}`, PORT)).toEqual({
      kind: 'allowed'
    })
  })

  it('ignores the cookie of another port, even with the right token', () => {
    expect(checkToken(TOKEN, null, `crate_studio_token_4001=${TOKEN}`, PORT)).toMatchObject({
      kind: 'denied',
      status: 401
    })
    expect(checkToken(TOKEN, null, `crate_studio_token_40000=${TOKEN}`, PORT)).toMatchObject({
      kind: 'denied',
      status: 401
    })
    expect(checkToken(TOKEN, null, `crate_studio_token=${TOKEN}`, PORT)).toMatchObject({
      kind: 'denied',
      status: 401
    })
    expect(
      checkToken(TOKEN, null, `crate_studio_token_4001=${TOKEN}; ${COOKIE}=other-run`, PORT)
    ).toMatchObject({ kind: 'denied', status: 403 })
  })

  it("reads every value of this port's cookie and writes a hardened one", () => {
    expect(tokenCookieName(PORT)).toBe(COOKIE)
    expect(readTokenCookies(`x=1;${COOKIE}=a; crate_studio_token_4001=c; ${COOKIE} = b`, PORT)).toEqual([
      'a',
      'b'
    ])
    expect(tokenCookie(TOKEN, PORT)).toBe(`${COOKIE}=${TOKEN}; HttpOnly; SameSite=Strict; Path=/`)
  })
})

describe('host and origin', () => {
  it('accepts only 127.0.0.1 and localhost on our port', () => {
    expect(originForHost('127.0.0.1:4000', 4000)).toBe('http://127.0.0.1:4000')
    expect(originForHost('LOCALHOST:4000', 4000)).toBe('http://localhost:4000')
    expect(originForHost('127.0.0.1:4001', 4000)).toBeNull()
    expect(originForHost('127.0.0.1', 4000)).toBeNull()
    expect(originForHost('evil.example:4000', 4000)).toBeNull()
    expect(originForHost(undefined, 4000)).toBeNull()
  })

  it('requires the exact served origin', () => {
    expect(originAllowed('http://127.0.0.1:4000', 'http://127.0.0.1:4000')).toBe(true)
    expect(originAllowed('http://localhost:4000', 'http://127.0.0.1:4000')).toBe(false)
    expect(originAllowed('null', 'http://127.0.0.1:4000')).toBe(false)
    expect(originAllowed(undefined, 'http://127.0.0.1:4000')).toBe(false)
  })
})
