/**
 * Adding a dependency the way `cargo add` does: which table (kind and platform), the name, and
 * the source. The engine writes it in cargo add's style; this form only sends the spec.
 */
import { useId, useState, type FormEvent } from 'react'
import {
  draftEdit,
  draftErrors,
  EMPTY_DRAFT,
  type AddDependencyDraft,
  type DraftField
} from '../model/add-dependency'
import { KIND_LABELS, type SourceKind } from '../model/dependencies'

interface Props {
  readonly targets: readonly string[]
  readonly hasWorkspace: boolean
  /** A virtual workspace root: only its shared table can take dependencies. */
  readonly onlyWorkspace?: boolean
  readonly onAdd: (edit: ReturnType<typeof draftEdit>) => void
  readonly onCancel: () => void
}

const COMMON_TARGETS = ['cfg(unix)', 'cfg(windows)', 'cfg(target_os = "linux")', 'cfg(target_os = "macos")']

const SOURCES: readonly { readonly kind: SourceKind; readonly label: string }[] = [
  { kind: 'registry', label: 'crates.io or a registry' },
  { kind: 'git', label: 'Git repository' },
  { kind: 'path', label: 'Local folder' }
]

export function AddDependencyForm({ targets, hasWorkspace, onlyWorkspace, onAdd, onCancel }: Props) {
  const id = useId()
  const [draft, setDraft] = useState<AddDependencyDraft>(() =>
    onlyWorkspace ? { ...EMPTY_DRAFT, kind: 'workspace' } : EMPTY_DRAFT
  )
  const [tried, setTried] = useState(false)
  const errors = draftErrors(draft)
  const set = (patch: Partial<AddDependencyDraft>): void => setDraft((d) => ({ ...d, ...patch }))
  const submit = (e: FormEvent): void => {
    e.preventDefault()
    setTried(true)
    if (Object.keys(errors).length > 0) return
    onAdd(draftEdit(draft))
  }
  const error = (field: DraftField) =>
    tried && errors[field] ? (
      <p id={`${id}-${field}-error`} className="me-inline-error">
        {errors[field]}
      </p>
    ) : null
  const invalid = (field: DraftField) =>
    tried && errors[field] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${field}-error` } : {}
  const text = (field: DraftField, label: string, placeholder?: string) => (
    <div className="me-field">
      <label htmlFor={`${id}-${field}`}>{label}</label>
      <input
        id={`${id}-${field}`}
        value={draft[field]}
        className="me-mono"
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        onChange={(e) => set({ [field]: e.target.value })}
        {...invalid(field)}
      />
      {error(field)}
    </div>
  )
  const allTargets = [...new Set([...targets, ...COMMON_TARGETS])]

  return (
    <form className="me-card me-add-dependency" onSubmit={submit} aria-label="New dependency" noValidate>
      <div className="me-row">
        {text('name', 'Dependency name', 'serde')}
        <div className="me-field me-field-select">
          <label htmlFor={`${id}-kind`}>Table</label>
          <select
            id={`${id}-kind`}
            value={draft.kind}
            onChange={(e) => set({ kind: e.target.value as AddDependencyDraft['kind'] })}
          >
            {(onlyWorkspace ? [] : (['normal', 'dev', 'build'] as const)).map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
            {hasWorkspace && <option value="workspace">Workspace (shared)</option>}
          </select>
        </div>
        {draft.kind !== 'workspace' && (
          <div className="me-field">
            <label htmlFor={`${id}-target`}>Only on platform</label>
            <input
              id={`${id}-target`}
              value={draft.target}
              list={`${id}-targets`}
              className="me-mono"
              autoComplete="off"
              spellCheck={false}
              placeholder="every platform"
              onChange={(e) => set({ target: e.target.value })}
            />
            <datalist id={`${id}-targets`}>
              {allTargets.map((t) => (
                <option key={t} value={t} />
              ))}
            </datalist>
          </div>
        )}
      </div>
      <fieldset className="me-radios">
        <legend>Source</legend>
        {SOURCES.map((s) => (
          <label key={s.kind} className="me-check">
            <input
              type="radio"
              name={`${id}-source`}
              checked={draft.source === s.kind}
              onChange={() => set({ source: s.kind })}
            />
            {s.label}
          </label>
        ))}
      </fieldset>
      <div className="me-row">
        {draft.source === 'git' && text('gitUrl', 'Repository URL', 'https://github.com/owner/repo')}
        {draft.source === 'git' && (
          <div className="me-field me-field-select">
            <label htmlFor={`${id}-ref`}>Reference</label>
            <select
              id={`${id}-ref`}
              value={draft.referenceType}
              onChange={(e) => set({ referenceType: e.target.value as AddDependencyDraft['referenceType'] })}
            >
              <option value="none">Default branch</option>
              <option value="branch">Branch</option>
              <option value="tag">Tag</option>
              <option value="rev">Commit (rev)</option>
            </select>
          </div>
        )}
        {draft.source === 'git' &&
          draft.referenceType !== 'none' &&
          text('referenceValue', 'Reference name', 'main')}
        {draft.source === 'path' && text('path', 'Folder', '../other-crate')}
        {text(
          'version',
          draft.source === 'registry' ? 'Version requirement' : 'Version requirement (optional)',
          '1.0'
        )}
        {draft.source === 'registry' && (
          <div className="me-field">
            <label htmlFor={`${id}-registry`}>Registry</label>
            <input
              id={`${id}-registry`}
              value={draft.registry}
              autoComplete="off"
              placeholder="crates.io"
              onChange={(e) => set({ registry: e.target.value })}
            />
          </div>
        )}
      </div>
      <div className="me-row">
        <div className="me-field">
          <label htmlFor={`${id}-features`}>Features</label>
          <input
            id={`${id}-features`}
            value={draft.features}
            className="me-mono"
            autoComplete="off"
            spellCheck={false}
            placeholder="derive, std"
            onChange={(e) => set({ features: e.target.value })}
          />
        </div>
        <div className="me-field">
          <label htmlFor={`${id}-package`}>Package (if renamed)</label>
          <input
            id={`${id}-package`}
            value={draft.package}
            className="me-mono"
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => set({ package: e.target.value })}
          />
        </div>
      </div>
      <div className="me-row me-row-tight">
        <label className="me-check">
          <input
            type="checkbox"
            checked={draft.optional}
            onChange={(e) => set({ optional: e.target.checked })}
          />
          Optional
        </label>
        <label className="me-check">
          <input
            type="checkbox"
            checked={draft.defaultFeatures}
            onChange={(e) => set({ defaultFeatures: e.target.checked })}
          />
          Default features
        </label>
      </div>
      <div className="me-card-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Add dependency
        </button>
      </div>
    </form>
  )
}
