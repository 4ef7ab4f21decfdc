import { describe, expect, it } from 'vitest'
import { registryCacheFolderName } from '../../../../../src/main/engine/sources/sparse/cache-folder'

describe('registry cache folders', () => {
  it('name the host and keep registries apart', () => {
    const a = registryCacheFolderName('sparse+https://index.crates.io/')
    expect(a).toMatch(/^index\.crates\.io-[0-9a-f]{16}$/)
    expect(registryCacheFolderName('https://index.crates.io/')).toBe(a)
    expect(registryCacheFolderName('sparse+https://index.crates.io/other/')).not.toBe(a)
    expect(registryCacheFolderName('sparse+http://127.0.0.1:8080/index/')).toMatch(/^127\.0\.0\.1_8080-/)
  })
})
