/** Starts a build server in the background for the next CLI build, and does not wait for it. */
import { spawn } from 'node:child_process'

/**
 * `entry` is the CLI bundle's entry file. The server outlives this process (its own session, no
 * shared streams) and leaves by itself when idle. A server that fails to start costs nothing:
 * the next build runs in its own process again.
 */
export function startServer(entry: string): void {
  try {
    const child = spawn(process.execPath, [entry, 'daemon', 'serve'], {
      detached: true,
      stdio: 'ignore',
      cwd: '/',
      env: process.env
    })
    child.on('error', () => undefined)
    child.unref()
  } catch {
    // Only an optimisation.
  }
}
