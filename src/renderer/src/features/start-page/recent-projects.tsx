/** Recently opened packages: one click reopens, the × button forgets an entry. */
import { useForgetRecentProject } from '../../queries/project-queries'
import { useRecentProjects } from '../../queries/app-queries'
import { ErrorMessage } from '../../components/error-message'

export function RecentProjects({ onOpenProject }: { readonly onOpenProject: (path: string) => void }) {
  const recent = useRecentProjects()
  const forget = useForgetRecentProject()
  return (
    <section className="panel recent-projects" aria-labelledby="recent-projects-title">
      <h2 id="recent-projects-title">Recent projects</h2>
      {recent.isPending && <p className="muted">Loading…</p>}
      {recent.isError && <ErrorMessage error={recent.error} />}
      {forget.isError && <ErrorMessage error={forget.error} />}
      {recent.data?.length === 0 && (
        <p className="muted">No recent projects yet. Create or open a package.</p>
      )}
      {recent.data && recent.data.length > 0 && (
        <ul className="recent-list" aria-label="Recent projects">
          {recent.data.map((project, i) => (
            <li key={project.path} className="recent-item">
              <button
                type="button"
                className="recent-open"
                aria-describedby={`recent-path-${i}`}
                onClick={() => onOpenProject(project.path)}
              >
                <span className="recent-name">{project.name}</span>
                {/* Named by its visible name; the path is its description, not part of the name. */}
                <span className="recent-path" id={`recent-path-${i}`} aria-hidden="true">
                  {project.path}
                </span>
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove ${project.name} from recent projects`}
                title="Remove from recent projects"
                disabled={forget.isPending}
                onClick={() => forget.mutate({ path: project.path })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
