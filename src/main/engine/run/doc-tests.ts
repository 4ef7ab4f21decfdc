/**
 * The doc tests of a finished `test` build, ready to run: finds rustdoc and the workspace root
 * rustdoc runs from, settles the run-wide flags (colour, error format, check-cfg), then lets
 * `planDocTests` pick the libraries and build each command.
 */
import { dirname } from 'node:path'
import { parseVersion } from '@shared/rules/semver'
import type { BuildResult } from '../compiler/build-runner'
import type { BuildScriptOutput } from '../compiler/build-script/build-output'
import { findWorkspaceRoot, readManifestFileSync } from '../manifest/workspace-root'
import { planDocTests, type DocTest } from './doc-test-plan'
import { findRustdoc } from './rustdoc-program'

export interface DocTestRequest {
  readonly mode: 'also' | 'only'
  readonly manifestPath: string
  readonly args: readonly string[]
  readonly env?: NodeJS.ProcessEnv
  /** ANSI in rustdoc's diagnostics (`--color always`), as in rustc's; default on. */
  readonly colourDiagnostics?: boolean
  readonly messageFormat?: 'human' | 'json'
  /** Build scripts' output by the id of the unit that ran them, as the build reported it. */
  readonly scripts: ReadonlyMap<string, BuildScriptOutput>
  readonly needsPackageSpec: boolean
}

/** `--check-cfg` arrived in rustc 1.80; older compilers reject the flag. */
function supportsCheckCfg(release: string): boolean {
  const v = parseVersion(release.split('-')[0] ?? '')
  return !v || Number(v.major) > 1 || Number(v.minor) >= 80
}

/** The workspace the build used: its root is where cargo runs rustdoc from. */
function workspaceRootOf(manifestPath: string): string {
  const manifest = readManifestFileSync(manifestPath)
  return (manifest && findWorkspaceRoot(manifest)?.rootDir) ?? dirname(manifestPath)
}

export async function prepareDocTests(
  build: BuildResult,
  r: DocTestRequest,
  warn: (text: string) => void
): Promise<DocTest[]> {
  const env = r.env ?? process.env
  return planDocTests(
    build,
    {
      mode: r.mode,
      rustdoc: await findRustdoc(build.rustdoc, env, build.rustc),
      workspaceRoot: workspaceRootOf(r.manifestPath),
      args: r.args,
      env,
      // rustdoc's output reaches the terminal or console through a pipe: `auto` would never colour.
      color: r.colourDiagnostics === false ? 'never' : 'always',
      errorFormat: r.messageFormat ?? 'human',
      scripts: r.scripts,
      needsPackageSpec: r.needsPackageSpec,
      checkCfg: supportsCheckCfg(build.rustc.release)
    },
    warn
  )
}
