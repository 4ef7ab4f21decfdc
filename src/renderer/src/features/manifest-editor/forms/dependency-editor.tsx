/**
 * The fields of one existing dependency: its source (registry version, git URL with branch,
 * tag or rev, or path), features, optional, default-features, rename and workspace
 * inheritance. Every change goes through `dependencyEdits`, so `serde = "1"` becomes a table
 * only when a field other than the version is set.
 */
import { useId, useState } from 'react'
import type { KeyPath, TomlJson } from '@shared/models/manifest-edit'
import { splitList } from '../model/add-dependency'
import {
  dependencyEdits,
  readDependency,
  sourceChanges,
  type DependencyChanges,
  type GitReferenceKind,
  type SourceKind
} from '../model/dependencies'
import { pathKey } from '../model/key-path'
import { CustomTextField } from './custom-field'
import { useForm } from './form-context'

interface Props {
  readonly name: string
  readonly path: KeyPath
  readonly value: TomlJson
  /** Dependencies of a member can inherit from `[workspace.dependencies]`; the workspace's own cannot. */
  readonly canInherit: boolean
}

const SOURCES: readonly { readonly kind: SourceKind; readonly label: string }[] = [
  { kind: 'registry', label: 'Registry' },
  { kind: 'git', label: 'Git' },
  { kind: 'path', label: 'Path' }
]

const NO_REFERENCE: DependencyChanges = { branch: undefined, tag: undefined, rev: undefined }

const REFERENCE_LABELS: Readonly<Record<GitReferenceKind, string>> = {
  branch: 'Branch',
  tag: 'Tag',
  rev: 'Commit'
}

const orNothing = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim())

export function DependencyEditor({ name, path, value, canInherit }: Props) {
  const { edit } = useForm()
  const id = useId()
  const fields = readDependency(value)
  const [chosen, setChosen] = useState<SourceKind | undefined>()
  const [chosenReference, setChosenReference] = useState<GitReferenceKind | 'none' | undefined>()
  // A choice not written yet (git without its URL) lasts until the document says otherwise.
  const written = `${fields.source}:${fields.reference?.type ?? 'none'}`
  const [seen, setSeen] = useState(written)
  if (seen !== written) {
    setSeen(written)
    setChosen(undefined)
    setChosenReference(undefined)
  }
  const source = chosen ?? fields.source
  const change = (changes: DependencyChanges): void => {
    const edits = dependencyEdits(path, value, changes)
    if (edits.length > 0) edit(edits, `dep:${pathKey(path)}:${Object.keys(changes).join(',')}`)
  }
  const pickSource = (kind: SourceKind): void => {
    setChosen(kind)
    // A registry dependency needs nothing more; git and path wait for their URL or folder.
    if (kind === 'registry' && fields.source !== 'registry') change(sourceChanges({ type: 'registry' }))
  }
  const referenceType = chosenReference ?? fields.reference?.type ?? 'none'

  return (
    <div className="me-dep-editor">
      {fields.workspace ? (
        <p className="me-hint">Version and source come from [workspace.dependencies]; features add to its.</p>
      ) : (
        <>
          <fieldset className="me-radios">
            <legend>Source of {name}</legend>
            {SOURCES.map((s) => (
              <label key={s.kind} className="me-check">
                <input
                  type="radio"
                  name={`${id}-source`}
                  checked={source === s.kind}
                  onChange={() => pickSource(s.kind)}
                />
                {s.label}
              </label>
            ))}
          </fieldset>
          <div className="me-row">
            <CustomTextField
              label="Version requirement"
              path={[...path, 'version']}
              value={fields.version ?? ''}
              placeholder={source === 'registry' ? '1.0' : 'optional'}
              mono
              commit={(text) => change({ version: orNothing(text) })}
            />
            {source === 'registry' && (
              <CustomTextField
                label="Registry"
                path={[...path, 'registry']}
                value={fields.registry ?? ''}
                placeholder="crates.io"
                commit={(text) => change({ registry: orNothing(text) })}
              />
            )}
            {source === 'path' && (
              <CustomTextField
                label="Folder"
                path={[...path, 'path']}
                value={fields.path ?? ''}
                placeholder="../other-crate"
                mono
                commit={(text) => {
                  const folder = orNothing(text)
                  if (folder) change(sourceChanges({ type: 'path', path: folder }))
                }}
              />
            )}
          </div>
          {source === 'git' && (
            <div className="me-row">
              <CustomTextField
                label="Repository URL"
                path={[...path, 'git']}
                value={fields.git ?? ''}
                placeholder="https://github.com/owner/repo"
                mono
                commit={(text) => {
                  const url = orNothing(text)
                  const reference = referenceType === 'none' ? undefined : fields.reference
                  if (url) change(sourceChanges({ type: 'git', url, reference }))
                }}
              />
              {fields.git && (
                <>
                  <div className="me-field me-field-select">
                    <label htmlFor={`${id}-ref`}>Reference</label>
                    <select
                      id={`${id}-ref`}
                      value={referenceType}
                      onChange={(e) => {
                        const type = e.target.value as GitReferenceKind | 'none'
                        setChosenReference(type)
                        const current = fields.reference?.value
                        if (type === 'none') change(NO_REFERENCE)
                        else if (current) change({ ...NO_REFERENCE, [type]: current })
                      }}
                    >
                      <option value="none">Default branch</option>
                      <option value="branch">Branch</option>
                      <option value="tag">Tag</option>
                      <option value="rev">Commit (rev)</option>
                    </select>
                  </div>
                  {referenceType !== 'none' && (
                    <CustomTextField
                      label={REFERENCE_LABELS[referenceType]}
                      path={[...path, referenceType]}
                      value={fields.reference?.type === referenceType ? fields.reference.value : ''}
                      mono
                      commit={(text) => {
                        if (orNothing(text)) change({ ...NO_REFERENCE, [referenceType]: text.trim() })
                      }}
                    />
                  )}
                </>
              )}
            </div>
          )}
        </>
      )}
      <div className="me-row">
        <CustomTextField
          label="Features"
          path={[...path, 'features']}
          value={fields.features.join(', ')}
          placeholder="derive, std"
          mono
          normalize={(text) => splitList(text).join(', ')}
          commit={(text) => {
            const list = splitList(text)
            change({ features: list.length > 0 ? list : undefined })
          }}
        />
        {!fields.workspace && (
          <CustomTextField
            label="Package (if renamed)"
            path={[...path, 'package']}
            value={fields.package ?? ''}
            placeholder={name}
            mono
            commit={(text) => change({ package: orNothing(text) })}
          />
        )}
      </div>
      <div className="me-row me-row-tight">
        <label className="me-check">
          <input
            type="checkbox"
            checked={fields.optional === true}
            onChange={(e) => change({ optional: e.target.checked ? true : undefined })}
          />
          Optional (enabled by a feature)
        </label>
        {!fields.workspace && (
          <label className="me-check">
            <input
              type="checkbox"
              checked={fields.defaultFeatures !== false}
              onChange={(e) => change({ [fields.defaultFeaturesKey]: e.target.checked ? undefined : false })}
            />
            Default features
          </label>
        )}
      </div>
      {canInherit && (
        <label className="me-check">
          <input
            type="checkbox"
            checked={fields.workspace}
            onChange={(e) =>
              change(
                e.target.checked
                  ? { ...sourceChanges({ type: 'registry' }), version: undefined, workspace: true }
                  : { workspace: undefined }
              )
            }
          />
          Inherit from the workspace
        </label>
      )}
    </div>
  )
}
