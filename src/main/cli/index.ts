/** CLI entry (out/main/cli.js, started by bin/crate-studio). */
import { buildThroughServer, servable } from './server/client'

const argv = process.argv.slice(2)

async function start(): Promise<number> {
  // A build goes to the resident build server when one answers (it starts one otherwise), so
  // this process loads little more than Node itself.
  if (servable(argv, process.env)) {
    const served = await buildThroughServer(argv, import.meta.filename)
    if (served !== undefined) return served
  }
  const { main } = await import('./main')
  const controller = new AbortController()
  let interrupts = 0
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      // First Ctrl+C cancels the work (killing rustc and children); a second one exits at once.
      if (++interrupts > 1) process.exit(130)
      controller.abort()
    })
  }
  return main(argv, {
    cwd: process.cwd(),
    env: process.env,
    stderrIsTty: process.stderr.isTTY,
    ...(process.stderr.columns ? { stderrColumns: process.stderr.columns } : {}),
    signal: controller.signal
  })
}

start().then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`)
    process.exitCode = 101
  }
)
