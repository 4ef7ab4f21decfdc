import { describe, expect, it } from 'vitest'
import {
  EMPTY_DRAFT,
  draftEdit,
  draftErrors,
  splitList
} from '../../../../src/renderer/src/features/manifest-editor/model/add-dependency'

describe('the Add dependency form', () => {
  it('asks for a name and what the source needs', () => {
    expect(Object.keys(draftErrors(EMPTY_DRAFT))).toEqual(['name', 'version'])
    expect(draftErrors({ ...EMPTY_DRAFT, name: 'bad name', version: '1' }).name).toMatch(/ASCII/)
    expect(Object.keys(draftErrors({ ...EMPTY_DRAFT, name: 'x', source: 'git' }))).toEqual(['gitUrl'])
    expect(
      draftErrors({ ...EMPTY_DRAFT, name: 'x', source: 'git', gitUrl: 'u', referenceType: 'tag' })
    ).toEqual({
      referenceValue: 'Enter the tag.'
    })
    expect(Object.keys(draftErrors({ ...EMPTY_DRAFT, name: 'x', source: 'path' }))).toEqual(['path'])
    expect(draftErrors({ ...EMPTY_DRAFT, name: 'serde', version: '1' })).toEqual({})
  })

  it('sends cargo add as data, with the table chosen', () => {
    expect(
      draftEdit({
        ...EMPTY_DRAFT,
        name: ' serde ',
        version: '1.0',
        features: 'derive, std',
        defaultFeatures: false
      })
    ).toEqual({
      op: 'add-dependency',
      table: { kind: 'normal' },
      name: 'serde',
      spec: {
        source: { type: 'registry', version: '1.0' },
        features: ['derive', 'std'],
        defaultFeatures: false
      }
    })
    expect(
      draftEdit({
        ...EMPTY_DRAFT,
        kind: 'dev',
        target: 'cfg(unix)',
        name: 'x',
        source: 'git',
        gitUrl: 'https://g',
        referenceType: 'rev',
        referenceValue: 'abc123',
        optional: true,
        package: 'real-x'
      })
    ).toEqual({
      op: 'add-dependency',
      table: { kind: 'dev', target: 'cfg(unix)' },
      name: 'x',
      spec: {
        source: { type: 'git', url: 'https://g', reference: { type: 'rev', value: 'abc123' } },
        optional: true,
        package: 'real-x'
      }
    })
  })

  it('adds to [workspace.dependencies] with a plain set', () => {
    expect(draftEdit({ ...EMPTY_DRAFT, kind: 'workspace', name: 'anyhow', version: '1' })).toEqual({
      op: 'set',
      path: ['workspace', 'dependencies', 'anyhow'],
      value: '1'
    })
    expect(
      draftEdit({ ...EMPTY_DRAFT, kind: 'workspace', name: 'p', source: 'path', path: 'crates/p' })
    ).toEqual({
      op: 'set',
      path: ['workspace', 'dependencies', 'p'],
      value: { path: 'crates/p' }
    })
  })

  it('splits lists on commas and spaces', () => {
    expect(splitList(' a, b  c,,')).toEqual(['a', 'b', 'c'])
  })
})
