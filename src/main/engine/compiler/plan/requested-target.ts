/**
 * The target a build names: `--target`, else `build.target` (`CARGO_BUILD_TARGET`). Naming one,
 * even the host's triple, changes where units go and which flags host units get, as in cargo;
 * naming none builds for the host and shares units between build scripts and the program.
 */
import type { CargoConfig } from '../../config/cargo-config'
import type { TargetPlatform } from '../../config/build-config'
import { buildTargets } from '../../config/net-build-config'
import { EngineError } from '../../errors'
import { hostTargetData, withTargets } from '../../resolver/feature-resolver/target-data'
import type { RustcInfo } from '../../tools/rustc'

/** The named target's triple and its `rustc --print cfg --target` (without RUSTFLAGS), or none. */
export async function requestedTarget(
  config: CargoConfig,
  flag: string | undefined,
  rustc: Pick<RustcInfo, 'host' | 'cfg' | 'path'>,
  env: Readonly<Record<string, string | undefined>>
): Promise<TargetPlatform | undefined> {
  const triples = flag !== undefined ? [flag] : (buildTargets(config) ?? [])
  const where = flag !== undefined ? '`--target`' : '`build.target` in the cargo configuration'
  if (triples.length === 0) return undefined
  if (triples.length > 1)
    throw new EngineError(
      'unsupported',
      `${where} names ${triples.length} targets; Crate Studio builds one at a time.`,
      {
        hint: `Build each target with its own \`--target\`: ${triples.join(', ')}.`
      }
    )
  const triple = triples[0]!
  if (triple.endsWith('.json'))
    throw new EngineError('unsupported', `${where} names a target specification file (${triple}).`, {
      hint: 'Custom target specifications need a nightly cargo; use a built-in triple (`rustc --print target-list`).'
    })
  if (triple === '')
    throw new EngineError('invalid-input', `${where} is empty.`, {
      hint: 'Give a target triple such as x86_64-unknown-linux-gnu, or leave the option out.'
    })
  if (triple === rustc.host) return { triple, cfg: rustc.cfg }
  const data = await withTargets(hostTargetData(rustc), rustc.path, [triple], { ...env })
  return { triple, cfg: data.targets.get(triple)!.cfg }
}
