/**
 * How to get Rust when no rustc is found, said the same way by `crate-studio doctor` and the
 * app's "Rust toolchain not found" page: rustup per platform, or RUSTC for a rustc elsewhere.
 */

export const RUSTUP_URL = 'https://rustup.rs'

/** One way to install, for the platforms Node names (`process.platform`). */
export interface InstallMethod {
  readonly label: string
  readonly platforms: readonly string[]
  /** A command to paste into a terminal, when there is one. */
  readonly command?: string
  /** What to do instead of (or besides) the command. */
  readonly instructions: string
}

export const RUST_INSTALL_METHODS: readonly InstallMethod[] = [
  {
    label: 'Linux and macOS',
    platforms: ['linux', 'darwin', 'freebsd', 'openbsd', 'netbsd'],
    command: "curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh",
    instructions: 'Run this in a terminal and accept the default installation.'
  },
  {
    label: 'Windows',
    platforms: ['win32'],
    instructions: `Download and run rustup-init.exe from ${RUSTUP_URL}; it also offers the Visual Studio C++ build tools rustc needs.`
  }
]

/** After installing, PATH has to pick up ~/.cargo/bin, or RUSTC names a rustc elsewhere. */
export const AFTER_INSTALL =
  'Then open a new terminal (so PATH has ~/.cargo/bin) and restart Crate Studio, or set RUSTC to the path of rustc.'

/** A rustup that is installed but has no default toolchain yet. */
export const DEFAULT_TOOLCHAIN_COMMAND = 'rustup default stable'

/** The guidance as plain text lines, for the CLI. */
export function rustInstallGuidanceText(): string {
  return [
    'Crate Studio needs the Rust compiler (rustc). Install it with rustup:',
    ...RUST_INSTALL_METHODS.map((m) => `  ${m.label}: ${m.command ?? m.instructions}`),
    `If rustup is installed but has no toolchain, run \`${DEFAULT_TOOLCHAIN_COMMAND}\`.`,
    AFTER_INSTALL
  ].join('\n')
}
