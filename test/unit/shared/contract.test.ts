import { describe, expect, it } from 'vitest'
import { invokeContract } from '../../../src/shared/ipc/contract'
import { hasControlCharacters } from '../../../src/shared/rules/control-characters'

const options = {
  path: '/tmp/pkg',
  name: 'pkg',
  kind: 'bin',
  edition: '2021',
  version: '0.1.0',
  authors: [],
  vcs: 'none'
}

describe('the IPC contract', () => {
  it('counts DEL as a control character, but not tab or line breaks', () => {
    expect(hasControlCharacters('a\u007Fb')).toBe(true)
    expect(hasControlCharacters('a\u0001b')).toBe(true)
    expect(hasControlCharacters('a\tb\r\nc')).toBe(false)
  })

  it('refuses a package description containing DEL, naming the field', () => {
    const parsed = invokeContract.createPackage.input.safeParse({ ...options, description: 'x\u007F' })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues).toMatchObject([
      { path: ['description'], message: 'must not contain control characters' }
    ])
    expect(invokeContract.createPackage.input.safeParse({ ...options, description: 'x\ny' }).success).toBe(
      true
    )
  })

  it('refuses DEL in run arguments', () => {
    const input = { manifestPath: '/p/Cargo.toml', profile: 'dev', args: ['a\u007F'] }
    expect(invokeContract.startRun.input.safeParse(input).success).toBe(false)
  })
})
