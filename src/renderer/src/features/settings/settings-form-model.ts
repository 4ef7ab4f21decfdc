/**
 * The Settings form as typed (strings, like the inputs hold them) and its conversion to a
 * change main accepts, checked with the same schema main validates with, field by field.
 */
import type { Edition } from '@shared/models/package'
import type { Settings, Theme } from '@shared/models/settings'
import { settingsFields } from '@shared/ipc/settings-schema'

export interface SettingsForm {
  readonly edition: Edition
  readonly author: string
  readonly license: string
  /** Empty: one job per CPU. */
  readonly jobs: string
  readonly theme: Theme
  readonly editorCommand: string
  /** Empty: the platform's cache folder. */
  readonly cacheDir: string
}

export type SettingsErrors = Partial<Record<keyof SettingsForm, string>>

export function formOf(s: Settings): SettingsForm {
  return { ...s, jobs: s.jobs === null ? '' : String(s.jobs), cacheDir: s.cacheDir ?? '' }
}

/** The form as settings, or the message for each field that is wrong. */
export function settingsOf(form: SettingsForm): { settings?: Settings; errors: SettingsErrors } {
  const jobsText = form.jobs.trim()
  const candidate = {
    edition: form.edition,
    author: form.author.trim(),
    license: form.license.trim(),
    jobs: jobsText === '' ? null : /^\d+$/.test(jobsText) ? Number(jobsText) : NaN,
    theme: form.theme,
    editorCommand: form.editorCommand.trim(),
    cacheDir: form.cacheDir.trim() === '' ? null : form.cacheDir.trim()
  }
  const errors: SettingsErrors = {}
  for (const key of Object.keys(candidate) as (keyof typeof candidate)[]) {
    const parsed = settingsFields[key].safeParse(candidate[key])
    if (!parsed.success) errors[key] = messageFor(key, parsed.error.issues[0]?.message)
  }
  return Object.keys(errors).length > 0 ? { errors } : { settings: candidate, errors }
}

function messageFor(key: keyof SettingsForm, zodMessage: string | undefined): string {
  if (key === 'jobs') return 'Enter a whole number from 1 to 256, or leave it empty for one job per CPU.'
  if (key === 'cacheDir') return 'Enter an absolute folder path, or leave it empty for the default.'
  return zodMessage ?? 'This value is not valid.'
}

/** Only the fields that differ from what is saved. */
export function changedFields(saved: Settings, next: Settings): Partial<Settings> {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(next) as (keyof Settings)[])
    if (next[key] !== saved[key]) out[key] = next[key]
  return out
}
