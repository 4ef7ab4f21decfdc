/**
 * What `add` prints, as cargo prints it: `Adding serde v1.0 to dependencies`, then the
 * dependency's features (`+` enabled, `-` available) when they are known. A path or git
 * package's features are read from its manifest; a registry's are not known yet, so only the
 * requested ones are listed.
 */
import type { DependencyTable } from '@shared/models/manifest-edit'
import { EngineError } from '../engine/errors'
import type { CargoDependency } from '../engine/manifest/edit/dependency-model'
import { parseVersionReq } from '../engine/resolver/version-req'
import type { FoundPackage } from '../engine/sources/git-packages'

const PREFIX = ' '.repeat(13)
const MAX_PRINTS = 30

export function actionMessage(dep: CargoDependency, table: DependencyTable): string {
  const s = dep.source
  let message = dep.name
  if (s?.type === 'registry') message += /^[0-9]/.test(s.version) ? ` v${s.version}` : ` ${s.version}`
  else if (s?.type === 'path') message += ' (local)'
  else if (s?.type === 'git') message += ' (git)'
  else if (s?.type === 'workspace') message += ' (workspace)'
  const kind = { normal: 'dependencies', dev: 'dev-dependencies', build: 'build-dependencies' }[table.kind]
  const section = table.target === undefined ? kind : `${kind} for target \`${table.target}\``
  return `${message} to${dep.optional ? ' optional' : ''}${dep.public ? ' public' : ''} ${section}`
}

/** Every feature of the package, each with the plain features it enables. */
function available(pkg: FoundPackage): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const [name, values] of Object.entries(pkg.features))
    map.set(
      name,
      values.filter((v) => !v.startsWith('dep:') && !v.includes('/'))
    )
  for (const name of pkg.implicitFeatures) if (!map.has(name)) map.set(name, [])
  return map
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function split(dep: CargoDependency, pkg: FoundPackage): { on: string[]; off: string[] } {
  const features = available(pkg)
  const on = new Set(dep.features ?? [])
  if (dep.defaultFeatures !== false) on.add('default')
  const queue = [...on]
  while (queue.length) {
    for (const next of features.get(queue.shift()!) ?? []) {
      if (!on.has(next)) {
        on.add(next)
        queue.push(next)
      }
    }
  }
  on.delete('default')
  const off = [...features.keys()].filter((f) => !on.has(f) && f !== 'default')
  return { on: [...on].sort(byCodePoint), off: off.sort(byCodePoint) }
}

/** cargo's `precise_version`: the highest fully written version in a requirement. */
function preciseVersion(req: string | undefined): string | undefined {
  if (req === undefined) return undefined
  const parsed = parseVersionReq(req)
  if (!parsed.ok) return undefined
  const full = parsed.req.filter(
    (c) => ['=', '>=', '<=', '~', '^', '*'].includes(c.op) && c.minor !== undefined && c.patch !== undefined
  )
  const text = full.map((c) => `${c.major}.${c.minor}.${c.patch}${c.pre ? `-${c.pre}` : ''}`)
  return text.sort().at(-1)
}

/** Refuses features the package does not have, as cargo does. */
export function checkRequestedFeatures(dep: CargoDependency, pkg: FoundPackage): void {
  const known = available(pkg)
  const unknown = (dep.features ?? []).filter((f) => !known.has(f)).sort(byCodePoint)
  if (unknown.length === 0) return
  const list = [...known.keys()].filter((f) => f !== 'default').sort(byCodePoint)
  throw new EngineError(
    'invalid-input',
    `unrecognized feature${unknown.length === 1 ? '' : 's'} for crate ${dep.name}: ${unknown.join(', ')}`,
    {
      hint: list.length
        ? `available features: ${list.join(', ')}`
        : `no features available for crate ${dep.name}`
    }
  )
}

export function featureLines(dep: CargoDependency, pkg: FoundPackage | undefined, colour: boolean): string[] {
  const plus = colour ? '\x1b[1m\x1b[92m+\x1b[0m' : '+'
  const minus = colour ? '\x1b[1m\x1b[91m-\x1b[0m' : '-'
  if (!pkg) {
    const on = [...(dep.features ?? [])].sort(byCodePoint)
    return on.length ? [`${PREFIX}Features:`, ...on.map((f) => `${PREFIX}${plus} ${f}`)] : []
  }
  const { on, off } = split(dep, pkg)
  if (on.length === 0 && off.length === 0) return []
  const version = pkg.version.split('+')[0]!
  const depVersion = dep.source && 'version' in dep.source ? dep.source.version : undefined
  const suffix = preciseVersion(depVersion) === version ? '' : ` as of v${version}`
  const lines = [`${PREFIX}Features${suffix}:`]
  if (on.length <= MAX_PRINTS) lines.push(...on.map((f) => `${PREFIX}${plus} ${f}`))
  else lines.push(`${PREFIX}${on.length} activated features`)
  if (on.length + off.length <= MAX_PRINTS) lines.push(...off.map((f) => `${PREFIX}${minus} ${f}`))
  else lines.push(`${PREFIX}${off.length} deactivated features`)
  return lines
}
