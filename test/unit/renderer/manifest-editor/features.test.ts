import { describe, expect, it } from 'vitest'
import type { TomlTable } from '@shared/models/manifest-edit'
import {
  checkFeatureName,
  featureEntryKind,
  featureSuggestions,
  readFeatures
} from '../../../../src/renderer/src/features/manifest-editor/model/features'

const doc: TomlTable = {
  dependencies: { serde: '1', log: { version: '0.4', optional: true } },
  'dev-dependencies': { tempfile: '3' },
  features: { default: ['std'], std: [], extra: ['dep:log', 'serde/derive'], odd: 3 }
}

describe('features', () => {
  it('tells what an entry enables', () => {
    expect(featureEntryKind('std')).toBe('feature')
    expect(featureEntryKind('dep:log')).toBe('dependency')
    expect(featureEntryKind('serde/derive')).toBe('dependency-feature')
    expect(featureEntryKind('serde?/derive')).toBe('weak-dependency-feature')
  })

  it('reads lists, marking what is not one', () => {
    expect(readFeatures(doc)).toEqual([
      ['default', ['std']],
      ['std', []],
      ['extra', ['dep:log', 'serde/derive']],
      ['odd', undefined]
    ])
  })

  it('suggests other features, optional dependencies and dependency features, not dev ones', () => {
    const s = featureSuggestions(doc, 'extra')
    expect(s).toEqual(['default', 'std', 'odd', 'log/', 'serde/'])
    expect(featureSuggestions(doc, 'default')).toContain('dep:log')
    expect(featureSuggestions(doc, 'default')).not.toContain('std')
    expect(s.some((x) => x.includes('tempfile'))).toBe(false)
  })

  it('checks new feature names', () => {
    expect(checkFeatureName('', [])).toBeDefined()
    expect(checkFeatureName('with space', [])).toMatch(/ASCII/)
    expect(checkFeatureName('std', ['std'])).toMatch(/already/)
    expect(checkFeatureName('serde-1.0+x', [])).toBeUndefined()
  })
})
