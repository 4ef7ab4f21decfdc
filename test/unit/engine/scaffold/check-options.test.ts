import { describe, expect, it } from 'vitest'
import { checkNewPackageFields } from '../../../../src/main/engine/scaffold/check-options'
import type { NewPackageOptions } from '../../../../src/shared/models/new-package'

const base: NewPackageOptions = {
  path: '/tmp/pkg',
  name: 'pkg',
  kind: 'bin',
  edition: '2021',
  version: '0.1.0',
  authors: [],
  vcs: 'none'
}

describe('new package fields', () => {
  it('accepts plain text, tabs and line breaks in the description', () => {
    expect(
      checkNewPackageFields({ ...base, description: 'two\tcolumns\nand lines', authors: ['Jane'] })
    ).toEqual([])
  })

  it('refuses DEL and other control characters in free-text fields, naming the character', () => {
    expect(
      checkNewPackageFields({
        ...base,
        description: 'oops\u007F',
        license: 'MIT\u0000',
        authors: ['Jane', 'Jo\u001B']
      })
    ).toEqual([
      { field: 'authors', message: 'Contains the control character U+001B; remove it.', severity: 'error' },
      { field: 'license', message: 'Contains the control character U+0000; remove it.', severity: 'error' },
      {
        field: 'description',
        message: 'Contains the control character U+007F; remove it.',
        severity: 'error'
      }
    ])
  })

  it('refuses DEL in the name and version through their own rules', () => {
    const problems = checkNewPackageFields({ ...base, name: 'p\u007Fkg', version: '0.1.0\u007F' })
    expect(problems.filter((p) => p.severity === 'error').map((p) => p.field)).toEqual(['name', 'version'])
  })
})
