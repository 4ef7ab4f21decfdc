/**
 * What every form field needs from the editor: the analysed document, its problems, whether
 * the forms are read-only, and the one way to change anything (`edit`, which sends edits to the
 * engine; no form ever writes TOML itself).
 */
import { createContext, useContext } from 'react'
import type { ManifestEdit, ManifestProblem, ManifestView } from '@shared/models/manifest-edit'
import type { DraftRegistry } from '../use-manifest-editor'

export interface FormContextValue {
  readonly view: ManifestView
  readonly problems: readonly ManifestProblem[]
  readonly readOnly: boolean
  /** Bumped when unsent field text must be dropped. */
  readonly generation: number
  readonly drafts: DraftRegistry
  readonly edit: (edits: readonly ManifestEdit[], group?: string) => void
  /** Shows a line in the raw view (a problem's "line 12"). */
  readonly revealLine: (line: number) => void
}

export const FormContext = createContext<FormContextValue | null>(null)

export function useForm(): FormContextValue {
  const value = useContext(FormContext)
  if (!value) throw new Error('Manifest form fields must be rendered inside the manifest editor.')
  return value
}
