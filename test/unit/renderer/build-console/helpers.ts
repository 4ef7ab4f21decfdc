/** Small builders for the build console's model tests: units, records and whole operations. */
import type { OperationEvent, UnitSummary } from '@shared/models/build'
import {
  applyEvents,
  initialOperationState,
  type OperationState
} from '../../../../src/renderer/src/features/build-console/operation-state'
import {
  EMPTY_UNIT_RECORD,
  type UnitRecord
} from '../../../../src/renderer/src/features/build-console/model/unit-records'

export function unit(id: string, extra: Partial<UnitSummary> = {}): UnitSummary {
  return {
    id,
    packageName: id,
    packageVersion: '1.0.0',
    targetName: id,
    kind: 'lib',
    deps: [],
    forHost: false,
    ...extra
  }
}

export function record(extra: Partial<UnitRecord>): UnitRecord {
  return { ...EMPTY_UNIT_RECORD, ...extra }
}

export function operation(events: readonly OperationEvent[], kind: OperationState['kind'] = 'build') {
  return applyEvents(initialOperationState('op', 0, kind), events)
}
