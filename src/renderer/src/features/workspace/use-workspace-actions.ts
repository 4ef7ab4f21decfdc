/**
 * Build and Test for a selection of a workspace's members (or all of them), started on the
 * root manifest. The folder must be trusted first, as for a single package.
 */
import { useState } from 'react'
import { useAppInfo } from '../../queries/app-queries'
import {
  useLatestOperationId,
  useOperation,
  useStartBuild,
  useStartTest
} from '../../queries/operation-queries'
import { useFolderTrust, useSetFolderTrust } from '../../queries/trust-queries'
import { isRunning } from '../build-console/operation-state'

type Action = 'build' | 'test'

export function useWorkspaceActions(rootManifest: string, selected: readonly string[]) {
  const operationId = useLatestOperationId(rootManifest)
  const operation = useOperation(operationId).data
  const startBuild = useStartBuild()
  const startTest = useStartTest()
  const trust = useFolderTrust(rootManifest)
  const setTrust = useSetFolderTrust(rootManifest)
  const desktop = useAppInfo().data?.mode === 'desktop'
  const [askingTrust, setAskingTrust] = useState<{ action: Action; all: boolean } | undefined>()
  const running = isRunning(operation)
  const busy = running || startBuild.isPending || startTest.isPending

  const start = (action: Action, all: boolean): void => {
    const request = {
      manifestPath: rootManifest,
      profile: 'dev' as const,
      ...(all ? { workspace: true } : { packages: [...selected] })
    }
    if (action === 'build') startBuild.mutate(request)
    else startTest.mutate({ ...request, args: [] })
  }
  const trustThen = (action: Action, all: boolean): void => {
    setTrust.mutate(true, {
      onSuccess: (t) => {
        setAskingTrust(undefined)
        if (t.trusted) start(action, all)
      }
    })
  }
  const guarded = (action: Action, all: boolean): void => {
    if (busy || (!all && selected.length === 0)) return
    if (trust.data?.trusted !== false) start(action, all)
    else if (desktop) trustThen(action, all)
    else setAskingTrust({ action, all })
  }
  return {
    operationId,
    operation,
    busy,
    build: (all: boolean) => guarded('build', all),
    test: (all: boolean) => guarded('test', all),
    untrusted: trust.data?.untrusted ?? [],
    askingTrust: askingTrust?.action,
    trustBusy: setTrust.isPending,
    confirmTrust: () => askingTrust && trustThen(askingTrust.action, askingTrust.all),
    cancelTrust: () => setAskingTrust(undefined),
    startError: startBuild.error ?? startTest.error ?? setTrust.error
  }
}
