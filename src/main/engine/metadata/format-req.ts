/** A version requirement as cargo prints it (the `semver` crate's Display): `1` is `^1`, none is `*`. */
import { parseVersionReq, type Comparator } from '../resolver/version-req'

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

function comparator(c: Comparator): string {
  let text = `${OPS[c.op]}${c.major}`
  if (c.minor === undefined) return c.op === '*' ? `${text}.*` : text
  text += `.${c.minor}`
  if (c.patch === undefined) return c.op === '*' ? `${text}.*` : text
  return `${text}.${c.patch}${c.pre ? `-${c.pre}` : ''}`
}

/** `undefined` (no requirement written) prints as `*`; an unparsable one as written. */
export function formatVersionReq(text: string | undefined): string {
  if (text === undefined) return '*'
  const parsed = parseVersionReq(text)
  if (!parsed.ok) return text
  return parsed.req.length === 0 ? '*' : parsed.req.map(comparator).join(', ')
}
