/** The build's jobserver: a real FIFO with `jobs - 1` tokens that rustc connects to. */
import { access, constants, open } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { runBuild } from '../../../src/main/engine/compiler/build-runner'
import { createJobserver, lazyJobserver } from '../../../src/main/engine/tools/jobserver'
import { eventLog } from '../../helpers/events'
import { project } from '../../helpers/project'

/** Drains the FIFO as a client would, counting the tokens in it. */
async function tokensIn(path: string): Promise<number> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK)
  try {
    const { bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, null).catch(() => ({ bytesRead: 0 }))
    return bytesRead
  } finally {
    await handle.close()
  }
}

describe('the jobserver', () => {
  it('holds jobs - 1 tokens and is gone when closed', async () => {
    const js = (await createJobserver(3))!
    expect(js.env.CARGO_MAKEFLAGS).toBe(`-j --jobserver-fds=fifo:${js.path} --jobserver-auth=fifo:${js.path}`)
    expect(await tokensIn(js.path)).toBe(2)
    js.close()
    await expect(access(js.path)).rejects.toThrow()
  })

  it('is made only when asked for, and never after the build closed it', async () => {
    const unused = lazyJobserver(2)
    unused.close()
    expect(await unused.env()).toEqual({})
    const used = lazyJobserver(2)
    const env = await used.env()
    expect(env).toEqual(await used.env())
    used.close()
  })

  it('goes back to a pool when a build ends, and the next build gets it refilled to jobs - 1', async () => {
    const first = lazyJobserver(3)
    const env = await first.env()
    const path = /fifo:(\S+)$/.exec(env.CARGO_MAKEFLAGS!)![1]!
    // A process killed while holding tokens never gives them back.
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK)
    await handle.read(Buffer.alloc(1), 0, 1, null)
    await handle.close()
    first.close()
    await new Promise((r) => setTimeout(r, 0))
    const second = lazyJobserver(3)
    expect(await second.env()).toEqual(env)
    expect(await tokensIn(path)).toBe(2)
    second.close()
  })

  it('is one rustc connects to (it warns when it cannot)', async () => {
    const p = await project()
      .manifest('js')
      .file('src/lib.rs', 'pub fn f() -> u32 { 1 }\n')
      .file('src/main.rs', 'fn main() { println!("{}", js::f()); }\n')
      .build()
    const log = eventLog()
    const result = await runBuild(
      { manifestPath: p.manifest, profile: 'dev', jobs: 2, selection: { lib: true, bins: 'all' } },
      { sink: log.sink }
    )
    expect(result.success).toBe(true)
    expect(log.text()).not.toMatch(/jobserver/)
  })
})
