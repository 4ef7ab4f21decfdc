/**
 * The order cargo tree lists packages in (its nodes' order): name, then version by SemVer
 * precedence, then source (path before registry before git), then enabled features. Children, roots and duplicates are
 * all sorted this way, so the view reads like cargo's output.
 */
import type { GraphPackage, GraphSource } from '@shared/models/dependency-tree'
import { assertNever } from '@shared/assert-never'

const NUMERIC = /^\d+$/

function compareIdentifiers(a: string, b: string): number {
  const an = NUMERIC.test(a)
  const bn = NUMERIC.test(b)
  if (an && bn) return compareNumbers(a, b)
  if (an !== bn) return an ? -1 : 1 // numeric identifiers sort before alphanumeric ones
  return a < b ? -1 : a > b ? 1 : 0
}

/** Digit strings of any length (versions may exceed 2^53). */
function compareNumbers(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, '')
  const y = b.replace(/^0+(?=\d)/, '')
  if (x.length !== y.length) return x.length - y.length
  return x < y ? -1 : x > y ? 1 : 0
}

/** SemVer precedence (build metadata ignored, then compared as text so the order stays total). */
export function compareVersions(a: string, b: string): number {
  const [aCore = '', aBuild = ''] = a.split('+', 2)
  const [bCore = '', bBuild = ''] = b.split('+', 2)
  const aDash = aCore.indexOf('-')
  const bDash = bCore.indexOf('-')
  const aNums = (aDash < 0 ? aCore : aCore.slice(0, aDash)).split('.')
  const bNums = (bDash < 0 ? bCore : bCore.slice(0, bDash)).split('.')
  for (let i = 0; i < Math.max(aNums.length, bNums.length); i++) {
    const c = compareIdentifiers(aNums[i] ?? '0', bNums[i] ?? '0')
    if (c !== 0) return c
  }
  const aPre = aDash < 0 ? undefined : aCore.slice(aDash + 1).split('.')
  const bPre = bDash < 0 ? undefined : bCore.slice(bDash + 1).split('.')
  if (aPre === undefined || bPre === undefined) {
    if (aPre !== bPre) return aPre === undefined ? 1 : -1 // a pre-release comes before its release
  } else {
    for (let i = 0; i < Math.max(aPre.length, bPre.length); i++) {
      const x = aPre[i]
      const y = bPre[i]
      if (x === undefined || y === undefined) return x === undefined ? -1 : 1
      const c = compareIdentifiers(x, y)
      if (c !== 0) return c
    }
  }
  return aBuild < bBuild ? -1 : aBuild > bBuild ? 1 : 0
}

function sourceRank(source: GraphSource): number {
  switch (source.kind) {
    case 'path':
      return 0
    case 'registry':
      return 1
    case 'git':
      return 2
    default:
      return assertNever(source, 'graph source')
  }
}

function sourceText(source: GraphSource): string {
  switch (source.kind) {
    case 'path':
      return source.path
    case 'registry':
      return source.url
    case 'git':
      return `${source.url}#${source.commit ?? ''}`
    default:
      return assertNever(source, 'graph source')
  }
}

/** Cargo's node order (package ID, then features). */
export function comparePackages(a: GraphPackage, b: GraphPackage): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1
  const v = compareVersions(a.version, b.version)
  if (v !== 0) return v
  const r = sourceRank(a.source) - sourceRank(b.source)
  if (r !== 0) return r
  const x = sourceText(a.source)
  const y = sourceText(b.source)
  if (x !== y) return x < y ? -1 : 1
  const f = compareLists(a.features, b.features)
  if (f !== 0) return f
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

function compareLists(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!
    const y = b[i]!
    if (x !== y) return x < y ? -1 : 1
  }
  return a.length - b.length
}
