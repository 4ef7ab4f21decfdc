/** Programs are found by absolute path through PATH, and Windows batch files are never run. */
import { chmod, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findOnPath } from '../../../../src/main/engine/tools/find-program'
import { tempDir } from '../../../helpers/temp-dir'

describe('findOnPath', () => {
  it('finds an executable on PATH as an absolute path, and skips what is not executable', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, 'a'))
    await mkdir(join(dir, 'b'))
    await writeFile(join(dir, 'a', 'tool'), '')
    await writeFile(join(dir, 'b', 'tool'), '#!/bin/sh\n')
    await chmod(join(dir, 'b', 'tool'), 0o755)
    const env = { PATH: [join(dir, 'a'), join(dir, 'b')].join(':') }
    expect(await findOnPath('tool', env, 'linux')).toBe(join(dir, 'b', 'tool'))
    expect(await findOnPath('missing', env, 'linux')).toBeUndefined()
    // A relative PATH entry would resolve against whatever folder the program later runs in:
    // `bin/crate-studio` exists below the test's working folder, and is still not found.
    expect(await findOnPath('crate-studio', { PATH: 'bin' }, 'linux')).toBeUndefined()
  })

  it('adds .exe on Windows, but not to a name that already has it', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'explorer.exe'), '')
    await chmod(join(dir, 'explorer.exe'), 0o755)
    expect(await findOnPath('explorer', { PATH: dir }, 'win32')).toBe(join(dir, 'explorer.exe'))
    expect(await findOnPath('explorer.exe', { PATH: dir }, 'win32')).toBe(join(dir, 'explorer.exe'))
  })

  it.each(['C:\\\\tools\\\\evil.bat', 'wrapper.CMD', 'D:/x/y.cmd'])(
    'refuses the batch file %s on Windows',
    async (name) => {
      await expect(findOnPath(name, { PATH: '' }, 'win32')).rejects.toMatchObject({
        code: 'unsupported',
        message: expect.stringMatching(/batch files run through cmd\.exe/) as string
      })
    }
  )
})
