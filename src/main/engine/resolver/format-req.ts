/** A version requirement as cargo prints it (the semver crate's Display): `1.2` is `^1.2`, none is `*`. */
import { parseVersionReq, type Comparator, type VersionReq } from './version-req'

const OPS: Record<Comparator['op'], string> = {
  '=': '=',
  '>': '>',
  '>=': '>=',
  '<': '<',
  '<=': '<=',
  '~': '~',
  '^': '^',
  '*': ''
}

function formatComparator(c: Comparator): string {
  if (c.op === '*') return c.minor === undefined ? `${c.major}.*` : `${c.major}.${c.minor}.*`
  let text = `${OPS[c.op]}${c.major}`
  if (c.minor !== undefined) text += `.${c.minor}`
  if (c.patch !== undefined) text += `.${c.patch}${c.pre ? `-${c.pre}` : ''}`
  return text
}

export function formatReq(req: VersionReq): string {
  return req.length === 0 ? '*' : req.map(formatComparator).join(', ')
}

/** `undefined` (no requirement written) prints as `*`; an unparsable one as written. */
export function formatVersionReq(text: string | undefined): string {
  if (text === undefined) return '*'
  const parsed = parseVersionReq(text)
  return parsed.ok ? formatReq(parsed.req) : text
}
