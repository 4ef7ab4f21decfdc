/**
 * Whether builds can work at all: the rustc we found (how, where its toolchain lives) and
 * rustup's toolchains. When there is no rustc, the start page shows ToolchainMissing instead.
 */
import type { UseQueryResult } from '@tanstack/react-query'
import type { ToolchainInfo } from '@shared/models/toolchain'
import { foundByText } from '@shared/format/toolchain-text'
import { ErrorMessage } from '../../components/error-message'

interface Props {
  readonly toolchain: UseQueryResult<ToolchainInfo>
}

export function ToolchainStatus({ toolchain }: Props) {
  const rustc = toolchain.data?.rustc
  const rustup = toolchain.data?.rustup
  return (
    <section className="panel toolchain" aria-labelledby="toolchain-title">
      <h2 id="toolchain-title">Rust toolchain</h2>
      {toolchain.isPending && <p className="muted">Looking for rustc…</p>}
      {toolchain.isError && <ErrorMessage error={toolchain.error} />}
      {rustc && (
        <>
          <p className="toolchain-ok">
            <span className="status-dot ok" aria-hidden="true" />
            <span>
              {rustc.version} <span className="muted">on {rustc.host}</span>
            </span>
            <code className="toolchain-path">{rustc.path}</code>
          </p>
          <p className="muted small">
            <code>{rustc.program}</code> ({foundByText(rustc.foundBy)})
            {rustc.sysroot && (
              <>
                {' '}
                · sysroot <code>{rustc.sysroot}</code>
              </>
            )}
          </p>
        </>
      )}
      {rustc && rustup && !rustup.problem && (
        <p className="muted small">
          rustup default {rustup.defaultToolchain ?? 'none'} · installed:{' '}
          {rustup.toolchains.length ? rustup.toolchains.join(', ') : 'none'}
        </p>
      )}
      {rustc && rustup?.problem && <p className="muted small">{rustup.problem}</p>}
    </section>
  )
}
