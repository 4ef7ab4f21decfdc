/** Builds: parallel jobs, and where git checkouts and registry files are cached. */
import type { SettingsState } from '@shared/models/settings'
import { SettingsField } from './settings-field'
import type { SettingsErrors, SettingsForm } from './settings-form-model'

interface Props {
  readonly form: SettingsForm
  readonly state: SettingsState
  readonly errors: SettingsErrors
  readonly onChange: (patch: Partial<SettingsForm>) => void
  readonly pickFolder: (title: string, from: string) => Promise<string | null>
}

export function BuildsFieldset({ form, state, errors, onChange, pickFolder }: Props) {
  // Running services hold the cache folder they started with.
  const cacheDir = form.cacheDir.trim() || state.defaults.cacheDir
  const cacheChangesOnRestart = !state.cacheDirFromEnvironment && cacheDir !== state.cacheDirInUse
  return (
    <fieldset>
      <legend>Builds</legend>
      <SettingsField
        id="settings-jobs"
        label="Parallel jobs"
        hint={`Empty: one per CPU (${state.defaults.jobs} here). Cargo config's build.jobs (the project's or your own) and CARGO_BUILD_JOBS win.`}
        error={errors.jobs}
      >
        {(aria) => (
          <input
            {...aria}
            id="settings-jobs"
            inputMode="numeric"
            value={form.jobs}
            placeholder={String(state.defaults.jobs)}
            autoComplete="off"
            onChange={(e) => onChange({ jobs: e.target.value })}
          />
        )}
      </SettingsField>
      <SettingsField
        id="settings-cache"
        label="Cache location"
        hint={`Git checkouts and registry files of the app’s builds (the CLI uses CRATE_STUDIO_CACHE_DIR or the default). Empty: ${state.defaults.cacheDir}.`}
        error={errors.cacheDir}
      >
        {(aria) => (
          <div className="settings-inline">
            <input
              {...aria}
              id="settings-cache"
              value={form.cacheDir}
              placeholder={state.defaults.cacheDir}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => onChange({ cacheDir: e.target.value })}
            />
            <button
              type="button"
              onClick={() =>
                void pickFolder('Choose the cache folder', form.cacheDir || state.defaults.cacheDir).then(
                  (p) => p && onChange({ cacheDir: p })
                )
              }
            >
              Choose…
            </button>
          </div>
        )}
      </SettingsField>
      {state.cacheDirFromEnvironment && (
        <p className="settings-note" role="note">
          CRATE_STUDIO_CACHE_DIR is set: builds use <code>{state.cacheDirInUse}</code> whatever this says.
        </p>
      )}
      {cacheChangesOnRestart && (
        <p className="settings-note" role="note">
          Builds use <code>{state.cacheDirInUse}</code> until Crate Studio restarts.
        </p>
      )}
    </fieldset>
  )
}
