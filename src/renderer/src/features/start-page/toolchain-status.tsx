/** Whether builds can work at all: the rustc we found, or what is wrong and how to fix it. */
import { useToolchain } from '../../queries/app-queries'
import { ErrorMessage } from '../../components/error-message'

export function ToolchainStatus() {
  const toolchain = useToolchain()
  const rustc = toolchain.data?.rustc
  const problem = toolchain.data?.problem
  return (
    <section className="panel toolchain" aria-labelledby="toolchain-title">
      <h2 id="toolchain-title">Rust toolchain</h2>
      {toolchain.isPending && <p className="muted">Looking for rustc…</p>}
      {toolchain.isError && <ErrorMessage error={toolchain.error} />}
      {rustc && (
        <p className="toolchain-ok">
          <span className="status-dot ok" aria-hidden="true" />
          <span>
            {rustc.version} <span className="muted">on {rustc.host}</span>
          </span>
          <code className="toolchain-path">{rustc.path}</code>
        </p>
      )}
      {!rustc && problem && (
        <div className="toolchain-problem" role="status">
          <p>
            <span className="status-dot bad" aria-hidden="true" />
            {problem}
          </p>
          <p className="muted">
            Install Rust with rustup from{' '}
            <a href="https://rustup.rs" target="_blank" rel="noreferrer">
              https://rustup.rs
            </a>
            , then restart Crate Studio.
          </p>
        </div>
      )}
    </section>
  )
}
