import { describe, expect, it } from 'vitest'
import {
  crateDownloadUrl,
  parseRegistryConfig
} from '../../../../../src/main/engine/sources/sparse/registry-config'

const SUM = 'a'.repeat(64)

describe('config.json', () => {
  it('reads dl, api and auth-required', () => {
    expect(parseRegistryConfig('{"dl":"https://x/dl","api":"https://x","auth-required":true}', 'u')).toEqual({
      dl: 'https://x/dl',
      api: 'https://x',
      authRequired: true
    })
    expect(parseRegistryConfig('{"dl":"https://x/dl"}', 'u')).toEqual({
      dl: 'https://x/dl',
      authRequired: false
    })
  })

  it('says which file is wrong', () => {
    expect(() => parseRegistryConfig('{', 'https://r/config.json')).toThrow(
      /https:\/\/r\/config\.json is not valid JSON/
    )
    expect(() => parseRegistryConfig('{"api":"x"}', 'https://r/config.json')).toThrow(/has no `dl`/)
  })
})

describe('download URLs', () => {
  const at = (dl: string, name = 'serde', version = '1.0.0') =>
    crateDownloadUrl({ dl, authRequired: false }, name, version, SUM)

  it('appends /{crate}/{version}/download when dl has no marker, as crates.io needs', () => {
    expect(at('https://crates.io/api/v1/crates')).toBe('https://crates.io/api/v1/crates/serde/1.0.0/download')
  })

  it('adds no slash handling of its own (cargo appends verbatim)', () => {
    expect(at('https://r/dl/')).toBe('https://r/dl//serde/1.0.0/download')
  })

  it('replaces every marker, each wherever it appears', () => {
    expect(at('https://r/{crate}/{version}/{crate}-{version}.crate')).toBe(
      'https://r/serde/1.0.0/serde-1.0.0.crate'
    )
    expect(at('https://r/{prefix}/{lowerprefix}/{crate}', 'AbCd')).toBe('https://r/Ab/Cd/ab/cd/AbCd')
    expect(at('https://r/{prefix}/{crate}', 'Abc')).toBe('https://r/3/A/Abc')
    expect(at('https://r/{prefix}/{crate}', 'a')).toBe('https://r/1/a')
    expect(at('https://r/by-hash/{sha256-checksum}')).toBe(`https://r/by-hash/${SUM}`)
  })

  it('counts the checksum marker as a marker', () => {
    expect(at('https://r/{sha256-checksum}.crate')).toBe(`https://r/${SUM}.crate`)
  })
})
