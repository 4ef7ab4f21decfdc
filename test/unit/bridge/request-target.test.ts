import { describe, expect, it } from 'vitest'
import { locationWithoutToken, splitTarget } from '../../../src/main/bridge/request-target'

describe('request targets', () => {
  it('keeps the raw path encoded and parses the query', () => {
    const target = splitTarget('/a/%2e%2e/b?token=t&x=1')
    expect(target?.rawPath).toBe('/a/%2e%2e/b')
    expect(target?.query.get('token')).toBe('t')
  })

  it('refuses targets that are not origin-form', () => {
    expect(splitTarget('*')).toBeNull()
    expect(splitTarget('http://evil.example/')).toBeNull()
    expect(splitTarget(undefined)).toBeNull()
  })

  it('redirects to the same place without the token', () => {
    expect(locationWithoutToken(splitTarget('/?token=t')!, 'token')).toBe('/')
    expect(locationWithoutToken(splitTarget('/index.html?a=1&token=t')!, 'token')).toBe('/index.html?a=1')
  })

  it('never redirects off-site', () => {
    expect(locationWithoutToken(splitTarget('//evil.example/x?token=t')!, 'token')).toBe('/evil.example/x')
    expect(locationWithoutToken(splitTarget('/\\evil.example?token=t')!, 'token')).toBe('/evil.example')
  })
})
