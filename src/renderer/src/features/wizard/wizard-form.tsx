/** The wizard's inputs. Every input has a visible label; messages are linked with aria-describedby. */
import { EDITIONS, type Edition } from '@shared/models/package'
import { crateNameOf } from '@shared/rules/package-name'
import { joinPath } from '../../lib/paths'
import { describedBy, FieldMessages } from './field-messages'
import { LICENSE_SUGGESTIONS, type FieldMessages as Messages, type WizardFields } from './wizard-fields'

const KINDS = [
  { kind: 'bin', label: 'Binary' },
  { kind: 'lib', label: 'Library' }
] as const

interface Props {
  readonly fields: WizardFields
  readonly messages: Messages
  readonly onChange: (patch: Partial<WizardFields>) => void
  readonly onBrowse: () => void
}

export function WizardForm({ fields, messages, onChange, onBrowse }: Props) {
  const crateName = crateNameOf(fields.name)
  return (
    <div className="wizard-form">
      <div className="field">
        <label htmlFor="wizard-name">Name</label>
        <input
          id="wizard-name"
          value={fields.name}
          autoFocus
          spellCheck={false}
          autoComplete="off"
          placeholder="my-package"
          onChange={(e) => onChange({ name: e.target.value })}
          {...describedBy('wizard-name-messages', messages.name)}
        />
        <FieldMessages id="wizard-name-messages" messages={messages.name} />
        {fields.name !== '' && crateName !== fields.name && !messages.name?.length && (
          <p className="field-hint">
            In code, the crate is called <code>{crateName}</code>.
          </p>
        )}
      </div>

      <div className="field">
        <label htmlFor="wizard-location">Location</label>
        <div className="input-with-button">
          <input
            id="wizard-location"
            value={fields.parentDir}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => onChange({ parentDir: e.target.value })}
            {...describedBy('wizard-location-messages', messages.location)}
          />
          <button type="button" onClick={onBrowse}>
            Browse…
          </button>
        </div>
        <FieldMessages id="wizard-location-messages" messages={messages.location} />
        {fields.name !== '' && !messages.location?.length && (
          <p className="field-hint">
            The package folder: <code>{joinPath(fields.parentDir.trim() || '/', fields.name)}</code>
          </p>
        )}
      </div>

      <fieldset className="field">
        <legend>Kind</legend>
        <div className="radio-cards">
          {KINDS.map(({ kind, label }) => (
            <label className="radio-card" key={kind}>
              <input
                type="radio"
                name="kind"
                value={kind}
                checked={fields.kind === kind}
                onChange={() => onChange({ kind })}
              />
              <span>{label}</span>
            </label>
          ))}
        </div>
        <p className="field-hint">
          {fields.kind === 'bin'
            ? 'A program you can run (src/main.rs).'
            : 'A crate other packages use (src/lib.rs).'}
        </p>
      </fieldset>

      <div className="field-row">
        <div className="field">
          <label htmlFor="wizard-edition">Edition</label>
          <select
            id="wizard-edition"
            value={fields.edition}
            onChange={(e) => onChange({ edition: e.target.value as Edition })}
          >
            {EDITIONS.map((edition) => (
              <option key={edition} value={edition}>
                {edition}
              </option>
            ))}
          </select>
          <FieldMessages id="wizard-edition-messages" messages={messages.edition} />
        </div>
        <div className="field">
          <label htmlFor="wizard-version">Version</label>
          <input
            id="wizard-version"
            value={fields.version}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => onChange({ version: e.target.value })}
            {...describedBy('wizard-version-messages', messages.version)}
          />
          <FieldMessages id="wizard-version-messages" messages={messages.version} />
        </div>
      </div>

      <div className="field">
        <label htmlFor="wizard-authors">Authors</label>
        <textarea
          id="wizard-authors"
          rows={2}
          value={fields.authors}
          spellCheck={false}
          placeholder="Name <email@example.com>"
          onChange={(e) => onChange({ authors: e.target.value })}
          {...describedBy('wizard-authors-messages', messages.authors)}
        />
        <p className="field-hint">One per line.</p>
        <FieldMessages id="wizard-authors-messages" messages={messages.authors} />
      </div>

      <div className="field">
        <label htmlFor="wizard-license">License</label>
        <input
          id="wizard-license"
          list="wizard-license-suggestions"
          value={fields.license}
          spellCheck={false}
          autoComplete="off"
          placeholder="e.g. MIT OR Apache-2.0"
          onChange={(e) => onChange({ license: e.target.value })}
          {...describedBy('wizard-license-messages', messages.license)}
        />
        <datalist id="wizard-license-suggestions">
          {LICENSE_SUGGESTIONS.map((l) => (
            <option key={l} value={l} />
          ))}
        </datalist>
        <FieldMessages id="wizard-license-messages" messages={messages.license} />
      </div>

      <div className="field">
        <label htmlFor="wizard-description">Description</label>
        <textarea
          id="wizard-description"
          rows={2}
          value={fields.description}
          onChange={(e) => onChange({ description: e.target.value })}
          {...describedBy('wizard-description-messages', messages.description)}
        />
        <FieldMessages id="wizard-description-messages" messages={messages.description} />
      </div>

      <div className="field checkbox-field">
        <input
          id="wizard-git"
          type="checkbox"
          checked={fields.git}
          onChange={(e) => onChange({ git: e.target.checked })}
        />
        <label htmlFor="wizard-git">Initialize a git repository</label>
        <FieldMessages id="wizard-git-messages" messages={messages.git} />
      </div>
    </div>
  )
}
