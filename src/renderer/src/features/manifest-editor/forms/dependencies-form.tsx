/**
 * Every dependency table (normal, dev, build, per-platform, the workspace's), each dependency a
 * row that opens into its fields. Adding uses `add-dependency` and removing `remove-dependency`,
 * the engine's cargo add / cargo remove; the workspace's table is edited with set and delete.
 */
import { useState } from 'react'
import type { KeyPath, ManifestEdit, TomlJson } from '@shared/models/manifest-edit'
import {
  describeDependency,
  listDependencyTables,
  readDependency,
  targetKeys,
  type DependencyTableRef
} from '../model/dependencies'
import { isTable, pathKey, problemsWithin } from '../model/key-path'
import { AddDependencyForm } from './add-dependency-form'
import { DependencyEditor } from './dependency-editor'
import { useForm } from './form-context'
import { FormSection } from './form-section'
import { ProblemCounts } from '../problem-item'

function removeEdit(ref: DependencyTableRef, name: string): ManifestEdit {
  return ref.table
    ? { op: 'remove-dependency', table: ref.table, name }
    : { op: 'delete', path: [...ref.path, name] }
}

interface RowProps {
  readonly tableRef: DependencyTableRef
  readonly name: string
  readonly value: TomlJson
  /** The same name is in another table too: say which one the buttons act on. */
  readonly qualify: boolean
}

function DependencyRow({ tableRef, name, value, qualify }: RowProps) {
  const { edit, problems } = useForm()
  const [open, setOpen] = useState(false)
  const path: KeyPath = [...tableRef.path, name]
  const fields = readDependency(value)
  const found = problemsWithin(problems, path)
  const errors = found.filter((p) => p.severity === 'error').length
  const warnings = found.length - errors
  const editorId = `dep-${pathKey(path)}`
  return (
    <li className="me-dep">
      <div className="me-dep-summary">
        <button
          type="button"
          className="me-dep-toggle"
          aria-expanded={open}
          aria-controls={editorId}
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden="true" className="me-caret">
            {open ? '▾' : '▸'}
          </span>
          {/* Named by what it shows (so speech input can say it), after what it does. */}
          <span className="visually-hidden">Edit </span>
          <span className="item-name">{name}</span>
          {fields.package && fields.package !== name && (
            <span className="muted small">→ {fields.package}</span>
          )}
          <code className="small me-dep-source">{describeDependency(fields)}</code>
          {fields.optional && <span className="badge">optional</span>}
          {fields.features.length > 0 && (
            <span className="muted small">features: {fields.features.join(', ')}</span>
          )}
          <ProblemCounts errors={errors} warnings={warnings} />
          {qualify && <span className="visually-hidden"> in {tableRef.title}</span>}
        </button>
        <button type="button" className="danger me-remove" onClick={() => edit([removeEdit(tableRef, name)])}>
          Remove {name}
          {qualify && <span className="visually-hidden"> from {tableRef.title}</span>}
        </button>
      </div>
      {open && (
        <div id={editorId}>
          <DependencyEditor name={name} path={path} value={value} canInherit={tableRef.table !== undefined} />
        </div>
      )}
    </li>
  )
}

export function DependenciesForm() {
  const { view, edit } = useForm()
  const [adding, setAdding] = useState(false)
  const tables = listDependencyTables(view.document)
  const total = tables.reduce((n, t) => n + t.entries.length, 0)
  const seen = new Set<string>()
  const repeated = new Set<string>()
  for (const [name] of tables.flatMap((t) => t.entries)) (seen.has(name) ? repeated : seen).add(name)
  const first = new Map(tables.flatMap((t) => t.entries.map(([name]) => [name, t] as const)).reverse())
  return (
    <FormSection
      id="me-dependencies"
      title="Dependencies"
      toml="[dependencies] [dev-dependencies] [build-dependencies] [target.*]"
      actions={
        !adding && (
          <button type="button" onClick={() => setAdding(true)}>
            Add dependency
          </button>
        )
      }
    >
      {adding && (
        <AddDependencyForm
          targets={targetKeys(view.document)}
          hasWorkspace={isTable(view.document['workspace'])}
          onlyWorkspace={
            isTable(view.document['workspace']) &&
            !isTable(view.document['package']) &&
            !isTable(view.document['project'])
          }
          onCancel={() => setAdding(false)}
          onAdd={(change) => {
            edit([change])
            setAdding(false)
          }}
        />
      )}
      {total === 0 && !adding && <p className="me-hint">No dependencies yet.</p>}
      {tables.map((ref) => (
        <div key={pathKey(ref.path)} className="me-dep-table">
          <h3>
            <code>{ref.title}</code> <span className="count">{ref.entries.length}</span>
          </h3>
          {ref.entries.length === 0 ? (
            <p className="me-hint">Empty.</p>
          ) : (
            <ul className="me-dep-list" aria-label={ref.title}>
              {ref.entries.map(([name, value]) => (
                <DependencyRow
                  key={name}
                  tableRef={ref}
                  name={name}
                  value={value}
                  qualify={repeated.has(name) && first.get(name) !== ref}
                />
              ))}
            </ul>
          )}
        </div>
      ))}
    </FormSection>
  )
}
