import { describe, expect, it } from 'vitest'
import { CRATES_IO, type SourceId } from '../../../../../src/main/engine/sources/source-id'
import { parseIndexFile, parseIndexLine } from '../../../../../src/main/engine/sources/sparse/index-line'
import { sourceIdOfRegistryUrl } from '../../../../../src/main/engine/sources/sparse/registry-url'

const REG: SourceId = { kind: 'sparse', url: 'https://r.example/index/' }
const SUM = 'b'.repeat(64)

function line(fields: Record<string, unknown>): string {
  return JSON.stringify({
    name: 'foo',
    vers: '1.0.0',
    deps: [],
    cksum: SUM,
    features: {},
    yanked: false,
    ...fields
  })
}

function summary(fields: Record<string, unknown>) {
  const parsed = parseIndexLine(line(fields), REG)
  if (parsed.kind !== 'summary') throw new Error(`skipped: ${parsed.reason}`)
  return parsed.summary
}

describe('an index line', () => {
  it('becomes a summary of this registry with its checksum', () => {
    expect(summary({ links: 'z', rust_version: '1.70' })).toEqual({
      name: 'foo',
      version: '1.0.0',
      source: REG,
      deps: [],
      features: {},
      checksum: SUM,
      yanked: false,
      links: 'z',
      rustVersion: '1.70'
    })
  })

  it('reads every dependency field, with cargo defaults for missing ones', () => {
    const s = summary({
      deps: [
        { name: 'a', req: '^1' },
        {
          name: 'b',
          req: '=2.0.0',
          features: ['x', ''],
          optional: true,
          default_features: false,
          target: 'cfg(unix)',
          kind: 'dev'
        },
        { name: 'c', req: '*', kind: 'build', target: null }
      ]
    })
    expect(s.deps).toEqual([
      {
        name: 'a',
        packageName: 'a',
        req: '^1',
        kind: 'normal',
        optional: false,
        defaultFeatures: true,
        features: [],
        source: REG
      },
      {
        name: 'b',
        packageName: 'b',
        req: '=2.0.0',
        kind: 'dev',
        optional: true,
        defaultFeatures: false,
        features: ['x'],
        target: 'cfg(unix)',
        source: REG
      },
      {
        name: 'c',
        packageName: 'c',
        req: '*',
        kind: 'build',
        optional: false,
        defaultFeatures: true,
        features: [],
        source: REG
      }
    ])
  })

  it('keeps the rename: `name` is the new name, `package` the real one', () => {
    const [dep] = summary({ deps: [{ name: 'json', req: '1', package: 'serde_json' }] }).deps
    expect(dep).toMatchObject({ name: 'json', packageName: 'serde_json' })
  })

  it('points a dependency with `registry` at that registry', () => {
    const deps = summary({
      deps: [
        { name: 'a', req: '1', registry: 'sparse+https://other.example/index/' },
        { name: 'b', req: '1', registry: 'https://github.com/rust-lang/crates.io-index' },
        { name: 'c', req: '1', registry: 'https://git.example/index' }
      ]
    }).deps
    expect(deps.map((d) => d.source)).toEqual([
      { kind: 'sparse', url: 'https://other.example/index/' },
      CRATES_IO,
      { kind: 'registry', url: 'https://git.example/index' }
    ])
  })

  it('merges features2 into features', () => {
    const s = summary({ features: { a: ['x'], std: [] }, features2: { a: ['dep:y'], b: ['y?/z'] }, v: 2 })
    expect(s.features).toEqual({ a: ['x', 'dep:y'], std: [], b: ['y?/z'] })
  })

  it('marks yanked versions instead of dropping them', () => {
    expect(summary({ yanked: true }).yanked).toBe(true)
  })

  it('skips lines from a newer index schema, as cargo does', () => {
    expect(parseIndexLine(line({ v: 3 }), REG)).toEqual({
      kind: 'skipped',
      reason: 'index schema version 3 is newer than 2'
    })
    expect(parseIndexLine(line({ v: 2 }), REG).kind).toBe('summary')
    expect(parseIndexLine(line({ v: 1 }), REG).kind).toBe('summary')
  })

  it.each([
    ['not JSON', '{"name":'],
    ['no checksum', JSON.stringify({ name: 'foo', vers: '1.0.0', deps: [] })],
    ['a bad version', line({ vers: '1.0' })],
    ['a path as version', line({ vers: '../../x' })],
    ['a dependency without req', line({ deps: [{ name: 'a' }] })],
    ['features that are not lists', line({ features: { a: 'x' } })]
  ])('skips a line with %s', (_what, text) => {
    expect(parseIndexLine(text, REG).kind).toBe('skipped')
  })
})

describe('an index file', () => {
  it('lists each version once (the last line wins) and only lines of the exact name', () => {
    const text = [
      line({ vers: '1.0.0' }),
      '',
      line({ vers: '1.1.0', yanked: true }),
      line({ vers: '1.0.0', links: 'again' }),
      line({ name: 'Foo', vers: '9.0.0' }),
      line({ vers: '2.0.0', v: 9 }),
      'garbage',
      ''
    ].join('\n')
    const list = parseIndexFile(text, 'foo', REG)
    expect(list.map((s) => [s.version, s.yanked, s.links])).toEqual([
      ['1.0.0', false, 'again'],
      ['1.1.0', true, undefined]
    ])
  })
})

describe('registry URLs in index lines', () => {
  it('adds the trailing slash a sparse source ID keeps', () => {
    expect(sourceIdOfRegistryUrl('sparse+https://a.example/i')).toEqual({
      kind: 'sparse',
      url: 'https://a.example/i/'
    })
  })

  it('reads both crates.io URLs as crates.io', () => {
    expect(sourceIdOfRegistryUrl('sparse+https://index.crates.io/')).toEqual(CRATES_IO)
  })
})
