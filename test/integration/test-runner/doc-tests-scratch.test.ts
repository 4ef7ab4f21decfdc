import { join } from 'node:path'
import { it } from 'vitest'
import { main } from '../../../src/main/cli/main'

it('scratch', async () => {
  const root = process.env.SCRATCH_DIR!
  let out = ''
  let err = ''
  const status = await main(JSON.parse(process.env.SCRATCH_ARGS!), {
    cwd: root,
    env: { PATH: process.env.PATH, CARGO_HOME: '/tmp/dt/home', CRATE_STUDIO_CACHE_DIR: '/tmp/dt/cache', NO_COLOR: '1', RUST_BACKTRACE: '0', CARGO_TARGET_DIR: join(root, 'ours') },
    stderrIsTty: false,
    signal: new AbortController().signal,
    out: (t) => void (out += t),
    err: (t) => void (err += t)
  })
  console.log(`STATUS ${status}\n--- STDERR\n${err}\n--- STDOUT\n${out}`)
})
