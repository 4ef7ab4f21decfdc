/** Watching for processes in cancel tests: which are running, and waiting for a condition. */
import { execa } from 'execa'

/** Processes whose command line contains `marker`, other than the pgrep itself. */
export async function processesMatching(marker: string): Promise<string[]> {
  const r = await execa('pgrep', ['-af', '--', marker], { reject: false })
  return r.stdout.split('\n').filter((l) => l.trim() && !l.includes('pgrep'))
}

/** Resolves once `check` holds; throws after `timeoutMs`. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('timed out')
}
