/**
 * Which rustdoc runs the doc tests. cargo takes RUSTDOC when it is set, and otherwise the
 * toolchain's own: here the one in the sysroot of the rustc that built the library, so the
 * doctests are compiled by the same compiler release that wrote the rlibs they link.
 */
import { dirname, join } from 'node:path'
import { EngineError } from '../errors'
import { findOnPath, isExecutable } from '../tools/find-program'
import type { RustcInfo } from '../tools/rustc'

const EXE = process.platform === 'win32' ? '.exe' : ''

export async function findRustdoc(
  env: NodeJS.ProcessEnv,
  rustc: Pick<RustcInfo, 'path' | 'sysroot'>
): Promise<string> {
  if (env.RUSTDOC) {
    const found = await findOnPath(env.RUSTDOC, env)
    if (found) return found
    throw new EngineError(
      'toolchain-missing',
      `RUSTDOC is set to \`${env.RUSTDOC}\`, which is not an executable.`,
      {
        hint: 'Set RUSTDOC to the path of rustdoc, or unset it to use the toolchain’s own.'
      }
    )
  }
  const candidates = [join(rustc.sysroot, 'bin', `rustdoc${EXE}`), join(dirname(rustc.path), `rustdoc${EXE}`)]
  for (const candidate of candidates) if (await isExecutable(candidate)) return candidate
  throw new EngineError(
    'toolchain-missing',
    `rustdoc was not found beside rustc (${candidates.join(', ')}); doc tests need it.`,
    {
      hint: 'Install the toolchain’s rustdoc (rustup toolchains include it), or set RUSTDOC to its path.'
    }
  )
}
