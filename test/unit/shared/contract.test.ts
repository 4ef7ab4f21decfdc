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

  it('refuses DEL in run and test arguments', () => {
    const input = { manifestPath: '/p/Cargo.toml', profile: 'dev', args: ['a\u007F'] }
    expect(invokeContract.startRun.input.safeParse(input).success).toBe(false)
    expect(invokeContract.startTest.input.safeParse(input).success).toBe(false)
  })

  it('takes a test filter and harness flags, within the same limits as a run', () => {
    const request = { manifestPath: '/p/Cargo.toml', profile: 'dev' }
    const parse = (extra: object) => invokeContract.startTest.input.safeParse({ ...request, ...extra })
    expect(parse({ args: ['parses', '--ignored'] }).success).toBe(true)
    expect(parse({}).success).toBe(false)
    expect(parse({ args: Array.from({ length: 201 }, () => 'x') }).success).toBe(false)
    expect(parse({ args: ['x'.repeat(10_001)] }).success).toBe(false)
    // A run's binary means nothing to a test run: the strict schema refuses unknown keys.
    expect(parse({ args: [], bin: 'app' }).success).toBe(false)
    // libtest would write its log wherever the renderer says.
    expect(parse({ args: ['--logfile', '/home/u/.bashrc'] }).success).toBe(false)
    expect(parse({ args: ['--logfile=/tmp/x'] }).success).toBe(false)
    expect(parse({ args: ['-Zunstable-options'] }).success).toBe(false)
  })
})
