import { describe, expect, it } from 'vitest'
import type { TomlTable } from '@shared/models/manifest-edit'
import {
  dependencyEdits,
  dependencyTablePath,
  describeDependency,
  listDependencyTables,
  readDependency,
  sourceChanges,
  specValue,
  targetKeys
} from '../../../../src/renderer/src/features/manifest-editor/model/dependencies'

const doc: TomlTable = {
  dependencies: { serde: '1', log: { version: '0.4', optional: true } },
  dev_dependencies: { tempfile: '3' },
  'build-dependencies': { cc: '1' },
  target: {
    'cfg(unix)': { dependencies: { libc: { version: '0.2', default_features: false } } },
    'x86_64-pc-windows-msvc': { 'dev-dependencies': { winapi: '0.3' } }
  },
  workspace: { dependencies: { anyhow: '1' } }
}

describe('dependency tables', () => {
  it('knows where cargo add writes each table', () => {
    expect(dependencyTablePath({ kind: 'normal' })).toEqual(['dependencies'])
    expect(dependencyTablePath({ kind: 'dev' })).toEqual(['dev-dependencies'])
    expect(dependencyTablePath({ kind: 'build', target: 'cfg(windows)' })).toEqual([
      'target',
      'cfg(windows)',
      'build-dependencies'
    ])
  })

  it('lists every table as written, per platform and the workspace one', () => {
    const tables = listDependencyTables(doc)
    expect(tables.map((t) => t.title)).toEqual([
      '[dependencies]',
      '[dev_dependencies]',
      '[build-dependencies]',
      "[target.'cfg(unix)'.dependencies]",
      '[target.x86_64-pc-windows-msvc.dev-dependencies]',
      '[workspace.dependencies]'
    ])
    expect(tables[1]?.table).toEqual({ kind: 'dev' })
    expect(tables[1]?.path).toEqual(['dev_dependencies'])
    expect(tables[3]?.table).toEqual({ kind: 'normal', target: 'cfg(unix)' })
    expect(tables[5]?.table).toBeUndefined()
    expect(tables[0]?.entries.map(([name]) => name)).toEqual(['serde', 'log'])
    expect(targetKeys(doc)).toEqual(['cfg(unix)', 'x86_64-pc-windows-msvc'])
  })
})

describe('one dependency', () => {
  it('reads every form of source', () => {
    expect(readDependency('1')).toMatchObject({
      shape: 'string',
      source: 'registry',
      version: '1',
      features: []
    })
    expect(readDependency({ git: 'https://x', tag: 'v1', package: 'real' })).toMatchObject({
      shape: 'table',
      source: 'git',
      reference: { type: 'tag', value: 'v1' },
      package: 'real'
    })
    expect(readDependency({ path: '../x', version: '0.1' })).toMatchObject({
      source: 'path',
      path: '../x',
      version: '0.1'
    })
    const old = readDependency({ version: '0.2', default_features: false })
    expect(old.defaultFeatures).toBe(false)
    expect(old.defaultFeaturesKey).toBe('default_features')
    expect(readDependency({ workspace: true, features: ['x'] })).toMatchObject({
      workspace: true,
      features: ['x']
    })
  })

  it('describes a dependency in one line', () => {
    expect(describeDependency(readDependency('1'))).toBe('1 · crates.io')
    expect(describeDependency(readDependency({ git: 'https://x', branch: 'dev' }))).toBe(
      'git https://x (branch dev)'
    )
    expect(describeDependency(readDependency({ workspace: true }))).toBe('from the workspace')
  })

  it('sets and deletes keys of a table dependency', () => {
    const path = ['dependencies', 'log']
    const value = { version: '0.4', optional: true }
    expect(dependencyEdits(path, value, { optional: undefined, features: ['std'] })).toEqual([
      { op: 'delete', path: [...path, 'optional'] },
      { op: 'set', path: [...path, 'features'], value: ['std'] }
    ])
    expect(dependencyEdits(path, value, { version: '0.4', registry: undefined })).toEqual([])
  })

  it('turns `name = "1"` into a table only when a field beyond the version is set', () => {
    const path = ['dependencies', 'serde']
    expect(dependencyEdits(path, '1', { features: ['derive'] })).toEqual([
      { op: 'set', path, value: { version: '1', features: ['derive'] } }
    ])
    expect(dependencyEdits(path, '1', { version: '1.0.200' })).toEqual([
      { op: 'set', path, value: '1.0.200' }
    ])
    expect(dependencyEdits(path, '1', { version: '1', features: undefined })).toEqual([])
  })

  it('switches sources, dropping the old source keys', () => {
    const path = ['dependencies', 'x']
    const value = { git: 'https://x', rev: 'abc', version: '1' }
    expect(dependencyEdits(path, value, sourceChanges({ type: 'path', path: '../x' }))).toEqual([
      { op: 'delete', path: [...path, 'git'] },
      { op: 'delete', path: [...path, 'rev'] },
      { op: 'set', path: [...path, 'path'], value: '../x' }
    ])
    expect(
      sourceChanges({ type: 'git', url: 'u', reference: { type: 'branch', value: 'main' } })
    ).toMatchObject({
      git: 'u',
      branch: 'main',
      tag: undefined,
      path: undefined
    })
  })

  it('writes a spec the way cargo add does', () => {
    expect(specValue({ source: { type: 'registry', version: '1.0' } })).toBe('1.0')
    expect(
      specValue({ source: { type: 'registry', version: '1' }, features: ['derive'], defaultFeatures: false })
    ).toEqual({
      version: '1',
      features: ['derive'],
      'default-features': false
    })
    expect(
      specValue({
        source: { type: 'git', url: 'u', reference: { type: 'tag', value: 'v2' } },
        optional: true
      })
    ).toEqual({
      git: 'u',
      tag: 'v2',
      optional: true
    })
  })
})
