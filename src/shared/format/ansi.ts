/** Cargo-style coloured message prefixes, and stripping colours for non-terminals. */

const RESET = '\x1b[0m'
const BOLD = '\x1b[1m'
const COLOURS = {
  error: '\x1b[1m\x1b[91m',
  warning: '\x1b[1m\x1b[33m',
  note: '\x1b[1m\x1b[92m',
  status: '\x1b[1m\x1b[92m'
}

/** "warning: text" with cargo's colours: a bold coloured level, a bold colon, plain text. */
export function levelLine(level: 'error' | 'warning' | 'note', text: string): string {
  return `${COLOURS[level]}${level}${RESET}${BOLD}:${RESET} ${text}`
}

/** A status line's verb in bold green (bold yellow for warnings), as cargo prints it. */
export function colourVerb(paddedVerb: string, warning = false): string {
  return `${warning ? COLOURS.warning : COLOURS.status}${paddedVerb}${RESET}`
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '')
}
