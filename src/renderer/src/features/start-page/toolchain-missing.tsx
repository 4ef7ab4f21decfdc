/**
 * Shown on the start page when no rustc is found: why, how to install Rust with rustup on this
 * platform (the others below it), the RUSTC alternative, and a way to check again without
 * restarting. Packages can still be opened and edited meanwhile; only builds need rustc.
 */
import type { ToolchainInfo } from '@shared/models/toolchain'
import {
  AFTER_INSTALL,
  DEFAULT_TOOLCHAIN_COMMAND,
  RUST_INSTALL_METHODS,
  RUSTUP_URL,
  type InstallMethod
} from '@shared/format/rust-install'
import './toolchain-missing.css'

interface Props {
  readonly info: ToolchainInfo
  readonly platform: string | undefined
  readonly checking: boolean
  readonly onCheckAgain: () => void
}

function Method({ method }: { readonly method: InstallMethod }) {
  return (
    <li className="install-method">
      <h3>{method.label}</h3>
      {method.command && (
        <pre className="install-command">
          <code>{method.command}</code>
        </pre>
      )}
      <p>{method.instructions}</p>
    </li>
  )
}

export function ToolchainMissing({ info, platform, checking, onCheckAgain }: Props) {
  // This machine's way first; the others stay, for a browser opened from another machine.
  const methods = [...RUST_INSTALL_METHODS].sort(
    (a, b) => Number(b.platforms.includes(platform ?? '')) - Number(a.platforms.includes(platform ?? ''))
  )
  return (
    <section className="panel toolchain-missing" aria-labelledby="toolchain-missing-title">
      <h2 id="toolchain-missing-title">Rust toolchain not found</h2>
      <p className="toolchain-missing-why" role="status">
        <span className="status-dot bad" aria-hidden="true" />
        {info.problem ?? 'rustc was not found.'}
      </p>
      <p>
        Crate Studio builds with the Rust compiler, rustc. Install it with rustup from{' '}
        <a href={RUSTUP_URL} target="_blank" rel="noreferrer">
          {RUSTUP_URL}
        </a>
        :
      </p>
      <ul className="install-methods">
        {methods.map((m) => (
          <Method key={m.label} method={m} />
        ))}
      </ul>
      {info.rustup && (
        <p>
          rustup is installed ({info.rustup.path}) but no toolchain is ready: run{' '}
          <code>{DEFAULT_TOOLCHAIN_COMMAND}</code>.
        </p>
      )}
      <p className="muted">{AFTER_INSTALL}</p>
      <div className="row">
        <button type="button" className="primary" onClick={onCheckAgain} disabled={checking}>
          {checking ? 'Checking…' : 'Check again'}
        </button>
      </div>
    </section>
  )
}
