/**
 * The wizard's form state and its validation, kept apart from the JSX so the rules read in
 * one place. Client checks (name, version, location) answer as you type; main's preview adds
 * the ones only it can make (does the folder exist?).
 */
import type { Edition } from '@shared/models/package'
import type { ChannelRawInput } from '@shared/ipc/contract'
import type { FieldProblem, NewPackageDefaults, PackageKind } from '@shared/models/new-package'
import { checkPackageName } from '@shared/rules/package-name'
import { checkVersion } from '@shared/rules/semver'
import { isAbsolutePath, joinPath } from '../../lib/paths'

export interface WizardFields {
  readonly name: string
  readonly parentDir: string
  readonly kind: PackageKind
  readonly edition: Edition
  readonly version: string
  /** One author per line, as typed. */
  readonly authors: string
  readonly license: string
  readonly description: string
  readonly git: boolean
}

/** The inputs a message can sit next to; `path` problems from main belong to Location. */
export type WizardField =
  'name' | 'location' | 'kind' | 'edition' | 'version' | 'authors' | 'license' | 'description' | 'git'

export interface FieldMessage {
  readonly severity: 'error' | 'warning'
  readonly text: string
}

export type FieldMessages = Partial<Record<WizardField, readonly FieldMessage[]>>

/** `NewPackageOptions` as the contract accepts it (zod's arrays are mutable). */
export type NewPackageRequest = ChannelRawInput<'createPackage'>

export const LICENSE_SUGGESTIONS = [
  'MIT',
  'Apache-2.0',
  'MIT OR Apache-2.0',
  'GPL-3.0-only',
  'BSD-3-Clause'
] as const

export function initialFields(defaults: NewPackageDefaults): WizardFields {
  return {
    name: '',
    parentDir: defaults.parentDir,
    kind: 'bin',
    edition: defaults.edition,
    version: defaults.version,
    authors: defaults.authors.join('\n'),
    license: defaults.license ?? '',
    description: '',
    git: true
  }
}

/** The options main receives, or undefined while there is not enough to ask about. */
export function toOptions(f: WizardFields): NewPackageRequest | undefined {
  const parentDir = f.parentDir.trim()
  if (f.name === '' || !isAbsolutePath(parentDir)) return undefined
  const license = f.license.trim()
  const description = f.description.trim()
  return {
    path: joinPath(parentDir, f.name),
    name: f.name,
    kind: f.kind,
    edition: f.edition,
    version: f.version.trim(),
    authors: f.authors
      .split('\n')
      .map((a) => a.trim())
      .filter((a) => a !== ''),
    ...(license ? { license } : {}),
    ...(description ? { description } : {}),
    vcs: f.git ? 'git' : 'none'
  }
}

/** Checks that need no round trip, run on every keystroke. */
export function clientMessages(f: WizardFields): FieldMessages {
  const messages: Record<string, FieldMessage[]> = {}
  const add = (field: WizardField, severity: FieldMessage['severity'], text: string): void => {
    ;(messages[field] ??= []).push({ severity, text })
  }
  const name = checkPackageName(f.name)
  if (name.error) add('name', 'error', name.error)
  if (name.warning) add('name', 'warning', name.warning)
  const version = checkVersion(f.version.trim())
  if (version) add('version', 'error', version)
  if (!isAbsolutePath(f.parentDir.trim()))
    add('location', 'error', 'Choose a folder: the location must be an absolute path.')
  return messages
}

function fieldOf(problem: FieldProblem): WizardField {
  if (problem.field === 'path') return 'location'
  if (problem.field === 'vcs') return 'git'
  return problem.field
}

/** Client messages plus main's problems, without repeating a message both sides found. */
export function mergeMessages(client: FieldMessages, server: readonly FieldProblem[]): FieldMessages {
  const merged: Partial<Record<WizardField, FieldMessage[]>> = {}
  for (const [field, list] of Object.entries(client) as [WizardField, readonly FieldMessage[]][])
    merged[field] = [...list]
  for (const problem of server) {
    const field = fieldOf(problem)
    const list = (merged[field] ??= [])
    if (!list.some((m) => m.text === problem.message))
      list.push({ severity: problem.severity, text: problem.message })
  }
  return merged
}

export function hasErrors(messages: FieldMessages): boolean {
  return Object.values(messages).some((list) => list.some((m) => m.severity === 'error'))
}
