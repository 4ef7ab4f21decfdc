/** Which Cargo.toml the Manifest tab edits, in a workspace: the member in focus or the root's. */
import { confirmLeave } from '../../lib/leave-guard'

interface Props {
  readonly choices: readonly { readonly path: string; readonly label: string }[]
  readonly value: string
  readonly onChange: (path: string) => void
}

export function ManifestChooser({ choices, value, onChange }: Props) {
  return (
    <div className="manifest-chooser row" role="radiogroup" aria-label="Manifest to edit">
      {choices.map((c) => (
        <label key={c.path}>
          <input
            type="radio"
            name="manifest-choice"
            checked={c.path === value}
            // Unsaved edits in the one shown now are asked about first, as when leaving the tab.
            onChange={() => void confirmLeave().then((ok) => ok && onChange(c.path))}
          />{' '}
          {c.label}
        </label>
      ))}
    </div>
  )
}
