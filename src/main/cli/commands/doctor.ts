/** `crate-studio doctor`: the toolchain and folders the app and CLI use, and what to do when rustc is missing. */
import { homedir } from 'node:os'
import { dirname, resolve } from 'node:path'
import type { ToolchainInfo } from '@shared/models/toolchain'
import { foundByText, pinText } from '@shared/format/toolchain-text'
import { diagnose, RUST_INSTALL_GUIDANCE, type ToolReport } from '../../engine/tools/doctor'
import { cacheDirOf } from '../../engine/workspace/cache-dir'
import { startupCacheDir } from '../../services/settings-store'
import { appVersion } from '../../app-version'
import { defaultConfigDir } from '../../services/create-services'
import { COMMON_OPTIONS, parse, UsageError } from '../parse-args'
import { writeOut, type CliContext } from './shared'

export const DOCTOR_HELP = `Report the Rust toolchain, git and the folders Crate Studio uses

Usage: crate-studio doctor [OPTIONS]

Shows how rustc was found, its version, host and sysroot, rustup's toolchains, and the
toolchain the project pins (a rust-toolchain.toml or rust-toolchain file above it).
Exits with status 1 when no rustc is found, after saying how to install it.

Options:
      --manifest-path <PATH>  The project whose pinned toolchain to check [default: the current folder's]
  -h, --help                  Print help
`

function line(label: string, value: string): string {
  return `${label.padEnd(8)}${value}\n`
}

function describe(report: ToolReport): string {
  return report.path
    ? `${report.path}${report.version ? ` (${report.version})` : ''}`
    : `not found: ${report.problem ?? ''}`
}

function rustcLines(t: ToolchainInfo): string {
  const r = t.rustc
  if (!r) return line('rustc', `not found: ${t.problem ?? ''}`)
  let text = line('rustc', `${r.path} (${r.version})`)
  text += line('', `${foundByText(r.foundBy)}: ${r.program}`)
  text += line('', `host ${r.host}`)
  if (r.sysroot) text += line('', `sysroot ${r.sysroot}`)
  return text
}

function rustupLines(t: ToolchainInfo): string {
  const u = t.rustup
  if (!u) return line('rustup', 'not found (optional: it installs and switches toolchains)')
  let text = line('rustup', u.path)
  if (u.problem) return text + line('', u.problem)
  text += line('', `default ${u.defaultToolchain ?? 'none: run `rustup default stable`'}`)
  text += line('', `installed ${u.toolchains.length ? u.toolchains.join(', ') : 'none'}`)
  if (u.envOverride)
    text += line('', `RUSTUP_TOOLCHAIN=${u.envOverride} overrides the default and every toolchain file`)
  return text
}

function projectLines(t: ToolchainInfo, dir: string, explicit: boolean): string {
  const pin = t.project
  if (!pin)
    return explicit
      ? line('project', `${dir}: no toolchain file or rustup override; the default toolchain builds it`)
      : ''
  let text = line('project', pinText(pin))
  if (pin.problem?.hint) text += line('', pin.problem.hint)
  if (pin.hint) text += line('', pin.installed === false ? `run \`${pin.hint}\`` : pin.hint)
  return text
}

export async function doctorCommand(args: readonly string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(args, {
    help: COMMON_OPTIONS.help,
    'manifest-path': COMMON_OPTIONS['manifest-path']
  })
  if (values.help) {
    writeOut(ctx, DOCTOR_HELP)
    return 0
  }
  if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}' found`)
  const manifestPath = values['manifest-path']
  const projectDir = manifestPath ? dirname(resolve(ctx.cwd, manifestPath)) : ctx.cwd
  const report = await diagnose(ctx.env, projectDir)
  const t = report.toolchain
  let text = `Crate Studio ${appVersion()} (Node ${process.version}, ${process.platform}-${process.arch})\n\n`
  text += rustcLines(t)
  text += rustupLines(t)
  text += projectLines(t, projectDir, manifestPath !== undefined)
  text += line('git', describe(report.git))
  text += line('cargo', `${describe(report.cargo)} — optional: Crate Studio builds without it`)
  const configDir = defaultConfigDir(ctx.env, homedir())
  text += line('cache', `${cacheDirOf(ctx.env)}  (CRATE_STUDIO_CACHE_DIR)`)
  // The app's own cache setting, when it differs: the CLI does not read it.
  const appCache = await startupCacheDir(configDir, ctx.env)
  if (appCache !== cacheDirOf(ctx.env))
    text += line('cache', `${appCache}  (the app's Settings → Cache location; the CLI uses the one above)`)
  text += line('config', `${configDir}  (CRATE_STUDIO_CONFIG_DIR)`)
  if (!t.rustc) text += `\n${RUST_INSTALL_GUIDANCE}\n`
  else if (!report.git.path)
    text +=
      '\ngit is needed for git dependencies and new packages’ repositories; install it from https://git-scm.com.\n'
  writeOut(ctx, text)
  return t.rustc ? 0 : 1
}
