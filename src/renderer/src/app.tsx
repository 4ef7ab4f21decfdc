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
import { AppBar, whereOf } from './components/app-bar'
import { DropFeedback } from './components/drop-feedback'
import { confirmLeave } from './lib/leave-guard'
import { useOpenRequests } from './lib/use-open-requests'
import { useFocusOnViewChange } from './lib/use-focus-on-view-change'
import { SettingsPage } from './features/settings/settings-page'
import { useThemeSetting } from './features/settings/use-theme'
import { AboutDialog } from './features/about/about-dialog'
import { StatusBar } from './components/status-bar'

export type View =
  | { readonly name: 'start' }
  /** `returnTo`: the project to go back to on Cancel (adding a member from a workspace). */
  | { readonly name: 'wizard'; readonly parentDir?: string; readonly returnTo?: string }
  | { readonly name: 'project'; readonly path: string }
  /** `back`: the view Settings returns to. */
  | { readonly name: 'settings'; readonly back: View }

const START: View = { name: 'start' }

export function App() {
  useOperationEventsSubscription()
  useBuildNotifications()
  const appInfo = useAppInfo().data
  useAppShortcuts(appInfo?.mode)
  useThemeSetting()
  const [view, setView] = useState<View>(START)
  const [aboutOpen, setAboutOpen] = useState(false)
  const picker = useFolderPicker()

  // Leaving a project may lose unsaved manifest edits: every way out asks its guards first.
  const leaveTo = (next: View): void => {
    void confirmLeave().then((ok) => ok && setView(next))
  }
  const newPackage = (): void => leaveTo({ name: 'wizard' })
  // The OS asking for the project already on screen only brings it forward (main did).
  const openProject = (path: string): void => {
    if (view.name !== 'project' || view.path !== path) leaveTo({ name: 'project', path })
  }
  const openFolder = (): void => {
    void confirmLeave()
      .then((ok) => (ok ? picker.pick('Open a package folder') : null))
      .then((path) => path && setView({ name: 'project', path }))
      .catch(() => undefined)
  }
  const goStart = (): void => leaveTo(START)
  // Settings replaces the view (a project's unsaved edits are asked about first) and returns to it.
  const openSettings = (): void => {
    if (view.name !== 'settings') leaveTo({ name: 'settings', back: view })
  }
  const drop = useOpenRequests(openProject)
  useFocusOnViewChange(view.name === 'project' ? `project:${view.path}` : view.name)

  useEffect(() => {
    const where = whereOf(view)
    document.title = where ? `${where} — Crate Studio` : 'Crate Studio'
  }, [view])

  useCommand('new-package', newPackage)
  useCommand('open-folder', openFolder)
  useCommand('settings', openSettings)
  useCommand('about', () => setAboutOpen(true))

  return (
    <div className="app">
      <AppBar view={view} onStart={goStart} onSettings={openSettings} onAbout={() => setAboutOpen(true)} />
      <DropFeedback drop={drop} />
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
      {view.name === 'settings' && <SettingsPage onDone={() => setView(view.back)} />}
      {aboutOpen && <AboutDialog onClose={() => setAboutOpen(false)} />}
      <StatusBar {...(view.name === 'project' ? { projectPath: view.path } : {})} />
      {picker.element}
    </div>
  )
}
