import { describe, expect, it } from 'vitest'
import type { TomlTable } from '@shared/models/manifest-edit'
import {
  describePath,
  isInherited,
  lineOf,
  problemLine,
  problemsWithin,
  sameValue,
  valueAt
} from '../../../../src/renderer/src/features/manifest-editor/model/key-path'
import { view } from './fixtures'

const doc: TomlTable = {
  package: { name: 'demo', version: { workspace: true } },
  bin: [{ name: 'a' }, { name: 'b', path: 'src/b.rs' }],
  target: { 'cfg(unix)': { dependencies: { libc: '0.2' } } }
}

describe('key paths', () => {
  it('reads values through tables and arrays of tables', () => {
    expect(valueAt(doc, ['package', 'name'])).toBe('demo')
    expect(valueAt(doc, ['bin', 1, 'path'])).toBe('src/b.rs')
    expect(valueAt(doc, ['target', 'cfg(unix)', 'dependencies', 'libc'])).toBe('0.2')
    expect(valueAt(doc, ['bin', 5, 'name'])).toBeUndefined()
    expect(valueAt(doc, ['package', 'name', 'x'])).toBeUndefined()
    expect(valueAt(doc, ['bin', 'name'])).toBeUndefined()
    expect(valueAt(doc, ['package', 'toString'])).toBeUndefined()
  })

  it('recognises inherited keys', () => {
    expect(isInherited(valueAt(doc, ['package', 'version']))).toBe(true)
    expect(isInherited('1.0')).toBe(false)
  })

  it('compares values structurally, ignoring key order', () => {
    expect(sameValue({ a: 1, b: [true, 'x'] }, { b: [true, 'x'], a: 1 })).toBe(true)
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false)
    expect(sameValue([1], { 0: 1 })).toBe(false)
    expect(sameValue(0, false)).toBe(false)
    expect(sameValue(undefined, undefined)).toBe(true)
  })

  it('finds the problems inside a path, and lines by the nearest written key', () => {
    const problems = [
      { path: ['features', 'x', 2], message: 'm', severity: 'error' as const },
      { path: ['features', 'y'], message: 'm', severity: 'warning' as const }
    ]
    expect(problemsWithin(problems, ['features', 'x'])).toHaveLength(1)
    expect(problemsWithin(problems, ['features'])).toHaveLength(2)
    const v = view(doc, { lines: { '["features"]': 10, '["features","x"]': 12 } })
    expect(lineOf(v, ['features', 'x', 2])).toBe(12)
    expect(lineOf(v, ['features', 'y'])).toBe(10)
    expect(lineOf(v, ['package'])).toBeUndefined()
    expect(problemLine(v, { ...problems[0]!, line: 3 })).toBe(3)
    expect(problemLine(v, problems[0]!)).toBe(12)
  })

  it('writes paths the way TOML keys read', () => {
    expect(describePath(['package', 'version'])).toBe('package.version')
    expect(describePath(['bin', 2, 'name'])).toBe('bin[2].name')
    expect(describePath(['target', 'cfg(unix)', 'dependencies'])).toBe("target.'cfg(unix)'.dependencies")
    expect(describePath(['a', "it's"])).toBe('a."it\'s"')
  })
})
