/**
 * One instruction line of build-script output, split, and the lists the parser fills: shared by
 * the parser and the helpers that handle the instructions with rules of their own.
 */
import type { KeyValue, LibraryPath, LinkerArg, LinkLib, LogMessage } from './build-output'

/** The parser's mutable lists, frozen into a `BuildScriptOutput` at the end. */
export interface Collected {
  readonly libraryPaths: LibraryPath[]
  readonly libraryLinks: LinkLib[]
  readonly linkerArgs: LinkerArg[]
  readonly cfgs: string[]
  readonly checkCfgs: string[]
  readonly env: KeyValue[]
  readonly metadata: KeyValue[]
  readonly rerunIfChanged: string[]
  readonly rerunIfEnvChanged: string[]
  readonly logMessages: LogMessage[]
}

/** One instruction line, split: `key`, `value` and what cargo needs to word its errors. */
export interface Instruction {
  readonly line: string
  readonly lineNo: number
  readonly oldSyntax: boolean
  readonly key: string
  readonly value: string
}

/** `cargo:` or `cargo::`, as the line was written: cargo's messages repeat it. */
export function syntaxPrefix(ins: Instruction): string {
  return ins.oldSyntax ? 'cargo:' : 'cargo::'
}
