/** Resolves a program name to an absolute path through PATH, so no shell ever does it. */
import { access, constants } from 'node:fs/promises'
import { delimiter, isAbsolute, join } from 'node:path'
import { EngineError } from '../errors'

export async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/**
 * On Windows a `.bat` or `.cmd` file runs through cmd.exe, which re-parses its arguments (the
 * BatBadBut class of bugs): a program given as one is refused rather than run.
 */
function refuseBatchFile(name: string, platform: NodeJS.Platform): void {
  if (platform === 'win32' && /\.(bat|cmd)$/i.test(name))
    throw new EngineError('unsupported', `Refusing to run ${name}: batch files run through cmd.exe.`, {
      hint: 'Point the setting at the program itself (an .exe), not at a .bat or .cmd wrapper.'
    })
}

export async function findOnPath(
  name: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform
): Promise<string | undefined> {
  refuseBatchFile(name, platform)
  if (isAbsolute(name)) return (await isExecutable(name)) ? name : undefined
  // Only .exe: PATHEXT would also find .bat and .cmd shims. A name given with it keeps it as is.
  const exts = platform === 'win32' && !/\.exe$/i.test(name) ? ['.exe'] : ['']
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    // A relative entry would resolve against whatever folder the program later runs in.
    if (!dir || !isAbsolute(dir)) continue
    for (const ext of exts) {
      const candidate = join(dir, name + ext)
      if (await isExecutable(candidate)) return candidate
    }
  }
  return undefined
}
