/**
 * The only IPC truth. Each invoke channel has a zod schema for its input (the renderer is
 * untrusted, so main parses every input) and a phantom output type. Push events flow from
 * main to the renderer. The preload and the browser bridge client both implement
 * `RendererApi`, so the page sees one shape in both modes.
 */
import { z } from 'zod'
import type {
  AppInfo,
  DirectoryListing,
  FolderTrust,
  MenuCommand,
  RecentProject,
  ToolchainInfo
} from '../models/app'
import type { OperationEventBatch, OperationHandle } from '../models/build'
import type { NewPackageDefaults, NewPackagePreview } from '../models/new-package'
import type { ProjectSnapshot } from '../models/package'
import type { PromotionPreview, WorkspaceDependencyUsage } from '../models/workspace'
import type {
  ManifestAnalysis,
  ManifestChange,
  ManifestSaveResult,
  ManifestSnapshot
} from '../models/manifest-edit'
import { contentHash, manifestEdits, manifestText } from './manifest-schemas'
import { EDITIONS } from '../models/package'
import { absolutePath, shortText } from './schema-primitives'
import { settingsChange } from './settings-schema'
import type { SettingsState, TrustedFolder } from '../models/settings'
import type { Result } from './result'
import type { DependencyGraph, DependencyProgress } from '../models/dependency-tree'
import type {
  GitDependencyList,
  GitDependencyProgress,
  GitPinPreview,
  GitUpdateResult,
  GitUpstreamReport
} from '../models/git-dependencies'

const none = z.undefined()

/** A project and one of its git dependencies, by package name (main checks it is one). */
const gitDependencyRequest = z.strictObject({
  manifestPath: absolutePath,
  name: shortText(200).refine((s) => s.length > 0, 'must not be empty')
})

const newPackageOptions = z.strictObject({
  path: absolutePath,
  name: shortText(200),
  kind: z.enum(['bin', 'lib']),
  edition: z.enum(EDITIONS),
  version: shortText(200),
  authors: z.array(shortText(500)).max(50),
  license: shortText(200).optional(),
  description: shortText(2000).optional(),
  vcs: z.enum(['git', 'none'])
})

/** A package name, as `-p` takes it (letters, digits, `-`, `_`; never an option). */
const packageName = shortText(200).refine(
  (s) => /^[A-Za-z0-9_][A-Za-z0-9_-]*$/.test(s),
  'must be a package name'
)

const buildRequest = z.strictObject({
  manifestPath: absolutePath,
  profile: z.enum(['dev', 'release']),
  jobs: z.number().int().min(1).max(256).optional(),
  /** Workspace members to build (`-p`); none: the default members. */
  packages: z.array(packageName).max(1000).optional(),
  /** Every member (`--workspace`). */
  workspace: z.boolean().optional()
})

/** Arguments for a program or test harness; they go to execa as an array, never through a shell. */
const programArgs = z.array(shortText(10_000)).max(200)

/**
 * A test filter and libtest's flags, which run in the main process: `--logfile` would let the
 * renderer make libtest write wherever the user may, and `-Z` takes unstable options.
 */
const testArgs = programArgs.refine((args) => !args.some((a) => /^(--logfile|-Z)/.test(a)), {
  message: '`--logfile` and `-Z` options cannot be passed to tests from the app'
})

/** Declares a channel: input schema plus the output type carried as a phantom. */
function channel<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output })
}

export const invokeContract = {
  getAppInfo: channel<AppInfo>()(none),
  /** With an opened project's manifest, also what the project pins (read, never run). */
  getToolchain: channel<ToolchainInfo>()(
    z.strictObject({ manifestPath: absolutePath.optional() }).optional()
  ),
  getNewPackageDefaults: channel<NewPackageDefaults>()(none),
  previewNewPackage: channel<NewPackagePreview>()(newPackageOptions),
  createPackage: channel<ProjectSnapshot>()(newPackageOptions),
  openProject: channel<ProjectSnapshot>()(z.strictObject({ path: absolutePath })),
  listRecentProjects: channel<readonly RecentProject[]>()(none),
  forgetRecentProject: channel<readonly RecentProject[]>()(z.strictObject({ path: absolutePath })),
  listDirectory: channel<DirectoryListing>()(z.strictObject({ path: absolutePath })),
  /** A native folder picker; the browser bridge answers `unsupported` and the UI falls back. */
  pickFolder: channel<string | null>()(z.strictObject({ title: shortText(200) })),
  /** Whether an opened project's folder is trusted to run its code (build scripts, proc-macros…). */
  folderTrust: channel<FolderTrust>()(z.strictObject({ manifestPath: absolutePath })),
  /** Trusts (after the desktop app's own confirmation) or revokes an opened project's folder. */
  setFolderTrust: channel<FolderTrust>()(
    z.strictObject({ manifestPath: absolutePath, trusted: z.boolean() })
  ),
  startBuild: channel<OperationHandle>()(buildRequest),
  startRun: channel<OperationHandle>()(
    buildRequest.extend({
      bin: shortText(200).optional(),
      args: programArgs
    })
  ),
  /** `cargo test -- ARGS`: builds every harness and runs them; `args` go to each (a name filter, `--ignored`). */
  startTest: channel<OperationHandle>()(buildRequest.extend({ args: testArgs })),
  cancelOperation: channel<{ readonly cancelled: boolean }>()(z.strictObject({ operationId: z.uuid() })),
  /** Opens a project's source file at a line: the editor command from Settings, or the system's default app. */
  openInEditor: channel<null>()(
    z.strictObject({
      path: absolutePath,
      line: z.number().int().min(1).optional(),
      column: z.number().int().min(1).optional()
    })
  ),
  /** Shows a file or folder of an open project in the system's file manager. */
  revealInFolder: channel<null>()(z.strictObject({ path: absolutePath })),
  getSettings: channel<SettingsState>()(none),
  /** Saves a change (the desktop app confirms a new editor command natively first). */
  updateSettings: channel<SettingsState>()(settingsChange),
  listTrustedFolders: channel<readonly TrustedFolder[]>()(none),
  /** The paths the OS asked to open since the last call (see `openRequested`), oldest first. */
  takeOpenRequests: channel<readonly string[]>()(none),
  /** Trusts a folder named in Settings, after the same confirmation as trusting a project. */
  trustFolder: channel<readonly TrustedFolder[]>()(z.strictObject({ path: absolutePath })),
  /** Removes one trusted folder entry exactly as listed (it may no longer exist). */
  forgetTrustedFolder: channel<readonly TrustedFolder[]>()(z.strictObject({ path: absolutePath })),
  /** Reads a project's Cargo.toml for the editor and starts watching it for outside changes. */
  openManifest: channel<ManifestSnapshot>()(z.strictObject({ path: absolutePath })),
  /** Parses and validates text the user typed in the raw view. Pure: nothing is written. */
  analyzeManifest: channel<ManifestAnalysis>()(z.strictObject({ path: absolutePath, text: manifestText })),
  /** Applies form edits to the text, format-preserving. Pure: nothing is written. */
  editManifest: channel<ManifestAnalysis>()(
    z.strictObject({ path: absolutePath, text: manifestText, edits: manifestEdits })
  ),
  /** Writes atomically, only if the file still has the bytes the editor started from. */
  saveManifest: channel<ManifestSaveResult>()(
    z.strictObject({ path: absolutePath, text: manifestText, baseHash: contentHash })
  ),
  closeManifest: channel<null>()(z.strictObject({ path: absolutePath })),
  /** Resolves an opened project (fetching sources, writing Cargo.lock) into the graph the tree view draws. */
  dependencyGraph: channel<DependencyGraph>()(z.strictObject({ manifestPath: absolutePath })),
  cancelDependencyGraph: channel<{ readonly cancelled: boolean }>()(
    z.strictObject({ manifestPath: absolutePath })
  ),
  /** The git panel: the project's git sources as Cargo.lock pins them. */
  gitDependencies: channel<GitDependencyList>()(z.strictObject({ manifestPath: absolutePath })),
  /** Fetches each git source's branch or tag and counts the commits newer than the locked one. */
  checkGitUpstream: channel<GitUpstreamReport>()(z.strictObject({ manifestPath: absolutePath })),
  /** `cargo update -p NAME` for a git dependency: Cargo.lock moves to its reference's newest commit. */
  updateGitDependency: channel<GitUpdateResult>()(gitDependencyRequest),
  /** Cargo.toml with `rev = "<locked commit>"` for the dependency; nothing is written (save with saveManifest). */
  previewGitPin: channel<GitPinPreview>()(gitDependencyRequest),
  cancelGitDependencies: channel<{ readonly cancelled: boolean }>()(
    z.strictObject({ manifestPath: absolutePath })
  ),
  /** The crates a workspace's members declare, each member's requirement and resolved version. */
  workspaceDependencies: channel<WorkspaceDependencyUsage>()(z.strictObject({ manifestPath: absolutePath })),
  /** What promoting a dependency to `[workspace.dependencies]` changes, file by file; nothing is written. */
  previewPromotion: channel<PromotionPreview>()(
    z.strictObject({ manifestPath: absolutePath, name: packageName })
  ),
  /** Writes a previewed promotion, each file only over the bytes it was planned from. */
  applyPromotion: channel<null>()(
    z.strictObject({
      files: z
        .array(z.strictObject({ path: absolutePath, text: manifestText, baseHash: contentHash }))
        .min(1)
        .max(1000)
    })
  )
} as const

export type InvokeContract = typeof invokeContract
export type Channel = keyof InvokeContract
export type ChannelInput<C extends Channel> = z.output<InvokeContract[C]['input']>
/** What the renderer passes before parsing (may differ from the parsed form, e.g. transforms). */
export type ChannelRawInput<C extends Channel> = z.input<InvokeContract[C]['input']>
export type ChannelOutput<C extends Channel> = InvokeContract[C]['output']

/** Push events, main → renderer. */
export interface PushEvents {
  operationEvents: OperationEventBatch
  menuCommand: MenuCommand
  manifestChanged: ManifestChange
  /** What a dependency resolution is doing now (fetching a repository, looking up packages). */
  dependencyProgress: DependencyProgress
  /** What a git panel operation is doing now (fetching a repository, resolving). */
  gitDependencyProgress: GitDependencyProgress
  /** The OS asked to open a path (file manager, command line, second launch): take it with `takeOpenRequests`. */
  openRequested: null
}
export type PushEvent = keyof PushEvents

/** Sends a push event to every connected renderer (Electron window or browser tab). */
export type Publish = <E extends PushEvent>(event: E, payload: PushEvents[E]) => void

export type Unsubscribe = () => void

/** `window.api`: one named function per channel, and one subscriber per push event. */
export type RendererApi = {
  readonly [C in Channel]: ChannelRawInput<C> extends undefined
    ? () => Promise<Result<ChannelOutput<C>>>
    : (input: ChannelRawInput<C>) => Promise<Result<ChannelOutput<C>>>
} & {
  readonly onOperationEvents: (listener: (batch: OperationEventBatch) => void) => Unsubscribe
  readonly onMenuCommand: (listener: (command: MenuCommand) => void) => Unsubscribe
  readonly onManifestChanged: (listener: (change: ManifestChange) => void) => Unsubscribe
  readonly onDependencyProgress: (listener: (progress: DependencyProgress) => void) => Unsubscribe
  readonly onGitDependencyProgress: (listener: (progress: GitDependencyProgress) => void) => Unsubscribe
  readonly onOpenRequested: (listener: () => void) => Unsubscribe
}
