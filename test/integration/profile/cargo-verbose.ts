/**
 * Running the real cargo with `-v` in an isolated CARGO_HOME and reading its rustc command lines:
 * the reference the profile and rustflags tests compare the engine's flags with.
 */
import { join } from 'node:path'
import { execa } from 'execa'

/** The environment cargo runs with: nothing inherited but what finds the toolchain. */
export function isolatedEnv(cargoHome: string, extra: Record<string, string> = {}): Record<string, string> {
  const home = process.env.HOME ?? '/root'
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    RUSTUP_HOME: process.env.RUSTUP_HOME ?? join(home, '.rustup'),
    CARGO_HOME: cargoHome,
    CARGO_TERM_COLOR: 'never',
    ...extra
  }
}

/** Splits a command line as cargo prints it (`shell_escape`: single quotes, `'\\''` for a quote). */
export function splitCommand(text: string): string[] {
  const words: string[] = []
  let word: string | undefined
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === "'") quoted = false
      else word += ch
    } else if (ch === "'") {
      quoted = true
      word ??= ''
    } else if (ch === '\\' && i + 1 < text.length) {
      word = (word ?? '') + text[++i]
    } else if (/\s/.test(ch)) {
      if (word !== undefined) words.push(word)
      word = undefined
    } else word = (word ?? '') + ch
  }
  if (word !== undefined) words.push(word)
  return words
}

export interface RustcLine {
  readonly crateName: string
  readonly crateType: string
  readonly args: readonly string[]
}

/** Runs `cargo build -v --offline …` and returns its rustc invocations; fails loudly if cargo does. */
export async function cargoRustcLines(cwd: string, args: readonly string[], env: Record<string, string>) {
  const r = await execa('cargo', ['build', '-v', '--offline', ...args], {
    cwd,
    env,
    extendEnv: false,
    reject: false
  })
  if (r.exitCode !== 0) throw new Error(`cargo build failed:\n${r.stderr}`)
  const lines: RustcLine[] = []
  for (const line of r.stderr.split('\n')) {
    const m = /^\s+Running `(.*)`$/.exec(line)
    if (!m?.[1]?.includes('--crate-name')) continue
    const words = splitCommand(m[1])
    const at = (flag: string): string => words[words.indexOf(flag) + 1] ?? ''
    lines.push({ crateName: at('--crate-name'), crateType: at('--crate-type'), args: words })
  }
  return lines
}
