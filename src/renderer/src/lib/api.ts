/**
 * The one place that touches `window.api`. Calls return a `Result` envelope (errors cross the
 * process boundary as values); here it is unwrapped so react-query sees thrown `ApiError`s and
 * components never branch on `ok`.
 */
import type { Channel, ChannelOutput, ChannelRawInput, RendererApi } from '@shared/ipc/contract'
import type { AppError, ErrorCode, ErrorDetails, Result } from '@shared/ipc/result'

/** A failed call, revived from the envelope so the UI can branch on `code` instead of text. */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly details: ErrorDetails | undefined

  constructor(error: AppError) {
    super(error.message)
    this.name = 'ApiError'
    this.code = error.code
    this.details = error.details
  }

  toAppError(): AppError {
    return this.details ? { code: this.code, message: this.message, details: this.details } : this
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}

/** Turns anything thrown (an ApiError, a dropped connection) into the shared error shape. */
export function toAppError(e: unknown): AppError {
  if (isApiError(e)) return e.toAppError()
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) }
}

async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending
  if (result.ok) return result.value
  throw new ApiError(result.error)
}

type Unwrapped = {
  readonly [C in Channel]: ChannelRawInput<C> extends undefined
    ? () => Promise<ChannelOutput<C>>
    : (input: ChannelRawInput<C>) => Promise<ChannelOutput<C>>
}

/** Looked up on every call, so main.tsx can install `window.api` before the first render. */
const bridge = (): RendererApi => window.api

export const api = {
  getAppInfo: () => unwrap(bridge().getAppInfo()),
  getToolchain: (input) => unwrap(bridge().getToolchain(input)),
  getNewPackageDefaults: () => unwrap(bridge().getNewPackageDefaults()),
  previewNewPackage: (input) => unwrap(bridge().previewNewPackage(input)),
  createPackage: (input) => unwrap(bridge().createPackage(input)),
  openProject: (input) => unwrap(bridge().openProject(input)),
  listRecentProjects: () => unwrap(bridge().listRecentProjects()),
  forgetRecentProject: (input) => unwrap(bridge().forgetRecentProject(input)),
  listDirectory: (input) => unwrap(bridge().listDirectory(input)),
  pickFolder: (input) => unwrap(bridge().pickFolder(input)),
  startBuild: (input) => unwrap(bridge().startBuild(input)),
  startRun: (input) => unwrap(bridge().startRun(input)),
  startTest: (input) => unwrap(bridge().startTest(input)),
  cancelOperation: (input) => unwrap(bridge().cancelOperation(input)),
  openInEditor: (input) => unwrap(bridge().openInEditor(input)),
  openManifest: (input) => unwrap(bridge().openManifest(input)),
  analyzeManifest: (input) => unwrap(bridge().analyzeManifest(input)),
  editManifest: (input) => unwrap(bridge().editManifest(input)),
  saveManifest: (input) => unwrap(bridge().saveManifest(input)),
  closeManifest: (input) => unwrap(bridge().closeManifest(input)),
  dependencyGraph: (input) => unwrap(bridge().dependencyGraph(input)),
  cancelDependencyGraph: (input) => unwrap(bridge().cancelDependencyGraph(input)),
  gitDependencies: (input) => unwrap(bridge().gitDependencies(input)),
  checkGitUpstream: (input) => unwrap(bridge().checkGitUpstream(input)),
  updateGitDependency: (input) => unwrap(bridge().updateGitDependency(input)),
  previewGitPin: (input) => unwrap(bridge().previewGitPin(input)),
  cancelGitDependencies: (input) => unwrap(bridge().cancelGitDependencies(input)),
  folderTrust: (input) => unwrap(bridge().folderTrust(input)),
  setFolderTrust: (input) => unwrap(bridge().setFolderTrust(input)),
  workspaceDependencies: (input) => unwrap(bridge().workspaceDependencies(input)),
  previewPromotion: (input) => unwrap(bridge().previewPromotion(input)),
  applyPromotion: (input) => unwrap(bridge().applyPromotion(input)),
  revealInFolder: (input) => unwrap(bridge().revealInFolder(input)),
  getSettings: () => unwrap(bridge().getSettings()),
  updateSettings: (input) => unwrap(bridge().updateSettings(input)),
  listTrustedFolders: () => unwrap(bridge().listTrustedFolders()),
  takeOpenRequests: () => unwrap(bridge().takeOpenRequests()),
  trustFolder: (input) => unwrap(bridge().trustFolder(input)),
  forgetTrustedFolder: (input) => unwrap(bridge().forgetTrustedFolder(input))
} satisfies Unwrapped

/** Push subscriptions pass straight through; they carry no envelope. */
export const onOperationEvents: RendererApi['onOperationEvents'] = (listener) =>
  bridge().onOperationEvents(listener)
export const onMenuCommand: RendererApi['onMenuCommand'] = (listener) => bridge().onMenuCommand(listener)
export const onManifestChanged: RendererApi['onManifestChanged'] = (listener) =>
  bridge().onManifestChanged(listener)
export const onDependencyProgress: RendererApi['onDependencyProgress'] = (listener) =>
  bridge().onDependencyProgress(listener)
export const onGitDependencyProgress: RendererApi['onGitDependencyProgress'] = (listener) =>
  bridge().onGitDependencyProgress(listener)
export const onOpenRequested: RendererApi['onOpenRequested'] = (listener) =>
  bridge().onOpenRequested(listener)
