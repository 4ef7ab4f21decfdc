/**
 * What `crate-studio doctor` reports: the toolchain facts the app shows (rustc and how it was
 * found, host, sysroot, rustup and its toolchains, a project's pin), git, cargo when present
 * (only the tests use it), with the install guidance when rustc is missing. Read-only: rustc is
 * asked from the home folder and a project's toolchain file is read, not obeyed.
 */
import { homedir } from 'node:os'
import type { ToolchainInfo } from '@shared/models/toolchain'
import { rustInstallGuidanceText } from '@shared/format/rust-install'
import { inspectToolchain } from '../toolchain/inspect-toolchain'
import { findOnPath } from './find-program'
import { loadExeca } from './lazy-modules'

export interface ToolReport {
  readonly path?: string
  /** The first line of its `--version`. */
  readonly version?: string
  readonly problem?: string
}

export interface DoctorReport {
  readonly toolchain: ToolchainInfo
  readonly git: ToolReport
  readonly cargo: ToolReport
}

export const RUST_INSTALL_GUIDANCE = rustInstallGuidanceText()

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

/** With `projectDir`, also what that folder pins. */
export async function diagnose(env: NodeJS.ProcessEnv, projectDir?: string): Promise<DoctorReport> {
  const [toolchain, git, cargo] = await Promise.all([
    inspectToolchain(env, projectDir),
    tool('git', env),
    tool('cargo', env)
  ])
  return { toolchain, git, cargo }
}
