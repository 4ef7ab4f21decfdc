/**
 * What a finished unit read, for the next build to compare: rustc's dep-info (source files
 * and `env!` variables), or a build script's rerun rules. A script that gives no rules is
 * rerun when any file of its (local) package changes, as cargo does; registry and git
 * packages never change under a version, so theirs are not watched.
 */
import { readFile } from 'node:fs/promises'
import { isAbsolute, join, resolve } from 'node:path'
import { outputDir, unitArtifacts } from '../artifacts'
import { parseDepInfo } from '../fingerprint/dep-info'
import type { BuildObservations, RerunEnv } from '../fingerprint/fingerprint'
import type { Layout } from '../layout'
import type { BuildScriptOutput } from '../build-script/build-output'
import type { Unit } from '../unit'

type Env = Readonly<Record<string, string | undefined>>

/** rustc writes `<out-dir>/<crate><extra-filename>.d` beside the outputs. */
export function depInfoPath(unit: Unit, layout: Layout): string {
  const a = unitArtifacts(unit, layout)
  return join(outputDir(unit, layout), `${unit.target!.crateName}${a.extraFilename}.d`)
}

export async function observeCompile(
  unit: Unit,
  layout: Layout,
  cwd: string,
  startedAtNs: bigint
): Promise<BuildObservations> {
  const file = depInfoPath(unit, layout)
  const info = parseDepInfo(await readFile(file, 'utf8'), file)
  // A registry or git package never changes under its version and commit (both are in the
  // unit's hash), so cargo does not watch its files, and neither do we: a no-op build would
  // otherwise stat every source file of every dependency.
  const local = unit.node.source.kind === 'path'
  return {
    files: local ? info.files.map((f) => (isAbsolute(f) ? f : resolve(cwd, f))) : [],
    env: [...info.env].map(([name, value]) => ({ name, value })),
    rerunIfChanged: [],
    rerunIfEnvChanged: [],
    startedAtNs
  }
}

export function observeScript(
  unit: Unit,
  output: BuildScriptOutput | undefined,
  env: Env,
  startedAtNs: bigint
): BuildObservations {
  const root = unit.node.pkg.manifest.rootDir
  const changed = (output?.rerunIfChanged ?? []).map((p) => resolve(root, p))
  const envRules: RerunEnv[] = (output?.rerunIfEnvChanged ?? []).map((name) => ({ name, value: env[name] }))
  const noRules = changed.length === 0 && envRules.length === 0
  const local = unit.node.source.kind === 'path'
  return {
    files: [],
    env: [],
    rerunIfChanged: !local ? [] : noRules ? [root] : changed,
    rerunIfEnvChanged: envRules,
    startedAtNs
  }
}
