/**
 * Reads a build script's stdout the way cargo 1.95 does (`BuildOutput::parse`): lines starting
 * `cargo::KEY=VALUE` (new syntax, unknown keys are errors) or `cargo:KEY=VALUE` (old syntax,
 * unknown keys are `links` metadata); every other line is the script's own and is ignored.
 */
import type { BuildScriptContext, BuildScriptOutput, KeyValue } from './build-output'
import type { Collected, Instruction } from './instruction'
import { addForBin, addForKind, cdylibWarning, isCdylib } from './link-args'
import { parseLinkLib, parseLinkSearch, parseRustcFlags } from './link-values'
import { addRustcEnv } from './rustc-env'
import { checkNewSyntaxMsrv } from './new-syntax-msrv'
import { hasReservedPrefix } from './reserved-keys'
import { OUTPUT_DOCS, scriptError, whence } from './script-error'

/**
 * Parses everything a build script printed. Throws an `EngineError` naming the package and
 * the line for output cargo rejects. Text decoded lossily (U+FFFD) is skipped, as cargo skips
 * lines that are not UTF-8.
 */
export function parseBuildScriptOutput(stdout: string, ctx: BuildScriptContext): BuildScriptOutput {
  const out: Collected = {
    libraryPaths: [],
    libraryLinks: [],
    linkerArgs: [],
    cfgs: [],
    checkCfgs: [],
    env: [],
    metadata: [],
    rerunIfChanged: [],
    rerunIfEnvChanged: [],
    logMessages: []
  }
  const lines = stdout.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!
    if (raw.includes('\uFFFD')) continue
    const instruction = splitInstruction(raw.trim(), i + 1, ctx)
    if (instruction) apply(relocate(instruction, ctx), ctx, out)
  }
  return out
}

function splitInstruction(line: string, lineNo: number, ctx: BuildScriptContext): Instruction | undefined {
  if (line.startsWith('cargo::')) {
    const data = line.slice('cargo::'.length)
    checkNewSyntaxMsrv(ctx, data, lineNo)
    const [key, value] = keyValue(data, line, lineNo, 'cargo::', ctx)
    return { line, lineNo, oldSyntax: false, key, value }
  }
  if (line.startsWith('cargo:')) {
    const data = line.slice('cargo:'.length)
    if (!hasReservedPrefix(data)) return { line, lineNo, oldSyntax: true, key: 'metadata', value: data }
    const [key, value] = keyValue(data, line, lineNo, 'cargo:', ctx)
    return { line, lineNo, oldSyntax: true, key, value }
  }
  return undefined
}

/** `KEY=VALUE` at the first `=`, the value without trailing whitespace. */
function keyValue(
  data: string,
  line: string,
  lineNo: number,
  syntax: string,
  ctx: BuildScriptContext
): [string, string] {
  const eq = data.indexOf('=')
  if (eq < 0) {
    throw scriptError(
      ctx,
      lineNo,
      `invalid output in ${whence(ctx)}: \`${line}\`\n` +
        `Expected a line with \`${syntax}KEY=VALUE\` with an \`=\` character, but none was found.`
    )
  }
  return [data.slice(0, eq), data.slice(eq + 1).trimEnd()]
}

/** cargo rewrites the OUT_DIR of a moved target directory inside every value. */
function relocate(ins: Instruction, ctx: BuildScriptContext): Instruction {
  const from = ctx.outDirWhenGenerated
  if (from === undefined || ctx.outDir === undefined || from === ctx.outDir) return ins
  return { ...ins, value: ins.value.replaceAll(from, ctx.outDir) }
}

function apply(ins: Instruction, ctx: BuildScriptContext, out: Collected): void {
  const { key, value } = ins
  switch (key) {
    case 'rustc-flags':
      return addRustcFlags(ins, ctx, out)
    case 'rustc-link-lib':
      out.libraryLinks.push(parseLinkLib(value))
      return
    case 'rustc-link-search':
      out.libraryPaths.push(parseLinkSearch(value, ctx.outDir))
      return
    case 'rustc-link-arg-cdylib':
    case 'rustc-cdylib-link-arg':
      if (!ctx.targets.some(isCdylib)) out.logMessages.push(cdylibWarning(ins, ctx))
      out.linkerArgs.push({ target: { type: 'cdylib' }, arg: value })
      return
    case 'rustc-link-arg-bins':
      return addForKind(ins, ctx, out, 'bin', (t) => t.kind === 'bin', 'bins')
    case 'rustc-link-arg-bin':
      return addForBin(ins, ctx, out)
    case 'rustc-link-arg-tests':
      return addForKind(ins, ctx, out, 'test', (t) => t.kind === 'test', 'tests')
    case 'rustc-link-arg-benches':
      return addForKind(ins, ctx, out, 'benchmark', (t) => t.kind === 'bench', 'benches')
    case 'rustc-link-arg-examples':
      return addForKind(ins, ctx, out, 'example', (t) => t.kind === 'example', 'examples')
    case 'rustc-link-arg':
      out.linkerArgs.push({ target: { type: 'all' }, arg: value })
      return
    case 'rustc-cfg':
      out.cfgs.push(value)
      return
    case 'rustc-check-cfg':
      out.checkCfgs.push(value)
      return
    case 'rustc-env':
      return addRustcEnv(ins, ctx, out)
    case 'error':
    case 'warning':
      out.logMessages.push({ severity: key, message: value })
      return
    case 'rerun-if-changed':
      out.rerunIfChanged.push(value)
      return
    case 'rerun-if-env-changed':
      out.rerunIfEnvChanged.push(value)
      return
    case 'metadata':
      out.metadata.push(metadataPair(ins, ctx))
      return
    default:
      throw scriptError(
        ctx,
        ins.lineNo,
        `invalid output in ${whence(ctx)}: \`${ins.line}\`\nUnknown key: \`${key}\`.`
      )
  }
}

function addRustcFlags(ins: Instruction, ctx: BuildScriptContext, out: Collected): void {
  const flags = parseRustcFlags(ins.value)
  if (!flags.ok) {
    const message =
      flags.problem === 'missing-value'
        ? `flag in rustc-flags has no value in ${whence(ctx)}: `
        : `only \`-l\` and \`-L\` flags are allowed in ${whence(ctx)}: \`${ins.value.trim()}\``
    throw scriptError(
      ctx,
      ins.lineNo,
      message,
      'Use `rustc-link-lib`/`rustc-link-search` for libraries, `rustc-link-arg` for other linker flags.'
    )
  }
  out.libraryLinks.push(...flags.links.map(parseLinkLib))
  out.libraryPaths.push(...flags.paths.map((p) => parseLinkSearch(p, ctx.outDir)))
}

/** `KEY=VALUE` of metadata (`cargo:KEY=VALUE` or `cargo::metadata=KEY=VALUE`). */
function metadataPair(ins: Instruction, ctx: BuildScriptContext): KeyValue {
  const eq = ins.value.indexOf('=')
  if (eq < 0) {
    const syntax = ins.oldSyntax ? 'cargo:' : 'cargo::metadata='
    throw scriptError(
      ctx,
      ins.lineNo,
      `invalid output in ${whence(ctx)}: \`${ins.line}\`\n` +
        `Expected a line with \`${syntax}KEY=VALUE\` with an \`=\` character, but none was found.`,
      OUTPUT_DOCS
    )
  }
  return { key: ins.value.slice(0, eq), value: ins.value.slice(eq + 1).trimEnd() }
}
