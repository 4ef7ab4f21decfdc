/** Cargo's human output conventions, shared by the CLI and the build console. */

/** Cargo right-aligns status verbs to 12 columns: "   Compiling demo v0.1.0 (/p)". */
export function statusLine(verb: string, detail: string): string {
  return `${verb.padStart(12)} ${detail}`
}

/** Cargo's duration format: "0.74s", or "1m 05s" from a minute on. */
export function formatElapsed(ms: number): string {
  const secs = ms / 1000
  if (secs >= 60) {
    const m = Math.floor(secs / 60)
    return `${m}m ${String(Math.floor(secs % 60)).padStart(2, '0')}s`
  }
  return `${secs.toFixed(2)}s`
}

/** "`dev` profile [unoptimized + debuginfo] target(s) in 0.74s" */
export function finishedDetail(profile: string, optimized: boolean, debuginfo: boolean, ms: number): string {
  const traits = [optimized ? 'optimized' : 'unoptimized', ...(debuginfo ? ['debuginfo'] : [])].join(' + ')
  return `\`${profile}\` profile [${traits}] target(s) in ${formatElapsed(ms)}`
}
