/** `crate-studio doctor`: the toolchain and folders the app and CLI use, and what to do when rustc is missing. */
import { homedir } from 'node:os'
import { diagnose, RUST_INSTALL_GUIDANCE, type ToolReport } from '../../engine/tools/doctor'
import { cacheDirOf } from '../../engine/workspace/cache-dir'
import { appVersion } from '../../app-version'
import { defaultConfigDir } from '../../services/create-services'
import { COMMON_OPTIONS, parse, UsageError } from '../parse-args'
import { writeOut, type CliContext } from './shared'

export const DOCTOR_HELP = `Report the Rust toolchain, git and the folders Crate Studio uses

Usage: crate-studio doctor

Exits with status 1 when no rustc is found, after saying how to install it.

Options:
  -h, --help        Print help
`

function line(label: string, value: string): string {
  return `${label.padEnd(8)}${value}\n`
}

function describe(report: ToolReport): string {
  return report.path
    ? `${report.path}${report.version ? ` (${report.version})` : ''}`
    : `not found: ${report.problem ?? ''}`
}

export async function doctorCommand(args: readonly string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(args, { help: COMMON_OPTIONS.help })
  if (values.help) {
    writeOut(ctx, DOCTOR_HELP)
    return 0
  }
  if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}' found`)
  const report = await diagnose(ctx.env)
  const r = report.rustc
  let text = `Crate Studio ${appVersion()} (Node ${process.version}, ${process.platform}-${process.arch})\n\n`
  text += line('rustc', describe(r))
  if (r.host) text += line('', `host ${r.host}`)
  if (r.sysroot) text += line('', `sysroot ${r.sysroot}`)
  text += line('git', describe(report.git))
  text += line('cargo', `${describe(report.cargo)} — optional: Crate Studio builds without it`)
  text += line('cache', `${cacheDirOf(ctx.env)}  (CRATE_STUDIO_CACHE_DIR)`)
  text += line('config', `${defaultConfigDir(ctx.env, homedir())}  (CRATE_STUDIO_CONFIG_DIR)`)
  if (!r.path) text += `\n${RUST_INSTALL_GUIDANCE}\n`
  else if (!report.git.path)
    text +=
      '\ngit is needed for git dependencies and new packages’ repositories; install it from https://git-scm.com.\n'
  writeOut(ctx, text)
  return r.path ? 0 : 1
}
