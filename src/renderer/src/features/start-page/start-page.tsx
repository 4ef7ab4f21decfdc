/**
 * The first screen: create or open a package, reopen a recent one, and check the toolchain. With
 * no rustc, how to install Rust comes first: nothing builds until it is there.
 */
import { useQueryClient } from '@tanstack/react-query'
import { useAppInfo, useToolchain } from '../../queries/app-queries'
import { queryKeys } from '../../queries/query-keys'
import { RecentProjects } from './recent-projects'
import { ToolchainMissing } from './toolchain-missing'
import { ToolchainStatus } from './toolchain-status'
import './start-page.css'

interface Props {
  readonly onNewPackage: () => void
  readonly onOpenFolder: () => void
  readonly onOpenProject: (path: string) => void
}

export function StartPage({ onNewPackage, onOpenFolder, onOpenProject }: Props) {
  const appInfo = useAppInfo().data
  const toolchain = useToolchain()
  const queryClient = useQueryClient()
  const missing = toolchain.data && !toolchain.data.rustc ? toolchain.data : undefined
  return (
    <main className="start-page">
      <header className="start-hero">
        <h1>Crate Studio</h1>
        <p className="muted">Create, open and build Rust packages.</p>
      </header>
      {missing && (
        <ToolchainMissing
          info={missing}
          platform={appInfo?.platform}
          checking={toolchain.isFetching}
          // Every view of the toolchain (this page, the status bar) asks again.
          onCheckAgain={() => void queryClient.invalidateQueries({ queryKey: queryKeys.toolchain })}
        />
      )}
      <section className="start-actions" aria-label="Get started">
        <button type="button" className="start-action primary" onClick={onNewPackage}>
          <span className="start-action-title">New Package</span>
        </button>
        <button type="button" className="start-action" onClick={onOpenFolder}>
          <span className="start-action-title">Open Folder</span>
        </button>
      </section>
      <RecentProjects onOpenProject={onOpenProject} />
      {!missing && <ToolchainStatus toolchain={toolchain} />}
      {appInfo && (
        <footer className="start-footer muted">
          {appInfo.name} {appInfo.version} · {appInfo.mode === 'desktop' ? 'desktop' : 'browser'} mode ·{' '}
          {appInfo.platform}
        </footer>
      )}
    </main>
  )
}
