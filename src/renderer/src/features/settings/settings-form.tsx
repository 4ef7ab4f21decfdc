/** The settings themselves: typed freely, checked as you go, saved together with one button. */
import { useState, type FormEvent } from 'react'
import { EDITIONS } from '@shared/models/package'
import { THEMES, type SettingsState } from '@shared/models/settings'
import { ErrorMessage } from '../../components/error-message'
import { useFolderPicker } from '../../components/use-folder-picker'
import { useUpdateSettings } from '../../queries/settings-queries'
import { LICENSE_SUGGESTIONS } from '../wizard/wizard-fields'
import { EditorCommandField } from './editor-command-field'
import { changedFields, formOf, settingsOf, type SettingsForm } from './settings-form-model'
import { SettingsField } from './settings-field'
import { BuildsFieldset } from './builds-fieldset'
import { useThemePreview } from './use-theme'

const THEME_LABELS = { system: 'Same as the system', light: 'Light', dark: 'Dark' } as const

export function SettingsFormView({ state }: { readonly state: SettingsState }) {
  const [form, setForm] = useState<SettingsForm>(() => formOf(state.settings))
  const update = useUpdateSettings()
  const picker = useFolderPicker()
  const { settings, errors } = settingsOf(form)
  const changes = settings ? changedFields(state.settings, settings) : {}
  const dirty = Object.keys(changes).length > 0
  useThemePreview(form.theme, state.settings.theme)
  const set = (patch: Partial<SettingsForm>) => {
    update.reset()
    setForm((f) => ({ ...f, ...patch }))
  }
  const save = (e: FormEvent) => {
    e.preventDefault()
    if (settings && dirty) update.mutate(changes, { onSuccess: (s) => setForm(formOf(s.settings)) })
  }

  return (
    <form className="settings-form" onSubmit={save} noValidate>
      <fieldset>
        <legend>New packages</legend>
        <SettingsField id="settings-edition" label="Edition">
          {(aria) => (
            <select
              {...aria}
              id="settings-edition"
              value={form.edition}
              onChange={(e) => set({ edition: e.target.value as SettingsForm['edition'] })}
            >
              {EDITIONS.map((edition) => (
                <option key={edition} value={edition}>
                  {edition}
                </option>
              ))}
            </select>
          )}
        </SettingsField>
        <SettingsField
          id="settings-author"
          label="Author"
          hint="Empty: your git user.name and user.email, as cargo new does."
          error={errors.author}
        >
          {(aria) => (
            <input
              {...aria}
              id="settings-author"
              value={form.author}
              placeholder="Name <email@example.com>"
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => set({ author: e.target.value })}
            />
          )}
        </SettingsField>
        <SettingsField
          id="settings-license"
          label="License"
          hint="An SPDX expression; empty: none."
          error={errors.license}
        >
          {(aria) => (
            <input
              {...aria}
              id="settings-license"
              list="settings-license-suggestions"
              value={form.license}
              placeholder="e.g. MIT OR Apache-2.0"
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => set({ license: e.target.value })}
            />
          )}
        </SettingsField>
        <datalist id="settings-license-suggestions">
          {LICENSE_SUGGESTIONS.map((l) => (
            <option key={l} value={l} />
          ))}
        </datalist>
      </fieldset>

      <BuildsFieldset
        form={form}
        state={state}
        errors={errors}
        onChange={set}
        pickFolder={(title, from) => picker.pick(title, from)}
      />

      <fieldset>
        <legend>Appearance</legend>
        <div className="settings-radios" role="radiogroup" aria-label="Theme">
          {THEMES.map((theme) => (
            <label key={theme}>
              <input
                type="radio"
                name="theme"
                value={theme}
                checked={form.theme === theme}
                onChange={() => set({ theme })}
              />
              {THEME_LABELS[theme]}
            </label>
          ))}
        </div>
      </fieldset>

      <EditorCommandField
        value={form.editorCommand}
        error={errors.editorCommand}
        onChange={(editorCommand) => set({ editorCommand })}
      />

      {update.isError && <ErrorMessage error={update.error} title="Settings were not saved" />}
      <div className="settings-actions">
        <button type="submit" className="primary" disabled={!dirty || update.isPending}>
          {update.isPending ? 'Saving…' : 'Save Settings'}
        </button>
        <button
          type="button"
          disabled={!dirty && !Object.keys(errors).length}
          onClick={() => set(formOf(state.settings))}
        >
          Revert
        </button>
        <span role="status" className="muted">
          {update.isSuccess && !dirty ? 'Saved.' : ''}
        </span>
      </div>
      {picker.element}
    </form>
  )
}
