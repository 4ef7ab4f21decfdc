/** The first screen: create or open a package, reopen a recent one, and check the toolchain. */
import { useAppInfo } from '../../queries/app-queries'
import { RecentProjects } from './recent-projects'
import { ToolchainStatus } from './toolchain-status'
import './start-page.css'

interface Props {
  readonly onNewPackage: () => void
  readonly onOpenFolder: () => void
  readonly onOpenProject: (path: string) => void
}

export function StartPage({ onNewPackage, onOpenFolder, onOpenProject }: Props) {
  const appInfo = useAppInfo().data
  return (
    <main className="start-page">
      <header className="start-hero">
        <h1>Crate Studio</h1>
        <p className="muted">Create, open and build Rust packages.</p>
      </header>
      <section className="start-actions" aria-label="Get started">
        <button type="button" className="start-action primary" onClick={onNewPackage}>
          <span className="start-action-title">New Package</span>
        </button>
        <button type="button" className="start-action" onClick={onOpenFolder}>
          <span className="start-action-title">Open Folder</span>
        </button>
      </section>
      <RecentProjects onOpenProject={onOpenProject} />
      <ToolchainStatus />
      {appInfo && (
        <footer className="start-footer muted">
          {appInfo.name} {appInfo.version} · {appInfo.mode === 'desktop' ? 'desktop' : 'browser'} mode ·{' '}
          {appInfo.platform}
        </footer>
      )}
    </main>
  )
}
