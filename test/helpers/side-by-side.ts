/**
 * Running the real cargo and crate-studio (in-process) on the same package, each into its own
 * target folder, and normalising what legitimately differs (target folders, artifact hashes,
 * thread ids, timings) so their output can be compared line for line.
 */
import { join } from 'node:path'
import { execa } from 'execa'
import { main } from '../../src/main/cli/main'

export interface Side {
  readonly cwd: string
  /** Its own target folder; the name should end in `target-cargo` or `target-ours`. */
  readonly targetDir: string
  readonly env?: Readonly<Record<string, string>>
}

/** The real cargo, offline, with its own CARGO_HOME. */
export function runCargo(side: Side & { readonly cargoHome: string }, args: readonly string[]) {
  return execa('cargo', ['--offline', ...args], {
    cwd: side.cwd,
    reject: false,
    env: {
      CARGO_HOME: side.cargoHome,
      CARGO_TERM_COLOR: 'never',
      CARGO_TARGET_DIR: side.targetDir,
      RUST_BACKTRACE: '0',
      ...side.env,
      RUSTUP_HOME: process.env.RUSTUP_HOME ?? join(process.env.HOME ?? '/root', '.rustup')
    }
  })
}

/** crate-studio in-process, its output captured; `state` holds its own cargo home and cache. */
export async function runOurs(side: Side & { readonly state: string }, args: readonly string[]) {
  let stdout = ''
  let stderr = ''
  const exitCode = await main(args, {
    cwd: side.cwd,
    env: {
      PATH: process.env.PATH,
      CARGO_HOME: join(side.state, 'our-cargo-home'),
      CRATE_STUDIO_CACHE_DIR: join(side.state, 'our-cache'),
      CARGO_TARGET_DIR: side.targetDir,
      NO_COLOR: '1',
      RUST_BACKTRACE: '0',
      ...side.env
    },
    stderrIsTty: false,
    signal: new AbortController().signal,
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t)
  })
  return { exitCode, stdout, stderr }
}

/** Target folders, artifact hashes, thread ids and timings differ; execa drops cargo's last newline. */
export function normalizeRun(text: string): string {
  return text
    .trimEnd()
    .replace(/target-(cargo|ours)/g, 'target')
    .replace(/-[0-9a-f]{16}\b/g, '-HASH')
    .replace(/^(thread '.*') \(\d+\) panicked/gm, '$1 panicked')
    .replace(/(finished)? in \d+\.\d+s/g, '$1 in Xs')
}

/** stderr without the build's own lines (and `Finished` when asked), which depend on order and freshness. */
export function runLines(stderr: string, { withFinished = true } = {}): string {
  const build = withFinished
    ? /^\s+(Compiling|Blocking|Locking|Fresh|Dirty)\b/
    : /^\s+(Compiling|Finished|Blocking|Locking|Fresh|Dirty)\b/
  return normalizeRun(
    stderr
      .split('\n')
      .filter((l) => !build.test(l))
      .filter((l) => !/^\s+Running `\S*\/rustc /.test(l))
      .join('\n')
  )
}
