/**
 * Build, Run, Test and Cancel for one package, shared by the toolbar buttons and the
 * menu/shortcut commands so both go through the same guards (one operation at a time, only
 * runnable bins).
 */
import { useState } from 'react'
import type { ProfileName } from '@shared/models/build'
import type { PackageSummary } from '@shared/models/package'
import { useCommand } from '../../lib/commands'
import { splitArgs } from '../../lib/split-args'
import {
  useCancelOperation,
  useLatestOperationId,
  useOperation,
  useStartBuild,
  useStartRun,
  useStartTest
} from '../../queries/operation-queries'
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

  const bins = pkg.targets.filter((t) => t.kind === 'bin').map((t) => t.name)
  const running = isRunning(operation)
  const busy = running || startBuild.isPending || startRun.isPending || startTest.isPending

  const build = (): void => {
    if (busy) return
    setLastAction('build')
    startBuild.mutate({ manifestPath, profile })
  }
  const run = (): void => {
    if (busy || bins.length === 0) return
    setLastAction('run')
    startRun.mutate({ manifestPath, profile, ...(bin ? { bin } : {}), args: splitArgs(args) })
  }
  const test = (): void => {
    if (busy) return
    setLastAction('test')
    startTest.mutate({ manifestPath, profile, args: splitArgs(testArgs) })
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
    startError: started.error ?? cancel.error
  }
}

export type BuildActions = ReturnType<typeof useBuildActions>
