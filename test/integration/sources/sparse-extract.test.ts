/**
 * The archive extractor's limits, on real files: too much data once decompressed, too many
 * entries, and something that is not gzip at all are refused with a clear message.
 */
import { readdir } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { extractTarGz, type ExtractOptions } from '../../../src/main/engine/tools/safe-extract'
import { tarball } from '../../helpers/sparse-registry-server'
import { tempDir } from '../../helpers/temp-dir'

const OPTIONS: ExtractOptions = {
  root: 'foo-1.0.0',
  label: '`foo v1.0.0`',
  maxBytes: 1024 * 1024,
  maxEntries: 100
}

describe('archive extraction limits', () => {
  it('unpacks within the limits', async () => {
    const dir = await tempDir()
    await extractTarGz(await tarball([{ name: 'foo-1.0.0/a.rs', body: 'x' }]), dir, OPTIONS)
    expect((await readdir(dir, { recursive: true })).sort()).toEqual(['foo-1.0.0', 'foo-1.0.0/a.rs'])
  })

  it('refuses an archive that decompresses to more than allowed (a zip bomb)', async () => {
    const bomb = await tarball([{ name: 'foo-1.0.0/zeros', body: '\0'.repeat(2 * 1024 * 1024) }])
    expect(bomb.length).toBeLessThan(64 * 1024)
    await expect(extractTarGz(bomb, await tempDir(), OPTIONS)).rejects.toThrow(
      'The archive of `foo v1.0.0` contains more than 1 MiB of data once decompressed; it was not unpacked.'
    )
  })

  it('refuses an archive with too many entries', async () => {
    const many = await tarball(Array.from({ length: 101 }, (_, i) => ({ name: `foo-1.0.0/f${i}`, body: '' })))
    await expect(extractTarGz(many, await tempDir(), OPTIONS)).rejects.toThrow(
      /contains more than 100 entries/
    )
  })

  it('refuses data that is not gzip', async () => {
    await expect(extractTarGz(Buffer.from('plain text'), await tempDir(), OPTIONS)).rejects.toThrow(
      'The archive of `foo v1.0.0` could not be unpacked: it is not a gzip file'
    )
  })
})
