/**
 * An opened package. Two tabs under the build toolbar: Overview (its crates and dependencies
 * beside the build console) and Manifest (the editor, with the console in a drawer below).
 */
import { useCallback, useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { ProjectSnapshot } from '@shared/models/package'
import { useProject } from '../../queries/project-queries'
import { queryKeys } from '../../queries/query-keys'
import { ErrorMessage } from '../../components/error-message'
import { toAppError } from '../../lib/api'
import { baseName, relativeTo } from '../../lib/paths'
import { BuildConsole } from '../build-console/build-console'
import { BuildToolbar } from './build-toolbar'
import { CratesList } from './crates-list'
import { DependenciesList } from './dependencies-list'
import { ManifestWarnings } from './manifest-warnings'
import { ProjectHeader } from './project-header'
import { TrustDialog } from './trust-dialog'
import { TrustStatus } from './trust-status'
import { useBuildActions } from './use-build-actions'
import { ProjectTabs, useProjectTab } from './project-tabs'
import { ConsoleDrawer } from './console-drawer'
import { ManifestEditor } from '../manifest-editor/manifest-editor'
import { useAppInfo } from '../../queries/app-queries'
import './project.css'
import { DependenciesTab } from '../dependency-tree/dependencies-tab'
import { useMemberSelection, WorkspaceTab } from '../workspace/workspace-tab'
import { ManifestChooser } from './manifest-chooser'

interface Props {
  readonly path: string
  readonly onBack: () => void
  /** Opens another package (a workspace member) as the project in focus. */
  readonly onOpenProject: (path: string) => void
  /** The wizard, to create a package inside a workspace's folder. */
  readonly onAddMember: (parentDir: string) => void
}

/** The Cargo.toml an error points at, when it is one: the person can fix it in the editor. */
function brokenManifestOf(error: unknown): string | undefined {
  const file = toAppError(error).details?.file
  return file !== undefined && baseName(file) === 'Cargo.toml' ? file : undefined
}

export function ProjectView({ path, onBack, onOpenProject, onAddMember }: Props) {
  const project = useProject(path)
  const queryClient = useQueryClient()
  const mode = useAppInfo().data?.mode
  const [fixing, setFixing] = useState<string | undefined>()
  // The manifest changed on disk (saved in the editor, or by another program): re-read the project.
  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.project(path) })
    void queryClient.invalidateQueries({ queryKey: ['dependency-graph'] })
    void queryClient.invalidateQueries({ queryKey: ['workspace-dependencies'] })
  }, [queryClient, path])
  if (project.data) {
    return (
      <OpenedProject
        snapshot={project.data}
        reloadError={project.isError ? project.error : undefined}
        onManifestChanged={refresh}
        openedAtRoot={isWorkspaceRoot(path, project.data)}
        onOpenProject={onOpenProject}
        onAddMember={onAddMember}
      />
    )
  }
  const broken = project.isError ? brokenManifestOf(project.error) : undefined
  if (fixing) {
    // Saving re-reads the project; once it loads, the project view replaces this editor.
    return (
      <main className="project-view">
        <header className="project-header">
          <h1>Fix Cargo.toml</h1>
          <p className="project-path">
            <code>{fixing}</code>
          </p>
        </header>
        {project.isError && <ErrorMessage error={project.error} title="The project does not load yet" />}
        <ManifestEditor manifestPath={fixing} mode={mode} onDiskTextChanged={refresh} />
      </main>
    )
  }
  return (
    <main className="project-view project-loading">
      <h1>{project.isError ? 'Cannot open this folder' : 'Opening…'}</h1>
      <p>
        <code>{path}</code>
      </p>
      {project.isError && <ErrorMessage error={project.error} />}
      {project.isError && (
        <div className="row">
          <button type="button" onClick={() => void project.refetch()}>
            Try again
          </button>
          {broken && (
            <button type="button" className="primary" onClick={() => setFixing(broken)}>
              Edit Cargo.toml
            </button>
          )}
          <button type="button" onClick={onBack}>
            Back to start
          </button>
        </div>
      )}
    </main>
  )
}

/** Whether `path` (a folder or Cargo.toml) is the root of the snapshot's workspace. */
function isWorkspaceRoot(path: string, snapshot: ProjectSnapshot): boolean {
  const ws = snapshot.workspace
  return ws !== undefined && (relativeTo(ws.rootDir, path) === '.' || path === ws.rootManifest)
}

interface OpenedProps {
  readonly snapshot: ProjectSnapshot
  /** Re-reading the project failed (the saved manifest does not load): what is shown is older. */
  readonly reloadError: unknown
  readonly onManifestChanged: () => void
  /** Opened at a workspace's root: the Workspace tab comes first. */
  readonly openedAtRoot: boolean
  readonly onOpenProject: (path: string) => void
  readonly onAddMember: (parentDir: string) => void
}

function OpenedProject({
  snapshot,
  reloadError,
  onManifestChanged,
  openedAtRoot,
  onOpenProject,
  onAddMember
}: OpenedProps) {
  const pkg = snapshot.root
  const ws = snapshot.workspace
  const actions = useBuildActions(pkg)
  const mode = useAppInfo().data?.mode
  const [tab, selectTab] = useProjectTab(openedAtRoot ? 'workspace' : 'overview')
  // In a workspace the Manifest tab edits the member in focus or the root's own manifest.
  const [manifestPath, setManifestPath] = useState(openedAtRoot && ws ? ws.rootManifest : pkg.manifestPath)
  const selection = useMemberSelection(ws)
  const buildConsole = actions.operation ? (
    <BuildConsole key={actions.operation.operationId} operation={actions.operation} rootDir={pkg.rootDir} />
  ) : undefined
  return (
    <main className="project-view">
      <ProjectHeader
        pkg={pkg}
        status={<TrustStatus actions={actions} />}
        {...(ws ? { workspace: ws } : {})}
      />
      <BuildToolbar actions={actions} />
      {actions.askingTrust && (
        <TrustDialog
          folders={actions.trust?.untrusted.length ? actions.trust.untrusted : [pkg.rootDir]}
          action={actions.askingTrust}
          busy={actions.trustBusy}
          onTrust={actions.confirmTrust}
          onCancel={actions.cancelTrust}
        />
      )}
      {actions.startError && <ErrorMessage error={actions.startError} title="Could not start" />}
      {reloadError !== undefined && (
        <ErrorMessage
          error={reloadError}
          title="Cargo.toml changed and no longer loads; this view shows it as it was"
        />
      )}
      <ProjectTabs selected={tab} onSelect={selectTab} workspace={ws !== undefined} />
      {tab === 'workspace' && ws ? (
        <div
          className="project-workspace"
          role="tabpanel"
          id="project-panel-workspace"
          aria-labelledby="project-tab-workspace"
        >
          <WorkspaceTab
            workspace={ws}
            selection={selection}
            focus={pkg.manifestPath}
            onOpenMember={(m) => onOpenProject(m.rootDir)}
            onAddMember={onAddMember}
          />
        </div>
      ) : tab === 'overview' ? (
        <div
          className="project-body"
          role="tabpanel"
          id="project-panel-overview"
          aria-labelledby="project-tab-overview"
        >
          <aside className="project-sidebar" aria-label="Package contents">
            <ManifestWarnings warnings={snapshot.warnings} />
            <CratesList pkg={pkg} />
            <DependenciesList pkg={pkg} />
          </aside>
          <section className="project-console" aria-label="Console">
            {buildConsole ?? (
              <div className="console-empty">
                <p>Nothing built yet.</p>
                <p className="muted">
                  Press <strong>Build</strong> to compile {pkg.name}
                  {actions.bins.length > 0 ? ', Run to build and start it' : ''}, or <strong>Test</strong> to
                  run its tests.
                </p>
              </div>
            )}
          </section>
        </div>
      ) : tab === 'manifest' ? (
        <div
          className="project-manifest"
          role="tabpanel"
          id="project-panel-manifest"
          aria-labelledby="project-tab-manifest"
        >
          {ws && ws.rootManifest !== pkg.manifestPath && (
            <ManifestChooser
              choices={[
                { path: pkg.manifestPath, label: `${pkg.name} (this member)` },
                { path: ws.rootManifest, label: 'Workspace root' }
              ]}
              value={manifestPath}
              onChange={setManifestPath}
            />
          )}
          <ManifestEditor
            key={manifestPath}
            manifestPath={manifestPath}
            mode={mode}
            onDiskTextChanged={onManifestChanged}
          />
          <ConsoleDrawer operationId={actions.operationId} running={actions.running}>
            {buildConsole}
          </ConsoleDrawer>
        </div>
      ) : (
        <div
          className="project-dependencies"
          role="tabpanel"
          id="project-panel-dependencies"
          aria-labelledby="project-tab-dependencies"
        >
          <DependenciesTab manifestPath={pkg.manifestPath} />
        </div>
      )}
    </main>
  )
}
