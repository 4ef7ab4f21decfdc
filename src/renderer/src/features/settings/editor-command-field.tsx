/** "Open in editor": the command with presets for common editors, or the system's default app. */
import { EDITOR_PRESETS } from '@shared/models/settings'
import { SettingsField } from './settings-field'

interface Props {
  readonly value: string
  readonly error: string | undefined
  readonly onChange: (command: string) => void
}

export function EditorCommandField({ value, error, onChange }: Props) {
  const preset = EDITOR_PRESETS.find((p) => p.command === value.trim())?.command ?? ''
  return (
    <fieldset>
      <legend>Editor</legend>
      <div className="field">
        <label htmlFor="settings-editor-preset">Open files with</label>
        <select
          id="settings-editor-preset"
          value={value.trim() === '' ? 'system' : preset || 'custom'}
          onChange={(e) => {
            const choice = e.target.value
            if (choice === 'system') onChange('')
            else if (choice !== 'custom') onChange(choice)
          }}
        >
          <option value="system">The system’s default application</option>
          {EDITOR_PRESETS.map((p) => (
            <option key={p.name} value={p.command}>
              {p.name}
            </option>
          ))}
          <option value="custom">A command of my own…</option>
        </select>
      </div>
      <SettingsField
        id="settings-editor"
        label="Editor command"
        hint="A program and its arguments; {file}, {line} and {column} are filled in. Run without a shell, so a path with spaces stays one argument."
        error={error}
      >
        {(aria) => (
          <input
            {...aria}
            id="settings-editor"
            value={value}
            placeholder="e.g. code --goto {file}:{line}:{column}"
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => onChange(e.target.value)}
          />
        )}
      </SettingsField>
    </fieldset>
  )
}
