/** The toolchain facts in words, the same in the status bar, the start page and `crate-studio doctor`. */
import { assertNever } from '../assert-never'
import type { ProjectToolchain, RustcFoundBy } from '../models/toolchain'

/** How rustc was found, as a phrase: "found on PATH". */
export function foundByText(foundBy: RustcFoundBy): string {
  switch (foundBy) {
    case 'RUSTC':
      return 'set by RUSTC'
    case 'PATH':
      return 'found on PATH'
    case 'cargo-home':
      return 'found in ~/.cargo/bin'
    default:
      return assertNever(foundBy)
  }
}

/** What the pin asks for: `1.85`, a toolchain folder, or only components of the default. */
export function pinnedName(pin: ProjectToolchain): string {
  if (pin.channel !== undefined) return pin.channel
  if (pin.path !== undefined) return pin.path
  return 'the default toolchain'
}

/** "rust-toolchain.toml pins 1.85 (not installed)", or the file's problem. */
export function pinText(pin: ProjectToolchain): string {
  if (pin.problem) return pin.problem.message
  const by = pin.source === 'rustup-override' ? `rustup override for ${pin.file}` : pin.file
  const extras = [...pin.components, ...pin.targets]
  const status = pin.installed === true ? ' (installed)' : pin.installed === false ? ' (not installed)' : ''
  return `${by} pins ${pinnedName(pin)}${extras.length ? ` with ${extras.join(', ')}` : ''}${status}`
}
