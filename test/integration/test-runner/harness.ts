/**
 * Real libtest harnesses for the test-runner's integration tests: a Rust source compiled with
 * `rustc --test` into a temporary folder, wrapped as the `TestBinary` the planner would hand over.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import type { TargetKind } from '@shared/models/package'
import type { TestBinary } from '../../../src/main/engine/test-runner/test-binary'

/** Compiles `source` as a test harness named `name` in `dir`; returns the executable. */
export function compileHarness(dir: string, name: string, source: string): Promise<string> {
  return compile(dir, name, source, ['--test'])
}

/** A plain program, as a `harness = false` test target is. */
export function compileProgram(dir: string, name: string, source: string): Promise<string> {
  return compile(dir, name, source, [])
}

async function compile(dir: string, name: string, source: string, flags: readonly string[]): Promise<string> {
  await mkdir(join(dir, 'src'), { recursive: true })
  const file = join(dir, 'src', `${name}.rs`)
  await writeFile(file, source)
  const exe = join(dir, name)
  await execa('rustc', ['--edition', '2021', ...flags, '--crate-name', name, file, '-o', exe], { cwd: dir })
  return exe
}

export function binary(
  exe: string,
  dir: string,
  suite: string,
  target: { readonly kind: TargetKind; readonly name: string } = { kind: 'lib', name: 'demo' }
): TestBinary {
  // A backtrace on or off changes what a failing test prints; keep it short and fixed.
  return { suite, executable: exe, cwd: dir, env: { ...process.env, RUST_BACKTRACE: '0' }, target }
}
