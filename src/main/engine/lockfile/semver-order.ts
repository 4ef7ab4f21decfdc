/**
 * The semver crate's total order on versions, which cargo sorts `[[package]]` entries by:
 * numeric parts, then pre-release (none is highest), then build metadata (none is lowest).
 */

const VERSION = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$/

const DIGITS = /^\d*$/

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Numeric identifiers by value (shorter digit strings first), others in ASCII order, numbers first. */
function compareIdentifiers(a: string, b: string, trimZeros: boolean): number {
  const an = DIGITS.test(a)
  const bn = DIGITS.test(b)
  if (an !== bn) return an ? -1 : 1
  if (!an) return compareStrings(a, b)
  const x = trimZeros ? a.replace(/^0+/, '') : a
  const y = trimZeros ? b.replace(/^0+/, '') : b
  return x.length - y.length || compareStrings(x, y) || a.length - b.length
}

function compareDotted(a: string, b: string, trimZeros: boolean): number {
  const xs = a.split('.')
  const ys = b.split('.')
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const d = compareIdentifiers(xs[i] ?? '', ys[i] ?? '', trimZeros)
    if (d !== 0) return d
  }
  return xs.length - ys.length
}

function comparePre(a: string, b: string): number {
  if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1
  return compareDotted(a, b, false)
}

function compareBuild(a: string, b: string): number {
  if (a === '' || b === '') return a === b ? 0 : a === '' ? -1 : 1
  return compareDotted(a, b, true)
}

function compareNumbers(a: string, b: string): number {
  const x = BigInt(a)
  const y = BigInt(b)
  return x < y ? -1 : x > y ? 1 : 0
}

/** Negative, zero or positive as `a` sorts before, with or after `b`; unparsable text sorts as a string. */
export function compareVersions(a: string, b: string): number {
  const x = VERSION.exec(a)
  const y = VERSION.exec(b)
  if (!x || !y) return compareStrings(a, b)
  for (const i of [1, 2, 3]) {
    const d = compareNumbers(x[i] ?? '0', y[i] ?? '0')
    if (d !== 0) return d
  }
  return comparePre(x[4] ?? '', y[4] ?? '') || compareBuild(x[5] ?? '', y[5] ?? '')
}
