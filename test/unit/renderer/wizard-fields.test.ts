import { describe, expect, it } from 'vitest'
import { invokeContract } from '@shared/ipc/contract'
import type { FieldProblem, NewPackageDefaults } from '@shared/models/new-package'
import {
  LICENSE_SUGGESTIONS,
  clientMessages,
  hasErrors,
  initialFields,
  mergeMessages,
  toOptions,
  type FieldMessages,
  type WizardFields
} from '../../../src/renderer/src/features/wizard/wizard-fields'

const defaults: NewPackageDefaults = {
  parentDir: '/home/me/projects',
  authors: ['Ada <ada@example.com>', 'Grace'],
  edition: '2024',
  version: '0.1.0'
}

function fields(overrides: Partial<WizardFields> = {}): WizardFields {
  return { ...initialFields(defaults), name: 'demo', ...overrides }
}

function problem(
  field: FieldProblem['field'],
  message: string,
  severity: FieldProblem['severity'] = 'error'
): FieldProblem {
  return { field, message, severity }
}

const LOCATION_ERROR = 'Choose a folder: the location must be an absolute path.'

describe('initialFields', () => {
  it('starts from main’s defaults with an empty name, a binary and git on', () => {
    expect(initialFields(defaults)).toEqual({
      name: '',
      parentDir: '/home/me/projects',
      kind: 'bin',
      edition: '2024',
      version: '0.1.0',
      authors: 'Ada <ada@example.com>\nGrace',
      license: '',
      description: '',
      git: true
    })
  })

  it('has an empty authors box when there are no default authors', () => {
    expect(initialFields({ ...defaults, authors: [] }).authors).toBe('')
  })
})

describe('LICENSE_SUGGESTIONS', () => {
  it('offers the common SPDX expressions, MIT first', () => {
    expect(LICENSE_SUGGESTIONS).toEqual([
      'MIT',
      'Apache-2.0',
      'MIT OR Apache-2.0',
      'GPL-3.0-only',
      'BSD-3-Clause'
    ])
  })
})

describe('toOptions', () => {
  it('builds the request main receives', () => {
    expect(toOptions(fields())).toEqual({
      path: '/home/me/projects/demo',
      name: 'demo',
      kind: 'bin',
      edition: '2024',
      version: '0.1.0',
      authors: ['Ada <ada@example.com>', 'Grace'],
      vcs: 'git'
    })
  })

  it('produces input the createPackage contract accepts', () => {
    const options = toOptions(fields({ license: 'MIT', description: 'A demo.', git: false, kind: 'lib' }))
    expect(invokeContract.createPackage.input.safeParse(options).success).toBe(true)
    expect(invokeContract.previewNewPackage.input.safeParse(options).success).toBe(true)
  })

  it('asks nothing until there is a name', () => {
    expect(toOptions(fields({ name: '' }))).toBeUndefined()
  })

  it.each(['', '   ', 'projects', './projects', '~/projects', 'C:'])(
    'asks nothing while the location %j is not absolute',
    (parentDir) => {
      expect(toOptions(fields({ parentDir }))).toBeUndefined()
    }
  )

  it('trims the location and joins the name with its separator', () => {
    expect(toOptions(fields({ parentDir: '  /home/me/  ' }))?.path).toBe('/home/me/demo')
    expect(toOptions(fields({ parentDir: 'C:\\Users\\me\\' }))?.path).toBe('C:\\Users\\me\\demo')
    expect(toOptions(fields({ parentDir: 'C:/Users/me' }))?.path).toBe('C:/Users/me/demo')
    expect(toOptions(fields({ parentDir: '/' }))?.path).toBe('/demo')
  })

  it('still asks about a name the client rejects, so main can preview its own problems', () => {
    expect(toOptions(fields({ name: 'fn' }))).toMatchObject({ name: 'fn', path: '/home/me/projects/fn' })
  })

  it('trims the version', () => {
    expect(toOptions(fields({ version: ' 1.2.3 ' }))?.version).toBe('1.2.3')
  })

  it('takes one author per line, trimmed, without blank lines (CRLF too)', () => {
    expect(toOptions(fields({ authors: '  Ada  \n\n   \nGrace\r\nLinus\n' }))?.authors).toEqual([
      'Ada',
      'Grace',
      'Linus'
    ])
    expect(toOptions(fields({ authors: '' }))?.authors).toEqual([])
  })

  it('includes license and description only when they are not blank, trimmed', () => {
    const blank = toOptions(fields({ license: '   ', description: '\n' }))
    expect(blank).toBeDefined()
    expect(blank && 'license' in blank).toBe(false)
    expect(blank && 'description' in blank).toBe(false)
    expect(toOptions(fields({ license: ' MIT OR Apache-2.0 ', description: '  A demo.  ' }))).toMatchObject({
      license: 'MIT OR Apache-2.0',
      description: 'A demo.'
    })
  })

  it('maps the git checkbox to vcs and passes kind and edition through', () => {
    expect(toOptions(fields({ git: false, kind: 'lib', edition: '2018' }))).toMatchObject({
      vcs: 'none',
      kind: 'lib',
      edition: '2018'
    })
  })
})

describe('clientMessages', () => {
  it('has nothing to say about valid fields', () => {
    expect(clientMessages(fields())).toEqual({})
  })

  it('reports an empty name', () => {
    expect(clientMessages(fields({ name: '' }))).toEqual({
      name: [{ severity: 'error', text: 'The package name cannot be empty.' }]
    })
  })

  it.each([
    ['1st', 'Invalid package name `1st`: the name cannot start with a digit.'],
    [
      'my crate',
      'Invalid character a space in package name `my crate`: use ASCII letters, digits, `-` and `_`.'
    ],
    ['fn', 'Invalid package name `fn`: it is a Rust keyword.'],
    ['std', "Invalid package name `std`: it conflicts with Rust's built-in `std` library."],
    ['deps', "Invalid package name `deps`: it conflicts with cargo's build directory names."]
  ])('reports the invalid name %j as an error', (name, text) => {
    expect(clientMessages(fields({ name }))).toEqual({ name: [{ severity: 'error', text }] })
  })

  it('warns, without an error, about a name Windows reserves', () => {
    const messages = clientMessages(fields({ name: 'aux' }))
    expect(messages).toEqual({
      name: [
        {
          severity: 'warning',
          text: '`aux` is a reserved file name on Windows; the package cannot be used there.'
        }
      ]
    })
    expect(hasErrors(messages)).toBe(false)
  })

  it('checks the trimmed version', () => {
    expect(clientMessages(fields({ version: '  0.2.0-beta.1  ' }))).toEqual({})
    expect(clientMessages(fields({ version: '' }))).toEqual({
      version: [{ severity: 'error', text: 'The version cannot be empty.' }]
    })
    expect(clientMessages(fields({ version: ' v1.0.0 ' }))).toEqual({
      version: [
        {
          severity: 'error',
          text: 'Invalid version `v1.0.0`: remove the leading `v` (for example `1.0.0`).'
        }
      ]
    })
    expect(clientMessages(fields({ version: '1.0' }))).toEqual({
      version: [
        { severity: 'error', text: 'Invalid version `1.0`: expected MAJOR.MINOR.PATCH, for example `0.1.0`.' }
      ]
    })
  })

  it.each(['', '  ', 'projects', '~/x', 'C:'])('asks for an absolute location instead of %j', (parentDir) => {
    expect(clientMessages(fields({ parentDir }))).toEqual({
      location: [{ severity: 'error', text: LOCATION_ERROR }]
    })
  })

  it.each(['/', '  /home/me  ', 'C:\\', 'D:/work'])('accepts the absolute location %j', (parentDir) => {
    expect(clientMessages(fields({ parentDir }))).toEqual({})
  })

  it('reports every field at once, in field order', () => {
    const messages = clientMessages(fields({ name: '', version: 'x', parentDir: 'rel' }))
    expect(Object.keys(messages)).toEqual(['name', 'version', 'location'])
    expect(messages.name).toHaveLength(1)
    expect(messages.version).toHaveLength(1)
    expect(messages.location).toHaveLength(1)
    expect(hasErrors(messages)).toBe(true)
  })

  it('has no opinion on license, description, authors, kind, edition or git', () => {
    expect(
      clientMessages(
        fields({ license: 'not a licence!!', description: 'x'.repeat(5000), authors: '\n\n', git: false })
      )
    ).toEqual({})
  })
})

describe('mergeMessages', () => {
  it('is empty when neither side has anything', () => {
    expect(mergeMessages({}, [])).toEqual({})
  })

  it('keeps client messages as they are when main has none', () => {
    const client: FieldMessages = { name: [{ severity: 'error', text: 'bad name' }] }
    expect(mergeMessages(client, [])).toEqual(client)
  })

  it('puts main’s path problems next to Location and vcs problems next to Git', () => {
    expect(
      mergeMessages({}, [
        problem('path', 'A package already exists in /p/demo.'),
        problem('vcs', 'git is not installed; the package will have no repository.', 'warning')
      ])
    ).toEqual({
      location: [{ severity: 'error', text: 'A package already exists in /p/demo.' }],
      git: [{ severity: 'warning', text: 'git is not installed; the package will have no repository.' }]
    })
  })

  it.each(['name', 'kind', 'edition', 'version', 'authors', 'license', 'description'] as const)(
    'puts main’s %s problems next to the field of the same name',
    (field) => {
      expect(mergeMessages({}, [problem(field, `bad ${field}`, 'warning')])).toEqual({
        [field]: [{ severity: 'warning', text: `bad ${field}` }]
      })
    }
  )

  it('adds main’s problems after the client’s, in main’s order', () => {
    const client: FieldMessages = { location: [{ severity: 'error', text: LOCATION_ERROR }] }
    expect(
      mergeMessages(client, [
        problem('path', 'first'),
        problem('path', 'second', 'warning'),
        problem('name', 'n')
      ])
    ).toEqual({
      location: [
        { severity: 'error', text: LOCATION_ERROR },
        { severity: 'error', text: 'first' },
        { severity: 'warning', text: 'second' }
      ],
      name: [{ severity: 'error', text: 'n' }]
    })
  })

  it('does not repeat a message both sides found', () => {
    const client = clientMessages(fields({ name: 'fn' }))
    const merged = mergeMessages(client, [
      problem('name', 'Invalid package name `fn`: it is a Rust keyword.')
    ])
    expect(merged).toEqual({
      name: [{ severity: 'error', text: 'Invalid package name `fn`: it is a Rust keyword.' }]
    })
  })

  it('does not repeat a message main reported twice', () => {
    expect(mergeMessages({}, [problem('path', 'same'), problem('path', 'same')])).toEqual({
      location: [{ severity: 'error', text: 'same' }]
    })
  })

  it('keeps the same text when it belongs to different fields', () => {
    expect(mergeMessages({ name: [{ severity: 'error', text: 'x' }] }, [problem('license', 'x')])).toEqual({
      name: [{ severity: 'error', text: 'x' }],
      license: [{ severity: 'error', text: 'x' }]
    })
  })

  it('does not change the client messages it was given', () => {
    const client: FieldMessages = { name: [{ severity: 'warning', text: 'w' }] }
    const snapshot = structuredClone(client)
    const merged = mergeMessages(client, [problem('name', 'from main')])
    expect(client).toEqual(snapshot)
    expect(merged.name).not.toBe(client.name)
    expect(merged.name).toHaveLength(2)
  })
})

describe('hasErrors', () => {
  it('is false with no messages, or only empty lists', () => {
    expect(hasErrors({})).toBe(false)
    expect(hasErrors({ name: [], location: [] })).toBe(false)
  })

  it('is false when there are only warnings', () => {
    expect(
      hasErrors({ name: [{ severity: 'warning', text: 'a' }], git: [{ severity: 'warning', text: 'b' }] })
    ).toBe(false)
  })

  it('is true when any field has an error', () => {
    expect(
      hasErrors({
        name: [{ severity: 'warning', text: 'a' }],
        description: [
          { severity: 'warning', text: 'b' },
          { severity: 'error', text: 'c' }
        ]
      })
    ).toBe(true)
  })

  it('sees errors main added to a field the client had no opinion on', () => {
    expect(
      hasErrors(mergeMessages(clientMessages(fields()), [problem('path', 'Folder is not writable.')]))
    ).toBe(true)
  })
})
