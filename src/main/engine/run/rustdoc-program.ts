/**
 * Which rustdoc runs the doc tests. cargo takes RUSTDOC or `build.rustdoc` when set, and
 * otherwise the toolchain's own: here the one in the sysroot of the rustc that built the
 * library, so the doctests are compiled by the same compiler release that wrote the rlibs they link.
 */
import { dirname, join } from 'node:path'
import { EngineError } from '../errors'
import { findOnPath, isExecutable } from '../tools/find-program'
import type { RustcInfo } from '../tools/rustc'

const EXE = process.platform === 'win32' ? '.exe' : ''

/** `configured` is `RUSTDOC` or `build.rustdoc` as the build read them (`rustdocProgram`). */
export async function findRustdoc(
  configured: string | undefined,
  env: NodeJS.ProcessEnv,
  rustc: Pick<RustcInfo, 'path' | 'sysroot'>
): Promise<string> {
  if (configured) {
    const found = await findOnPath(configured, env)
    if (found) return found
    const source = env.RUSTDOC ? 'RUSTDOC' : '`build.rustdoc`'
    throw new EngineError(
      'toolchain-missing',
      `${source} names \`${configured}\`, which is not an executable.`,
      {
        hint: `Set ${source} to the path of rustdoc, or remove it to use the toolchain’s own.`
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
