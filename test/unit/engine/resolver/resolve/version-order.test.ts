import { describe, expect, it } from 'vitest'
import { compareVersions, compatBucket } from '../../../../../src/main/engine/resolver/resolve/version-order'

describe('semver order and compatibility buckets', () => {
  it('orders numbers numerically, pre-releases below releases, build metadata last', () => {
    const sorted = [
      '1.0.0',
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-beta',
      '1.0.0-alpha.beta',
      '0.9.10',
      '0.9.9',
      '1.0.0+b',
      '10.0.0',
      '2.0.0',
      '1.0.0-rc.1',
      '1.0.0-beta.11',
      '1.0.0-beta.2'
    ].sort(compareVersions)
    expect(sorted).toEqual([
      '0.9.9',
      '0.9.10',
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.0.0+b',
      '2.0.0',
      '10.0.0'
    ])
    expect(compareVersions('18446744073709551616.0.0', '18446744073709551615.0.0')).toBe(1)
  })

  it('buckets by the left-most non-zero number', () => {
    expect(compatBucket('1.2.3')).toBe(compatBucket('1.9.0'))
    expect(compatBucket('0.3.1')).toBe(compatBucket('0.3.9'))
    expect(compatBucket('0.3.1')).not.toBe(compatBucket('0.4.0'))
    expect(compatBucket('0.0.3')).not.toBe(compatBucket('0.0.4'))
    expect(compatBucket('1.0.0-beta')).toBe(compatBucket('1.0.0'))
  })
})
