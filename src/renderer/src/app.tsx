/**
 * The app shell: which view is on screen (start, wizard, or one project), plus the commands
 * that work from anywhere. A tiny state machine is all the navigation this app needs.
 */
import { useEffect, useState } from 'react'
import { useAppInfo } from './queries/app-queries'
import { useOperationEventsSubscription } from './queries/operation-events'
import { useBuildNotifications } from './features/build-console/use-build-notifications'
import { useCommand } from './lib/commands'
import { useAppShortcuts } from './lib/use-app-shortcuts'
import { useFolderPicker } from './components/use-folder-picker'
import { StartPage } from './features/start-page/start-page'
import { Wizard } from './features/wizard/wizard'
import { ProjectView } from './features/project/project-view'
import { AppBar } from './components/app-bar'
import { baseName } from './lib/paths'
import { confirmLeave } from './lib/leave-guard'

export type View =
  | { readonly name: 'start' }
  /** `returnTo`: the project to go back to on Cancel (adding a member from a workspace). */
  | { readonly name: 'wizard'; readonly parentDir?: string; readonly returnTo?: string }
  | { readonly name: 'project'; readonly path: string }

const START: View = { name: 'start' }

export function App() {
  useOperationEventsSubscription()
  useBuildNotifications()
  const appInfo = useAppInfo().data
  useAppShortcuts(appInfo?.mode)
  const [view, setView] = useState<View>(START)
  const picker = useFolderPicker()

  // Leaving a project may lose unsaved manifest edits: every way out asks its guards first.
  const leaveTo = (next: View): void => {
    void confirmLeave().then((ok) => ok && setView(next))
  }
  const newPackage = (): void => leaveTo({ name: 'wizard' })
  const openProject = (path: string): void => leaveTo({ name: 'project', path })
  const openFolder = (): void => {
    void confirmLeave()
      .then((ok) => (ok ? picker.pick('Open a package folder') : null))
      .then((path) => path && setView({ name: 'project', path }))
      .catch(() => undefined)
  }
  const goStart = (): void => leaveTo(START)

  useEffect(() => {
    const where =
      view.name === 'wizard' ? 'New Package' : view.name === 'project' ? baseName(view.path) : undefined
    document.title = where ? `${where} — Crate Studio` : 'Crate Studio'
  }, [view])

  useCommand('new-package', newPackage)
  useCommand('open-folder', openFolder)

  return (
    <div className="app">
      <AppBar view={view} onStart={goStart} />
      {view.name === 'start' && (
        <StartPage onNewPackage={newPackage} onOpenFolder={openFolder} onOpenProject={openProject} />
      )}
      {view.name === 'wizard' && (
        <Wizard
          {...(view.parentDir ? { parentDir: view.parentDir } : {})}
          onCancel={() => (view.returnTo ? openProject(view.returnTo) : goStart())}
          onCreated={openProject}
        />
      )}
      {view.name === 'project' && (
        <ProjectView
          key={view.path}
          path={view.path}
          onBack={goStart}
          onOpenProject={openProject}
          onAddMember={(parentDir) => leaveTo({ name: 'wizard', parentDir, returnTo: view.path })}
        />
      )}
      {picker.element}
    </div>
  )
}
