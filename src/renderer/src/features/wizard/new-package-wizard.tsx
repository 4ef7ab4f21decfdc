/**
 * The wizard itself: form on the left, a live preview of the files on the right. Validation
 * runs as you type; main's preview (debounced) adds what only the file system can tell.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react'
import type { NewPackageDefaults } from '@shared/models/new-package'
import { useDebouncedValue } from '../../lib/use-debounced-value'
import { isDialogOpen } from '../../lib/commands'
import { useCreatePackage, useNewPackagePreview } from '../../queries/project-queries'
import { useFolderPicker } from '../../components/use-folder-picker'
import { ErrorMessage } from '../../components/error-message'
import { WizardForm } from './wizard-form'
import { FilePreview } from './file-preview'
import {
  clientMessages,
  hasErrors,
  initialFields,
  mergeMessages,
  toOptions,
  type WizardFields
} from './wizard-fields'

interface Props {
  readonly defaults: NewPackageDefaults
  readonly onCancel: () => void
  readonly onCreated: (packageDir: string) => void
}

const PREVIEW_DELAY_MS = 250

export function NewPackageWizard({ defaults, onCancel, onCreated }: Props) {
  const [fields, setFields] = useState<WizardFields>(() => initialFields(defaults))
  const options = useMemo(() => toOptions(fields), [fields])
  const debounced = useDebouncedValue(options, PREVIEW_DELAY_MS)
  const preview = useNewPackagePreview(debounced)
  const create = useCreatePackage()
  const picker = useFolderPicker()

  /** Main's problems only count while they describe what is on screen now. */
  const previewIsCurrent =
    preview.data !== undefined &&
    !preview.isPlaceholderData &&
    JSON.stringify(debounced) === JSON.stringify(options)
  const messages = mergeMessages(
    clientMessages(fields),
    previewIsCurrent ? (preview.data?.problems ?? []) : []
  )
  const blocked = hasErrors(messages) || options === undefined

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && !e.defaultPrevented && !isDialogOpen()) onCancel()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [onCancel])

  const submit = (e: FormEvent): void => {
    e.preventDefault()
    if (blocked || !options || create.isPending) return
    create.mutate(options, { onSuccess: (snapshot) => onCreated(snapshot.root.rootDir) })
  }

  const browse = async (): Promise<void> => {
    const chosen = await picker.pick('Choose where to create the package', fields.parentDir)
    if (chosen) setFields((f) => ({ ...f, parentDir: chosen }))
  }

  return (
    <main className="wizard">
      <header className="view-header">
        <h1>New Package</h1>
        <p className="muted">A Cargo package with one crate, ready to build.</p>
      </header>
      <form className="wizard-layout" onSubmit={submit} noValidate>
        <div className="wizard-form-column">
          <WizardForm
            fields={fields}
            messages={messages}
            onChange={(patch) => setFields((f) => ({ ...f, ...patch }))}
            onBrowse={() => void browse().catch(() => undefined)}
          />
          {create.isError && <ErrorMessage error={create.error} title="The package was not created" />}
          <div className="wizard-actions">
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={blocked || create.isPending}>
              {create.isPending ? 'Creating…' : 'Create'}
            </button>
          </div>
        </div>
        <section
          className="wizard-preview panel"
          aria-labelledby="wizard-preview-title"
          aria-busy={preview.isFetching}
        >
          <h2 id="wizard-preview-title">Preview</h2>
          {!options && <p className="muted">Enter a name and a location to see the files.</p>}
          {options && preview.isError && <ErrorMessage error={preview.error} title="No preview" />}
          {options && preview.data && <FilePreview preview={preview.data} vcs={fields.git} />}
        </section>
      </form>
      {picker.element}
    </main>
  )
}
