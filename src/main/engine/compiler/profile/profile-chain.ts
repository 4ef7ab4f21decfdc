/**
 * cargo's profile makers: `dev` and `release` are roots; every other profile follows `inherits`
 * to one of them, its tables merged root first. Missing, looping and root `inherits` are
 * cargo's errors, raised for every profile (requested or not), in name order as cargo does.
 */
import type { ErrorCode } from '@shared/ipc/result'
import { describeDefinition, locationOf, type Definition } from '../../config/config-value'
import { EngineError } from '../../errors'
import { mergeLayers, type ProfileLayer } from './profile-layer'
import { DEV_DEFAULTS, RELEASE_DEFAULTS, type Profile } from './profile-model'

/** The built-in definition: predefined tables and the empty table of an unwritten profile. */
export const BUILT_IN_DEF: Definition = { type: 'default' }

export interface Maker {
  /** cargo's built-in `dev` or `release` settings, where the chain ends. */
  readonly defaults: Profile
  /** The profile's chain merged: root's table first, the profile's own last. */
  readonly layer: ProfileLayer
}

/** A maker per profile; `codeOf` says which error code a definition earns (manifest or config). */
export function buildMakers(
  layers: ReadonlyMap<string, ProfileLayer>,
  codeOf: (def: Definition) => ErrorCode
): Map<string, Maker> {
  const empty: ProfileLayer = { def: BUILT_IN_DEF }
  const roots = new Map<string, Maker>([
    ['dev', { defaults: DEV_DEFAULTS, layer: layers.get('dev') ?? empty }],
    ['release', { defaults: RELEASE_DEFAULTS, layer: layers.get('release') ?? empty }]
  ])
  const fail = (def: Definition, message: string, hint: string): EngineError =>
    new EngineError(codeOf(def), `${message} (${describeDefinition(def)})`, { ...locationOf(def), hint })
  for (const [name, m] of roots)
    if (m.layer.inherits)
      throw fail(
        m.layer.inherits.def,
        `\`inherits\` must not be specified in root profile \`${name}\``,
        `Remove \`inherits\` from [profile.${name}]: dev and release are where chains end.`
      )
  const chain = (name: string, layer: ProfileLayer, seen: Set<string>): Maker => {
    const inherits = layer.inherits
    if (!inherits)
      throw fail(
        layer.def,
        `profile \`${name}\` is missing an \`inherits\` directive (\`inherits\` is required for all profiles except \`dev\` or \`release\`)`,
        `Add \`inherits = "dev"\` or \`inherits = "release"\` to [profile.${name}].`
      )
    const parent = inherits.value
    let base: Maker
    const root = roots.get(parent)
    if (root) base = root
    else {
      if (seen.has(parent))
        throw fail(
          inherits.def,
          `profile inheritance loop detected with profile \`${name}\` inheriting \`${parent}\``,
          'Make the chain end at `dev` or `release`.'
        )
      seen.add(parent)
      const parentLayer = layers.get(parent)
      if (!parentLayer)
        throw fail(
          inherits.def,
          `profile \`${name}\` inherits from \`${parent}\`, but that profile is not defined`,
          `Define [profile.${parent}], or inherit from \`dev\` or \`release\`.`
        )
      base = chain(parent, parentLayer, seen)
    }
    return { defaults: base.defaults, layer: mergeLayers(base.layer, layer) }
  }
  const makers = new Map(roots)
  for (const name of [...layers.keys()].sort()) {
    if (roots.has(name)) continue
    makers.set(name, chain(name, layers.get(name)!, new Set([name])))
  }
  return makers
}
