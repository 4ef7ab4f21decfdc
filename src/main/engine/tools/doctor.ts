/**
 * What `crate-studio doctor` reports: the rustc builds would use (version, host, sysroot), git,
 * cargo when present (only the tests use it), and where caches and settings live; with the
 * install guidance when rustc is missing. Read-only, and run from the home folder so a project's
 * rust-toolchain file does not choose the answer.
 */
import { homedir } from 'node:os'
import { isEngineError } from '../errors'
import { findOnPath } from './find-program'
import { loadExeca } from './lazy-modules'
import { inspectionRustc } from './rustc'

export interface ToolReport {
  readonly path?: string
  /** The first line of its `--version`. */
  readonly version?: string
  readonly problem?: string
}

export interface DoctorReport {
  readonly rustc: ToolReport & { readonly host?: string; readonly sysroot?: string }
  readonly git: ToolReport
  readonly cargo: ToolReport
}

export const RUST_INSTALL_GUIDANCE = [
  'Crate Studio needs the Rust compiler (rustc). Install it with rustup:',
  "  Linux and macOS: curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh",
  '  Windows: download and run rustup-init.exe from https://rustup.rs',
  'then open a new terminal (so PATH has ~/.cargo/bin), or set RUSTC to the path of rustc.'
].join('\n')

async function firstLine(
  program: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv
): Promise<string | undefined> {
  const { execa } = await loadExeca()
  const r = await execa(program, [...args], { env, cwd: homedir(), reject: false, timeout: 30_000 })
  return r.exitCode === 0 ? String(r.stdout).split('\n')[0]?.trim() : undefined
}

async function tool(name: string, env: NodeJS.ProcessEnv): Promise<ToolReport> {
  const path = await findOnPath(name, env)
  if (!path) return { problem: `${name} was not found on PATH.` }
  const version = await firstLine(path, ['--version'], env)
  return { path, ...(version ? { version } : { problem: `\`${path} --version\` failed.` }) }
}

export async function diagnose(env: NodeJS.ProcessEnv): Promise<DoctorReport> {
  const [rustc, git, cargo] = await Promise.all([
    inspectionRustc(env).then(
      async (info) => {
        const sysroot = await firstLine(info.path, ['--print', 'sysroot'], env)
        return { path: info.path, version: info.version, host: info.host, ...(sysroot ? { sysroot } : {}) }
      },
      (e: unknown) => {
        if (!isEngineError(e)) throw e
        return { problem: e.message }
      }
    ),
    tool('git', env),
    tool('cargo', env)
  ])
  return { rustc, git, cargo }
}
