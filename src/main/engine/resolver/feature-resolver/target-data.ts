/**
 * What the resolvers know about the platforms in play (cargo's `RustcTargetData`): the host and
 * each `--target`, with their `rustc --print cfg`, so `[target.'cfg(…)'.dependencies]` can be
 * filtered for whichever platform a dependency is built for.
 */
import { homedir } from 'node:os'
import { loadExeca } from '../../tools/lazy-modules'
import { EngineError } from '../../errors'
import { parseCfgList, type RustcInfo } from '../../tools/rustc'
import { platformMatches } from '../platform'

/** Where a unit is built: for the host (build scripts, proc-macros) or a requested target. */
export type CompileKind = { readonly type: 'host' } | { readonly type: 'target'; readonly triple: string }

export const HOST: CompileKind = { type: 'host' }

export interface PlatformInfo {
  readonly triple: string
  readonly cfg: ReadonlyMap<string, readonly string[]>
}

export interface TargetData {
  readonly host: PlatformInfo
  /** Every requested `--target` triple, with its cfg. */
  readonly targets: ReadonlyMap<string, PlatformInfo>
}

/** cargo's `dep_platform_activated`: no platform, or one that matches the kind's platform. */
export function platformActivated(
  data: TargetData,
  platform: string | undefined,
  kind: CompileKind
): boolean {
  if (platform === undefined) return true
  const info = kind.type === 'host' ? data.host : data.targets.get(kind.triple)
  if (!info) throw new Error(`no target information for ${kind.type === 'target' ? kind.triple : 'host'}`)
  return platformMatches(platform, info.triple, info.cfg)
}

/** The host's data, from what `rustcInfo` already asked rustc. */
export function hostTargetData(rustc: Pick<RustcInfo, 'host' | 'cfg'>): TargetData {
  return { host: { triple: rustc.host, cfg: rustc.cfg }, targets: new Map() }
}

/** Adds `--target` triples, asking `rustc --print cfg --target T` for each. */
export async function withTargets(
  data: TargetData,
  rustcPath: string,
  triples: readonly string[],
  env: NodeJS.ProcessEnv = process.env
): Promise<TargetData> {
  const targets = new Map(data.targets)
  const { execa } = await loadExeca()
  for (const triple of triples) {
    if (targets.has(triple)) continue
    // From the home folder: the project's rust-toolchain file has no say (see inspectionRustc).
    const out = await execa(rustcPath, ['--print', 'cfg', '--target', triple], {
      cwd: homedir(),
      env,
      reject: false,
      timeout: 120_000
    })
    if (out.exitCode !== 0) {
      const why = String(out.stderr).trim().split('\n')[0] ?? ''
      throw new EngineError('invalid-input', `Cannot get the configuration of target \`${triple}\`: ${why}`, {
        hint: 'Check the triple against `rustc --print target-list`, or install the target with rustup.'
      })
    }
    targets.set(triple, { triple, cfg: parseCfgList(String(out.stdout)) })
  }
  return { host: data.host, targets }
}
