/** The build's jobserver: a real FIFO with `jobs - 1` tokens that rustc connects to. */
import { describe, expect, it } from 'vitest'
import { runBuild } from '../../../src/main/engine/compiler/build-runner'
import { createJobserver, lazyJobserver } from '../../../src/main/engine/tools/jobserver'
import { eventLog } from '../../helpers/events'
import { project } from '../../helpers/project'

describe('the jobserver', () => {
  it('holds jobs - 1 tokens, which come back when released, and is gone when closed', async () => {
    const js = (await createJobserver(3))!
    expect(js.env.CARGO_MAKEFLAGS).toMatch(/--jobserver-auth=fifo:\/.+crate-studio-jobserver-/)
    expect([js.tryAcquire(), js.tryAcquire(), js.tryAcquire()]).toEqual([true, true, false])
    js.release()
    expect(js.tryAcquire()).toBe(true)
    js.close()
    const { access } = await import('node:fs/promises')
    await expect(access(js.env.CARGO_MAKEFLAGS!.split('fifo:').at(-1)!)).rejects.toThrow()
  })

  it('made late, holds only the tokens not handed out before it existed', async () => {
    const js = lazyJobserver(3)
    expect([js.tryAcquire(), js.tryAcquire()]).toEqual([true, true])
    expect((await js.env()).CARGO_MAKEFLAGS).toMatch(/fifo:/)
    expect(js.tryAcquire()).toBe(false)
    js.release()
    expect(js.tryAcquire()).toBe(true)
    js.close()
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
