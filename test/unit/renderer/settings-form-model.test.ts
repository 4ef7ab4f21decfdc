/** The Settings form: checked with main's own schema, and only changed fields are sent. */
import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../../src/main/services/settings-file'
import {
  changedFields,
  formOf,
  settingsOf
} from '../../../src/renderer/src/features/settings/settings-form-model'

describe('settings form', () => {
  it('turns the typed form into settings and sends only what changed', () => {
    const form = { ...formOf(DEFAULT_SETTINGS), jobs: ' 6 ', author: ' Ferris ', cacheDir: '' }
    const { settings, errors } = settingsOf(form)
    expect(errors).toEqual({})
    expect(changedFields(DEFAULT_SETTINGS, settings!)).toEqual({ jobs: 6, author: 'Ferris' })
  })

  it('says what is wrong with each field and how to fix it', () => {
    const form = {
      ...formOf(DEFAULT_SETTINGS),
      jobs: '2.5',
      cacheDir: 'relative/cache',
      editorCommand: 'code --goto'
    }
    const { settings, errors } = settingsOf(form)
    expect(settings).toBeUndefined()
    expect(errors.jobs).toMatch(/whole number from 1 to 256/)
    expect(errors.cacheDir).toMatch(/absolute folder path/)
    expect(errors.editorCommand).toMatch(/\{file\}/)
  })
})
