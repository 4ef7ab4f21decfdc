/** `serde`, `serde@1.0`: a crate argument of `add`, checked as cargo checks it. */
import { EngineError } from '../engine/errors'
import { parseVersionReq } from '../engine/resolver/version-req'

export interface CrateSpec {
  readonly name: string
  readonly versionReq?: string
}

export function parseCrateSpec(arg: string): CrateSpec {
  const at = arg.indexOf('@')
  const name = at < 0 ? arg : arg.slice(0, at)
  const version = at < 0 ? undefined : arg.slice(at + 1)
  if (name === '') throw new EngineError('invalid-input', `missing the package name in \`${arg}\``)
  const bad = [...name].find((c) => !/[A-Za-z0-9_-]/.test(c))
  if (bad !== undefined)
    throw new EngineError(
      'invalid-input',
      `invalid character \`${bad}\` in package name: \`${name}\`, characters must be Unicode XID characters (numbers, \`-\`, \`_\`, or most letters)`
    )
  if (version === undefined) return { name }
  const req = parseVersionReq(version)
  if (!req.ok)
    throw new EngineError('invalid-input', `invalid version requirement \`${version}\`: ${req.error}`, {
      hint: 'use a cargo version requirement such as `1.0`, `^1.2` or `>=1, <3`'
    })
  return { name, versionReq: version }
}
