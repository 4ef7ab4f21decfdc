/**
 * What decides which compiler `rustc` is, as file times: the program (a rustup proxy or a real
 * rustc), the toolchain's own rustc behind it, rustup's settings (`rustup default`) and every
 * `rust-toolchain(.toml)` from the project folder up (rustup's per-directory override). The same
 * stamp means the same compiler, so its `-vV` and `--print cfg` can be reused without asking it
 * again (cargo keeps `.rustc_info.json` for the same reason).
 */
import { stat } from 'node:fs/promises'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'

async function mtimeOf(path: string): Promise<number | null> {
  try {
    return (await stat(path)).mtimeMs
  } catch {
    return null
  }
}

export async function toolchainStamp(
  program: string,
  compiler: string | undefined,
  cwd: string,
  env: Readonly<Record<string, string | undefined>>
): Promise<string> {
  const files: string[] = [program]
  if (compiler && compiler !== program) files.push(compiler)
  files.push(join(env.RUSTUP_HOME ?? join(homedir(), '.rustup'), 'settings.toml'))
  for (let dir = cwd; ; dir = dirname(dir)) {
    files.push(join(dir, 'rust-toolchain.toml'), join(dir, 'rust-toolchain'))
    if (dirname(dir) === dir) break
  }
  const times = await Promise.all(files.map(mtimeOf))
  return JSON.stringify([env.RUSTUP_TOOLCHAIN ?? null, files.map((f, i) => [f, times[i]])])
}
