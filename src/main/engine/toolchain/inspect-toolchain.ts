/**
 * Everything the app and `doctor` say about the toolchain, gathered in one place: the rustc builds
 * use (how it was found, version, host, sysroot), rustup and its toolchains, and what a project
 * pins and whether that is installed. Read-only: rustc is asked from the home folder, and a
 * project's toolchain file is read, never obeyed, so nothing the project names runs.
 */
import { homedir } from 'node:os'
import { join } from 'node:path'
import type { ProjectToolchain, RustcSummary, RustupInfo, ToolchainInfo } from '@shared/models/toolchain'
import { isEngineError } from '../errors'
import { isExecutable } from '../tools/find-program'
import { locateRustc, rustcInfo } from '../tools/rustc'
import { findPinnedToolchain, type PinnedToolchain } from './find-pinned-toolchain'
import { installedToolchain, findRustup, listRustupToolchains, type RustupListing } from './rustup'
import { readRustupSettings, type RustupSettings } from './rustup-settings'

async function rustcSummary(env: NodeJS.ProcessEnv): Promise<{ rustc: RustcSummary } | { problem: string }> {
  try {
    const found = await locateRustc(env)
    // From the home folder: the folder the app was started in may hold a rust-toolchain file.
    // A status check never makes rustup download a missing toolchain (or wait for one).
    const info = await rustcInfo(found.path, { ...env, RUSTUP_AUTO_INSTALL: '0' }, homedir())
    const { path, version, host, sysroot } = info
    return { rustc: { path, version, host, sysroot, program: found.path, foundBy: found.foundBy } }
  } catch (e) {
    if (!isEngineError(e)) throw e
    return { problem: `${e.message} ${e.details.hint ?? ''}`.trim() }
  }
}

function rustupInfo(listing: RustupListing, env: NodeJS.ProcessEnv): RustupInfo {
  const defaultToolchain = listing.toolchains.find((t) => t.isDefault)?.name
  return {
    path: listing.path,
    toolchains: listing.toolchains.map((t) => t.name),
    ...(defaultToolchain ? { defaultToolchain } : {}),
    ...(env.RUSTUP_TOOLCHAIN ? { envOverride: env.RUSTUP_TOOLCHAIN } : {}),
    ...(listing.problem ? { problem: listing.problem } : {})
  }
}

/** Whether the pin is there to build with, and what to do when it is not. */
async function availability(
  pin: PinnedToolchain,
  listing: RustupListing | undefined,
  host: string | undefined,
  env: NodeJS.ProcessEnv
): Promise<Pick<ProjectToolchain, 'installed' | 'hint'>> {
  if (env.RUSTUP_TOOLCHAIN)
    return { hint: `RUSTUP_TOOLCHAIN=${env.RUSTUP_TOOLCHAIN} overrides it: builds use that toolchain.` }
  if (pin.path !== undefined) {
    // Looked at, not run: a project must not choose a program that runs when it is merely opened.
    const installed = await isExecutable(
      join(pin.path, 'bin', process.platform === 'win32' ? 'rustc.exe' : 'rustc')
    )
    return installed
      ? { installed }
      : {
          installed,
          hint: `The toolchain folder ${pin.path} has no bin/rustc: fix the path or build that toolchain.`
        }
  }
  if (!listing) return { hint: 'rustup is not installed, so builds use the rustc found, whatever this pins.' }
  if (pin.channel === undefined || listing.problem) return {}
  const installed = installedToolchain(pin.channel, listing.toolchains, host) !== undefined
  return installed ? { installed } : { installed, hint: `rustup toolchain install ${pin.channel}` }
}

async function projectToolchain(
  projectDir: string,
  settings: RustupSettings,
  listing: RustupListing | undefined,
  host: string | undefined,
  env: NodeJS.ProcessEnv
): Promise<ProjectToolchain | undefined> {
  let pin: PinnedToolchain | undefined
  try {
    pin = await findPinnedToolchain(projectDir, settings.overrides)
  } catch (e) {
    if (!isEngineError(e)) throw e
    const { file, line, hint } = e.details
    return {
      file: file ?? projectDir,
      source: 'toolchain-file',
      components: [],
      targets: [],
      problem: {
        message: e.message,
        ...(file ? { file } : {}),
        ...(line ? { line } : {}),
        ...(hint ? { hint } : {})
      }
    }
  }
  if (!pin) return undefined
  return {
    file: pin.file,
    source: pin.source,
    ...(pin.channel !== undefined ? { channel: pin.channel } : {}),
    ...(pin.path !== undefined ? { path: pin.path } : {}),
    components: pin.components,
    targets: pin.targets,
    ...(await availability(pin, listing, host, env))
  }
}

/**
 * The toolchain facts, and with `projectDir` what that folder pins. Never throws for a missing or
 * broken toolchain: each part reports its own problem.
 */
export async function inspectToolchain(env: NodeJS.ProcessEnv, projectDir?: string): Promise<ToolchainInfo> {
  const [rustc, settings, listing] = await Promise.all([
    rustcSummary(env),
    readRustupSettings(env),
    findRustup(env).then((path) => (path ? listRustupToolchains(path, env) : undefined))
  ])
  const host = settings.defaultHost ?? ('rustc' in rustc ? rustc.rustc.host : undefined)
  const project = projectDir ? await projectToolchain(projectDir, settings, listing, host, env) : undefined
  return {
    ...rustc,
    ...(listing ? { rustup: rustupInfo(listing, env) } : {}),
    ...(project ? { project } : {})
  }
}
