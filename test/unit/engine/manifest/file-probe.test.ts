/** The file probe answers as a stat would, from one listing per folder. */
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fileProbe } from '../../../../src/main/engine/manifest/file-probe'
import { tempDir } from '../../../helpers/temp-dir'

describe('fileProbe', () => {
  it('answers as a stat does: files, folders, links, missing places, other cases', async () => {
    const dir = await tempDir('cs-probe-')
    await mkdir(join(dir, 'src', 'bin', 'tool'), { recursive: true })
    await writeFile(join(dir, 'src', 'lib.rs'), '')
    await writeFile(join(dir, 'src', 'Main.rs'), '')
    await writeFile(join(dir, 'real.rs'), '')
    await symlink(join(dir, 'real.rs'), join(dir, 'src', 'linked.rs'))
    await symlink(join(dir, 'nowhere.rs'), join(dir, 'src', 'dangling.rs'))
    const probe = fileProbe()
    const at = (...p: string[]) => probe.isFile(join(dir, ...p))
    expect(await at('src', 'lib.rs')).toBe(true)
    expect(await at('src', 'linked.rs')).toBe(true)
    expect(await at('src', 'dangling.rs')).toBe(false)
    expect(await at('src', 'bin')).toBe(false)
    // A case-sensitive disk (this one) has no main.rs; a case-insensitive one would, and stat says so.
    expect(await at('src', 'main.rs')).toBe(false)
    expect(await at('missing', 'lib.rs')).toBe(false)
    expect(await at('src', 'lib.rs', 'below-a-file.rs')).toBe(false)
    expect((await probe.list(join(dir, 'src', 'bin'))).map((e) => e.name)).toEqual(['tool'])
    expect(await probe.list(join(dir, 'examples'))).toEqual([])
  })
})
