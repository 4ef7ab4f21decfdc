/** Settings: what the app remembers, where it keeps it, and what was wrong with the file. */
import { ErrorMessage } from '../../components/error-message'
import { useSettings } from '../../queries/settings-queries'
import { SettingsFormView } from './settings-form'
import { TrustedFoldersSection } from './trusted-folders-section'
import '../wizard/wizard.css'
import './settings.css'

export function SettingsPage({ onDone }: { readonly onDone: () => void }) {
  const settings = useSettings()
  return (
    <main className="settings-page" aria-labelledby="settings-title">
      <div className="settings-header">
        <h1 id="settings-title">Settings</h1>
        <button type="button" onClick={onDone}>
          Done
        </button>
      </div>
      {settings.isPending && <p className="muted">Loading…</p>}
      {settings.isError && <ErrorMessage error={settings.error} title="Cannot read the settings" />}
      {settings.data && (
        <>
          <p className="muted">
            Saved in <code>{settings.data.file}</code>
          </p>
          {settings.data.problems.length > 0 && (
            <div className="error-message" role="alert">
              <strong className="error-message-title">The settings file has problems</strong>
              <ul>
                {settings.data.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          )}
          <section className="panel" aria-label="Preferences">
            <SettingsFormView state={settings.data} />
          </section>
          <TrustedFoldersSection />
        </>
      )}
    </main>
  )
}
