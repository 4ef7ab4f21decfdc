/** CLI entry (out/main/cli.js, started by bin/crate-studio). */
import { main } from './main'

const controller = new AbortController()
let interrupts = 0
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // First Ctrl+C cancels the work (killing rustc and children); a second one exits at once.
    if (++interrupts > 1) process.exit(130)
    controller.abort()
  })
}

main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stderrIsTty: process.stderr.isTTY,
  signal: controller.signal
}).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`)
    process.exitCode = 101
  }
)
