/**
 * The form fields every section is built from. Each one reads its value from the analysed
 * document by key path, shows the problems at that path (with their line), and turns a change
 * into `set` or `delete` edits. `x.workspace = true` is shown as inherited, read-only.
 */
import { useId, type ReactNode } from 'react'
import type { KeyPath, ManifestEdit, TomlJson } from '@shared/models/manifest-edit'
import {
  isInherited,
  isStringArray,
  pathKey,
  problemsWithin,
  samePath,
  sameValue,
  valueAt
} from '../model/key-path'
import { useForm } from './form-context'
import { FieldMessages, type Message } from './field-messages'
import { useDraft } from './use-draft'

interface BaseProps {
  readonly label: string
  readonly path: KeyPath
  readonly hint?: ReactNode
}

/** The edit that makes `path` hold `next` (undefined: remove the key), or none when it already does. */
export function valueEdit(
  path: KeyPath,
  current: TomlJson | undefined,
  next: TomlJson | undefined
): ManifestEdit | undefined {
  if (next === undefined) return current === undefined ? undefined : { op: 'delete', path }
  return sameValue(current, next) ? undefined : { op: 'set', path, value: next }
}

/** Field changes to the same key close together in time are one undo step. */
export function groupOf(path: KeyPath): string {
  return `field:${pathKey(path)}`
}

function useFieldMessages(path: KeyPath, local?: Message): readonly Message[] {
  const { problems } = useForm()
  const found = problemsWithin(problems, path).map((p): Message => ({
    severity: p.severity,
    text: p.message,
    line: p.line,
    path: p.path
  }))
  // The client's own check answers as one types; the engine's error for the same key says the same later.
  return local
    ? [local, ...found.filter((m) => m.severity !== 'error' || !samePath(m.path ?? [], path))]
    : found
}

interface ShellProps extends BaseProps {
  readonly id: string
  readonly messages: readonly Message[]
  readonly children: ReactNode
  readonly className?: string
}

function FieldShell({ id, label, hint, messages, children, className, path }: ShellProps) {
  return (
    <div className={`me-field ${className ?? ''}`} data-path={pathKey(path)}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && <p className="me-hint">{hint}</p>}
      <FieldMessages id={`${id}-messages`} messages={messages} />
    </div>
  )
}

function describedBy(id: string, messages: readonly Message[]) {
  return messages.length > 0
    ? { 'aria-describedby': `${id}-messages`, 'aria-invalid': messages.some((m) => m.severity === 'error') }
    : {}
}

/** A value the form cannot show in this field: it stays as written, editable in the raw TOML. */
function Unsupported({ id, value }: { readonly id: string; readonly value: TomlJson }) {
  return (
    <input
      id={id}
      readOnly
      className="me-mono"
      value={JSON.stringify(value)}
      title="Written in a form this field cannot edit; change it in the text view"
    />
  )
}

function Inherited({ id }: { readonly id: string }) {
  return <input id={id} readOnly className="me-inherited" value="inherited from workspace" />
}

export function formatScalar(value: TomlJson | undefined): string | undefined {
  if (value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return undefined
}

const textOrNothing = (text: string): TomlJson | undefined => (text === '' ? undefined : text)

interface TextFieldProps extends BaseProps {
  readonly placeholder?: string
  readonly multiline?: boolean
  readonly mono?: boolean
  /** A client-side check, answered as the person types. */
  readonly check?: (text: string) => Message | undefined
  readonly suggestions?: readonly string[]
  /** Text → value; undefined removes the key. Defaults to the text, or removal when empty. */
  readonly parse?: (text: string) => TomlJson | undefined
}

export function TextField(props: TextFieldProps) {
  const { path, parse = textOrNothing } = props
  const id = useId()
  const { view, edit } = useForm()
  const value = valueAt(view.document, path)
  const shown = formatScalar(value)
  const draft = useDraft(shown ?? '', (text) => {
    const change = valueEdit(path, value, parse(text))
    if (change) edit([change], groupOf(path))
  })
  const local = props.check && !isInherited(value) ? props.check(draft.value) : undefined
  const messages = useFieldMessages(path, local)
  const listId = props.suggestions ? `${id}-suggestions` : undefined
  let control: ReactNode
  if (isInherited(value)) control = <Inherited id={id} />
  else if (shown === undefined && value !== undefined) control = <Unsupported id={id} value={value} />
  else {
    const common = {
      id,
      value: draft.value,
      placeholder: props.placeholder,
      spellCheck: false,
      className: props.mono ? 'me-mono' : undefined,
      onChange: (e: { target: { value: string } }) => draft.onChange(e.target.value),
      onBlur: draft.onBlur,
      ...describedBy(id, messages)
    }
    control = props.multiline ? (
      <textarea rows={3} {...common} />
    ) : (
      <input autoComplete="off" list={listId} {...common} />
    )
  }
  return (
    <FieldShell {...props} id={id} messages={messages}>
      {control}
      {listId && (
        <datalist id={listId}>
          {props.suggestions?.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
    </FieldShell>
  )
}

const linesOf = (text: string): string[] =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '')

/** A list of strings, one per line (authors, keywords, members, crate types). */
export function ListField(props: BaseProps & { readonly placeholder?: string }) {
  const { path } = props
  const id = useId()
  const { view, edit } = useForm()
  const value = valueAt(view.document, path)
  const draft = useDraft(
    isStringArray(value) ? value.join('\n') : '',
    (text) => {
      const lines = linesOf(text)
      const change = valueEdit(path, value, lines.length === 0 ? undefined : lines)
      if (change) edit([change], groupOf(path))
    },
    (text) => linesOf(text).join('\n')
  )
  const messages = useFieldMessages(path)
  let control: ReactNode
  if (isInherited(value)) control = <Inherited id={id} />
  else if (value !== undefined && !isStringArray(value)) control = <Unsupported id={id} value={value} />
  else
    control = (
      <textarea
        id={id}
        rows={Math.min(6, Math.max(2, draft.value.split('\n').length))}
        value={draft.value}
        placeholder={props.placeholder}
        spellCheck={false}
        onChange={(e) => draft.onChange(e.target.value)}
        onBlur={draft.onBlur}
        {...describedBy(id, messages)}
      />
    )
  return (
    <FieldShell {...props} hint={props.hint ?? 'One per line.'} id={id} messages={messages}>
      {control}
    </FieldShell>
  )
}

export interface Choice {
  readonly label: string
  /** undefined: the key is removed (cargo's default applies). */
  readonly value: TomlJson | undefined
}

/** An option's value attribute: the string itself (so "2021" reads as 2021), else a tagged JSON. */
function optionKey(value: TomlJson | undefined): string {
  if (value === undefined) return ''
  return typeof value === 'string' ? value : `=${JSON.stringify(value)}`
}

/** Not valid JSON after `=`, so no choice can have this key. */
const OTHER = '=other'

/** A choice among known values; a value written otherwise is kept and shown as it is. */
export function SelectField(props: BaseProps & { readonly choices: readonly Choice[] }) {
  const { path, choices } = props
  const id = useId()
  const { view, edit } = useForm()
  const value = valueAt(view.document, path)
  const messages = useFieldMessages(path)
  const known = choices.find((c) => sameValue(c.value, value))
  const other = known === undefined && value !== undefined
  const control = isInherited(value) ? (
    <Inherited id={id} />
  ) : (
    <select
      id={id}
      value={other ? OTHER : optionKey(known?.value)}
      onChange={(e) => {
        const choice = choices.find((c) => optionKey(c.value) === e.target.value)
        if (!choice) return
        const change = valueEdit(path, value, choice.value)
        if (change) edit([change])
      }}
      {...describedBy(id, messages)}
    >
      {choices.map((c) => (
        <option key={optionKey(c.value)} value={optionKey(c.value)}>
          {c.label}
        </option>
      ))}
      {other && <option value={OTHER}>{JSON.stringify(value)}</option>}
    </select>
  )
  return (
    <FieldShell {...props} id={id} messages={messages} className="me-field-select">
      {control}
    </FieldShell>
  )
}

/** Yes / No / not written (cargo's default, which the label says). */
export function BoolField(props: BaseProps & { readonly defaultLabel: string }) {
  return (
    <SelectField
      {...props}
      choices={[
        { label: `Default (${props.defaultLabel})`, value: undefined },
        { label: 'Yes', value: true },
        { label: 'No', value: false }
      ]}
    />
  )
}

/** A whole number (codegen-units); anything else is left to the engine to report. */
export function parseInteger(text: string): TomlJson | undefined {
  const trimmed = text.trim()
  if (trimmed === '') return undefined
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed
}

export function SectionMessages({ path }: { readonly path: KeyPath }) {
  const { problems } = useForm()
  const own = problems.filter((p) => p.path.length === path.length && p.path.every((s, i) => s === path[i]))
  const messages = own.map((p): Message => ({
    severity: p.severity,
    text: p.message,
    line: p.line,
    path: p.path
  }))
  return <FieldMessages id={`section-${pathKey(path)}`} messages={messages} />
}
