/** Settings: read forgivingly field by field, saved atomically, and a damaged file is kept, not lost. */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../../src/main/services/settings-file'
import { SettingsStore, startupCacheDir } from '../../../src/main/services/settings-store'
import { tempDir } from '../../helpers/temp-dir'

async function store() {
  const dir = await tempDir('cs-settings-')
  return {
    dir,
    file: join(dir, 'settings.json'),
    store: new SettingsStore(dir, { jobs: 4, cacheDir: '/c' }, { dir: '/c', fromEnvironment: false })
  }
}

describe('settings', () => {
  it('starts from the defaults and says where the file is and what null means here', async () => {
    const { store: s, file } = await store()
    expect(await s.state()).toEqual({
      settings: DEFAULT_SETTINGS,
      file,
      problems: [],
      defaults: { jobs: 4, cacheDir: '/c' },
      cacheDirInUse: '/c',
      cacheDirFromEnvironment: false
    })
  })

  it('saves a change, keeps fields this version does not know, and reads hand edits afresh', async () => {
    const { store: s, file } = await store()
    await writeFile(file, JSON.stringify({ theme: 'dark', fromTheFuture: { x: 1 } }))
    const state = await s.update({ jobs: 3, author: 'Ferris <f@example.com>' })
    expect(state.settings).toMatchObject({ theme: 'dark', jobs: 3, author: 'Ferris <f@example.com>' })
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ fromTheFuture: { x: 1 }, jobs: 3 })
    await writeFile(file, JSON.stringify({ ...JSON.parse(await readFile(file, 'utf8')), edition: '2021' }))
    expect((await s.settings()).edition).toBe('2021')
  })

  it('falls back per field with the file, line and fix, and backs the file up before replacing it', async () => {
    const { store: s, file } = await store()
    const text = '{\n  "theme": "dark",\n  "jobs": 0,\n  "editorCommand": "code --goto"\n}\n'
    await writeFile(file, text)
    const state = await s.state()
    expect(state.settings).toMatchObject({ theme: 'dark', jobs: null, editorCommand: '' })
    expect(state.problems).toEqual([
      expect.stringMatching(
        new RegExp(`^${file.replaceAll('/', '\\/')}:3: "jobs" .*using the default`)
      ) as string,
      expect.stringMatching(/:4: "editorCommand" must contain \{file\}/) as string
    ])
    await s.update({ license: 'MIT' })
    expect(await readFile(`${file}.bak`, 'utf8')).toBe(text)
    expect((await s.state()).problems).toEqual([])
  })

  it('names the line of a JSON syntax error and uses the defaults', async () => {
    const { store: s, file } = await store()
    await writeFile(file, '{\n  "theme": "dark",\n  oops\n}\n')
    const state = await s.state()
    expect(state.settings).toEqual(DEFAULT_SETTINGS)
    expect(state.problems[0]).toMatch(new RegExp(`${file.replaceAll('/', '\\/')}:3: not valid JSON`))
  })

  it('refuses to save over a file it cannot read, and leaves it alone', async () => {
    const { store: s, file } = await store()
    await mkdir(file) // a folder where the file should be: reading it fails with EISDIR
    expect((await s.state()).problems[0]).toMatch(/cannot be read/)
    await expect(s.update({ theme: 'dark' })).rejects.toMatchObject({
      code: 'io',
      message: expect.stringMatching(/Settings were not saved/) as string
    })
    expect((await stat(file)).isDirectory()).toBe(true)
  })

  it('serializes quick changes so none is lost', async () => {
    const { store: s } = await store()
    await Promise.all([s.update({ jobs: 2 }), s.update({ theme: 'light' }), s.update({ license: 'MIT' })])
    expect(await s.settings()).toMatchObject({ jobs: 2, theme: 'light', license: 'MIT' })
  })

  it('picks the cache folder at start: the environment, then the setting, then the platform', async () => {
    const { store: s, dir } = await store()
    expect(await startupCacheDir(dir, { XDG_CACHE_HOME: '/xdg' })).toBe('/xdg/crate-studio')
    await s.update({ cacheDir: '/mine' })
    expect(await startupCacheDir(dir, { XDG_CACHE_HOME: '/xdg' })).toBe('/mine')
    expect(await startupCacheDir(dir, { CRATE_STUDIO_CACHE_DIR: '/env' })).toBe('/env')
  })
})
