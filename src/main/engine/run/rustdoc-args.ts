/**
 * The `rustdoc --test` command line cargo 1.95 runs for a library's doc tests: `run_doc_tests`
 * puts its own flags first, then the arguments the build runner collected for the doctest unit
 * (externs, LTO, features, check-cfg, the build script's cfgs, RUSTDOCFLAGS). Same order as
 * cargo's, so `test -v` shows the command cargo would run and rustdoc behaves the same.
 */
import type { Edition } from '@shared/models/package'

export type RustdocColor = 'always' | 'never' | 'auto'

/** What the package's build script asked for that applies to its doc tests. */
export interface DocTestScriptFlags {
  readonly cfgs: readonly string[]
  readonly checkCfgs: readonly string[]
  /** `cargo::rustc-link-arg=…` (for every target): doc tests are linked programs too. */
  readonly linkArgs: readonly string[]
}

export interface DocTestCommand {
  readonly crateName: string
  /** The library's crate types as declared (`lib`, `rlib`, `proc-macro`, and any others). */
  readonly crateTypes: readonly string[]
  readonly edition: Edition
  readonly color: RustdocColor
  /** The crate root as rustc gets it: relative to the workspace root for path packages. */
  readonly src: string
  /** The package root: each doc test runs there (`--test-run-directory`). */
  readonly runDirectory: string
  /** The triple the build names (`--target`, `build.target`): rustdoc builds the doctests for it. */
  readonly target?: string
  /** A configured runner and its arguments: rustdoc runs each doctest through it (`--test-runtool`). */
  readonly runner?: readonly string[]
  /** A configured linker (`-C linker=`), as the library's own units got. */
  readonly linker?: string
  /** Every build script's library search paths in this build (`-L native=…`), sorted, once each. */
  readonly nativeDirs: readonly string[]
  /** What follows cargo's `--`: each goes to libtest as `--test-args ARG`. */
  readonly testArgs: readonly string[]
  /** The package's `[lints]` as rustc flags (`--deny=unused`). */
  readonly lints: readonly string[]
  /** `--extern NAME=PATH`: the library itself and its normal and dev-dependencies, in cargo's order. */
  readonly externs: readonly { readonly name: string; readonly path: string }[]
  /** A proc-macro crate also gets `--extern proc_macro`, as rustc does when building it. */
  readonly procMacro: boolean
  /**
   * Where rustdoc finds the dependencies' own dependencies (`-L dependency=`): target/<profile>/deps,
   * or with a named target its target/<triple>/<profile>/deps and then the host's (proc-macros').
   */
  readonly depsDirs: readonly string[]
  /** The LTO flags of the doctest, a linked program (`-C embed-bitcode=no`, `-C lto`). */
  readonly lto: readonly string[]
  readonly features: readonly string[]
  /** The features the package declares, for `--check-cfg`; absent for compilers before 1.80. */
  readonly declaredFeatures?: readonly string[]
  readonly script: DocTestScriptFlags
  /** RUSTDOCFLAGS or their config keys (cargo gives rustdoc these, never RUSTFLAGS). */
  readonly rustdocflags: readonly string[]
  /** `--message-format json` asks rustdoc for JSON diagnostics too. */
  readonly errorFormat: 'human' | 'json'
}

/** The arguments after the program name, exactly as cargo passes them. */
export function rustdocTestArgs(c: DocTestCommand): string[] {
  const args = [`--edition=${c.edition}`]
  for (const type of c.crateTypes) args.push('--crate-type', type)
  args.push('--color', c.color, '--crate-name', c.crateName, '--test', c.src)
  args.push('--test-run-directory', c.runDirectory)
  if (c.target !== undefined) args.push('--target', c.target)
  const [runtool, ...runtoolArgs] = c.runner ?? []
  if (runtool !== undefined) args.push('--test-runtool', runtool)
  for (const arg of runtoolArgs) args.push('--test-runtool-arg', arg)
  if (c.linker !== undefined) args.push('-C', `linker=${c.linker}`)
  for (const dir of c.nativeDirs) args.push('-L', dir)
  for (const arg of c.testArgs) args.push('--test-args', arg)
  args.push(...c.lints)
  for (const e of c.externs) args.push('--extern', `${e.name}=${e.path}`)
  if (c.procMacro) args.push('--extern', 'proc_macro')
  for (const dir of c.depsDirs) args.push('-L', `dependency=${dir}`)
  args.push(...c.lto)
  for (const f of c.features) args.push('--cfg', `feature="${f}"`)
  if (c.declaredFeatures) {
    const values = c.declaredFeatures.map((f) => JSON.stringify(f)).join(', ')
    args.push('--check-cfg', 'cfg(docsrs,test)', '--check-cfg', `cfg(feature, values(${values}))`)
  }
  for (const cfg of c.script.cfgs) args.push('--cfg', cfg)
  for (const check of c.script.checkCfgs) args.push('--check-cfg', check)
  for (const arg of c.script.linkArgs) args.push('-C', `link-arg=${arg}`)
  args.push(...c.rustdocflags)
  args.push('--error-format', c.errorFormat)
  return args
}
