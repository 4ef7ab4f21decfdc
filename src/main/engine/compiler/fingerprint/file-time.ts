/**
 * File times as cargo prints them in dirty reasons: `seconds.nanoseconds` since the epoch,
 * and the gap in humantime style (`5s`, `1h 2m 3s`) or in nanoseconds under a second.
 * Times are bigint nanoseconds because file systems report them that precisely and a
 * rounded float could make an edited file look as old as the build.
 */

const NS_PER_S = 1_000_000_000n

/** `1763760000.000000123s`, like cargo's `FileTime` display. */
export function formatFileTime(ns: bigint): string {
  const secs = ns / NS_PER_S
  const nanos = ns % NS_PER_S
  return `${secs}.${nanos.toString().padStart(9, '0')}s`
}

const UNITS: readonly (readonly [number, string, boolean])[] = [
  [31_557_600, 'year', true],
  [2_630_016, 'month', true],
  [86_400, 'day', true],
  [3_600, 'h', false],
  [60, 'm', false],
  [1, 's', false]
]

function humanSeconds(total: number): string {
  const parts: string[] = []
  let rest = total
  for (const [size, name, plural] of UNITS) {
    const n = Math.floor(rest / size)
    rest -= n * size
    if (n > 0) parts.push(`${n}${name}${plural && n > 1 ? 's' : ''}`)
  }
  return parts.length === 0 ? '0s' : parts.join(' ')
}

/**
 * How much later `newer` is than `older`: whole seconds when the seconds differ by one or
 * more, else the nanosecond difference (cargo's `FileTimeDiff`).
 */
export function formatTimeDiff(older: bigint, newer: bigint): string {
  const secondsApart = newer / NS_PER_S - older / NS_PER_S
  if (secondsApart >= 1n) return humanSeconds(Number(secondsApart))
  return `${(newer % NS_PER_S) - (older % NS_PER_S)}ns`
}
