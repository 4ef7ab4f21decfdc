/**
 * Build, Run, Test and Cancel for one package, shared by the toolbar buttons and the
 * menu/shortcut commands so both go through the same guards (one operation at a time, only
 * runnable bins, and a trusted folder: an untrusted one is asked about first).
 */
import { useEffect, useState } from 'react'
import type { ProfileName } from '@shared/models/build'
import type { PackageSummary } from '@shared/models/package'
import { ApiError } from '../../lib/api'
import { useCommand } from '../../lib/commands'
import { splitArgs } from '@shared/format/split-args'
import {
  useCancelOperation,
  useLatestOperationId,
  useOperation,
  useStartBuild,
  useStartRun,
  useStartTest
} from '../../queries/operation-queries'
import { useAppInfo } from '../../queries/app-queries'
import { useFolderTrust, useSetFolderTrust } from '../../queries/trust-queries'
import { isRunning } from '../build-console/operation-state'

/** `default-run` when set, else the first bin, as cargo picks when there is only one. */
function defaultBin(pkg: PackageSummary): string | undefined {
  const bins = pkg.targets.filter((t) => t.kind === 'bin')
  return bins.find((t) => t.name === pkg.defaultRun)?.name ?? bins[0]?.name
}

type Action = 'build' | 'run' | 'test'

export function useBuildActions(pkg: PackageSummary) {
  const manifestPath = pkg.manifestPath
  const operationId = useLatestOperationId(manifestPath)
  const operation = useOperation(operationId).data
  const startBuild = useStartBuild()
  const startRun = useStartRun()
  const startTest = useStartTest()
  const cancel = useCancelOperation()
  const [profile, setProfile] = useState<ProfileName>('dev')
  const [bin, setBin] = useState(() => defaultBin(pkg))
  const [args, setArgs] = useState('')
  const [testArgs, setTestArgs] = useState('')
  const [lastAction, setLastAction] = useState<Action>('build')
  /** The action waiting for the user to trust the folder (the in-page question, browser mode). */
  const [askingTrust, setAskingTrust] = useState<Action | undefined>()
  const trust = useFolderTrust(manifestPath)
  const setTrust = useSetFolderTrust(manifestPath)
  const desktop = useAppInfo().data?.mode === 'desktop'

  const bins = pkg.targets.filter((t) => t.kind === 'bin').map((t) => t.name)
  const running = isRunning(operation)
  // A build refused for an untrusted path dependency (one added after trusting) says so only
  // when it ends: read the trust again then, so the next click asks.
  const { refetch: refetchTrust } = trust
  useEffect(() => {
    if (!running) void refetchTrust()
  }, [running, refetchTrust])
  const busy = running || startBuild.isPending || startRun.isPending || startTest.isPending

  // Trust revoked elsewhere (another window, the CLI's config folder): learn it, and ask next time.
  const onStartError = (e: Error) => {
    if (e instanceof ApiError && e.code === 'untrusted') void trust.refetch()
  }
  const start = (action: Action): void => {
    setLastAction(action)
    const then = { onError: onStartError }
    if (action === 'build') startBuild.mutate({ manifestPath, profile }, then)
    else if (action === 'run')
      startRun.mutate({ manifestPath, profile, ...(bin ? { bin } : {}), args: splitArgs(args) }, then)
    else startTest.mutate({ manifestPath, profile, args: splitArgs(testArgs) }, then)
  }
  /** Trusts the folder (the desktop app's own dialog asks), then starts `action` if the user said yes. */
  const trustThen = (action: Action): void => {
    setTrust.mutate(true, {
      onSuccess: (t) => {
        setAskingTrust(undefined)
        if (t.trusted) start(action)
      }
    })
  }
  /** Main refuses an untrusted folder anyway; asking first saves a failed start. */
  const guarded = (action: Action): void => {
    if (trust.data?.trusted !== false) start(action)
    else if (desktop) trustThen(action)
    else setAskingTrust(action)
  }
  const build = (): void => {
    if (!busy) guarded('build')
  }
  const run = (): void => {
    if (!busy && bins.length > 0) guarded('run')
  }
  const test = (): void => {
    if (!busy) guarded('test')
  }
  const cancelOperation = (): void => {
    if (operationId && running) cancel.mutate({ operationId })
  }

  useCommand('build', build)
  useCommand('run', run)
  useCommand('test', test)
  useCommand('cancel', cancelOperation)

  const started = { build: startBuild, run: startRun, test: startTest }[lastAction]
  return {
    operationId,
    operation,
    running,
    busy,
    bins,
    profile,
    setProfile,
    bin,
    setBin,
    args,
    setArgs,
    testArgs,
    setTestArgs,
    build,
    run,
    test,
    cancel: cancelOperation,
    startError: started.error ?? cancel.error ?? setTrust.error,
    trust: trust.data,
    revokeTrust: () => setTrust.mutate(false),
    askingTrust,
    trustBusy: setTrust.isPending,
    confirmTrust: () => askingTrust && trustThen(askingTrust),
    cancelTrust: () => setAskingTrust(undefined)
  }
}

export type BuildActions = ReturnType<typeof useBuildActions>
