/** An opened package: what it contains on the left, and building it on the right. */
import type { ProjectSnapshot } from '@shared/models/package'
import { useProject } from '../../queries/project-queries'
import { ErrorMessage } from '../../components/error-message'
import { BuildConsole } from '../build-console/build-console'
import { BuildToolbar } from './build-toolbar'
import { CratesList } from './crates-list'
import { DependenciesList } from './dependencies-list'
import { ManifestWarnings } from './manifest-warnings'
import { ProjectHeader } from './project-header'
import { useBuildActions } from './use-build-actions'
import './project.css'

interface Props {
  readonly path: string
  readonly onBack: () => void
}

export function ProjectView({ path, onBack }: Props) {
  const project = useProject(path)
  if (project.data) return <OpenedProject snapshot={project.data} />
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
          <button type="button" onClick={onBack}>
            Back to start
          </button>
        </div>
      )}
    </main>
  )
}

function OpenedProject({ snapshot }: { readonly snapshot: ProjectSnapshot }) {
  const pkg = snapshot.root
  const actions = useBuildActions(pkg)
  return (
    <main className="project-view">
      <ProjectHeader pkg={pkg} />
      <BuildToolbar actions={actions} />
      {actions.startError && <ErrorMessage error={actions.startError} title="Could not start" />}
      <div className="project-body">
        <aside className="project-sidebar" aria-label="Package contents">
          <ManifestWarnings warnings={snapshot.warnings} />
          <CratesList pkg={pkg} />
          <DependenciesList pkg={pkg} />
        </aside>
        <section className="project-console" aria-label="Console">
          {actions.operation ? (
            <BuildConsole
              key={actions.operation.operationId}
              operation={actions.operation}
              rootDir={pkg.rootDir}
            />
          ) : (
            <div className="console-empty">
              <p>Nothing built yet.</p>
              <p className="muted">
                Press <strong>Build</strong> to compile {pkg.name}
                {actions.bins.length > 0 ? ', or Run to build and start it.' : '.'}
              </p>
            </div>
          )}
        </section>
      </div>
    </main>
  )
}
