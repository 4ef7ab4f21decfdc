/**
 * rustc's `--emit=dep-info` file: a makefile rule naming every source file the crate read
 * (modules, `include_str!`, `include_bytes!`), plus comment lines for the environment
 * variables read by `env!`/`option_env!` and, with `-Z checksum-hash-algorithm`, per-file
 * checksums. Freshness needs exactly this: the files whose change makes the unit stale.
 */
import { EngineError } from '../../errors'

/** A `# checksum:` line: the algorithm, its hex digest and the file's length in bytes. */
export interface DepInfoChecksum {
  readonly algorithm: string
  readonly hex: string
  readonly length: number
}

/**
 * Paths are as rustc wrote them (relative to rustc's working directory unless absolute),
 * in first-seen order without duplicates. `env` maps each variable to its value at compile
 * time, or `undefined` when the crate relied on it being unset (`option_env!` gave `None`).
 */
export interface DepInfo {
  readonly files: readonly string[]
  readonly env: ReadonlyMap<string, string | undefined>
  readonly checksums: ReadonlyMap<string, DepInfoChecksum>
}

function malformed(file: string, line: number, what: string): EngineError {
  return new EngineError('io', `Malformed dep-info file ${file}, line ${line}: ${what}.`, {
    file,
    line,
    hint: 'The file is written by rustc; delete the target folder and build again.'
  })
}

/** rustc keeps each env-dep on one line by writing `\n`, `\r` and `\\` as escapes. */
function unescapeEnv(text: string, file: string, line: number): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c !== '\\') {
      out += c
      continue
    }
    const next = text[++i]
    if (next === '\\') out += '\\'
    else if (next === 'n') out += '\n'
    else if (next === 'r') out += '\r'
    else throw malformed(file, line, next === undefined ? 'unterminated escape' : `unknown escape \\${next}`)
  }
  return out
}

/**
 * Splits a rule's prerequisites on whitespace, joining `\ ` (an escaped space) back into the
 * path. A backslash elsewhere is a Windows path separator and stays as it is.
 */
function splitPrerequisites(text: string, file: string, line: number): string[] {
  const tokens = text.split(/[ \t]+/).filter((t) => t !== '')
  const paths: string[] = []
  for (let i = 0; i < tokens.length; i++) {
    let path = tokens[i]!
    while (path.endsWith('\\')) {
      const next = tokens[++i]
      if (next === undefined) throw malformed(file, line, 'a trailing backslash ends the list')
      path = `${path.slice(0, -1)} ${next}`
    }
    paths.push(path)
  }
  return paths
}

/**
 * Parses a dep-info file's text; `file` names it in errors. Only the first rule with
 * prerequisites counts: rustc writes one per emitted output, all with the same list. The
 * rule separator is `": "`, so a drive letter (`C:\src\lib.rs`) is never mistaken for it.
 */
export function parseDepInfo(text: string, file: string): DepInfo {
  const files = new Set<string>()
  const env = new Map<string, string | undefined>()
  const checksums = new Map<string, DepInfoChecksum>()
  let sawRule = false
  const lines = text.split(/\r?\n/)
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!
    const lineNo = n + 1
    if (line.startsWith('# env-dep:')) {
      const rest = line.slice('# env-dep:'.length)
      const eq = rest.indexOf('=')
      const name = unescapeEnv(eq < 0 ? rest : rest.slice(0, eq), file, lineNo)
      env.set(name, eq < 0 ? undefined : unescapeEnv(rest.slice(eq + 1), file, lineNo))
    } else if (line.startsWith('# checksum:')) {
      const m = /^# checksum:([a-z0-9]+)=([0-9a-fA-F]+) file_len:(\d+) (.+)$/.exec(line)
      if (!m) continue // cargo, too, skips checksum lines it cannot read
      checksums.set(m[4]!, { algorithm: m[1]!, hex: m[2]!.toLowerCase(), length: Number(m[3]) })
      files.add(m[4]!)
    } else if (!line.startsWith('#')) {
      const colon = line.indexOf(': ')
      if (colon < 0 || sawRule) continue
      sawRule = true
      for (const path of splitPrerequisites(line.slice(colon + 2), file, lineNo)) files.add(path)
    }
  }
  return { files: [...files], env, checksums }
}
