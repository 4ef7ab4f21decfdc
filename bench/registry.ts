/** Every benchmark, in the order the table lists them. Add a bench: a file in benches/, a line here. */
import type { Bench } from './bench'
import { analyze } from './benches/analyze.bench'
import {
  buildClean,
  buildNoopCli,
  buildNoopInProcess,
  buildTouchCli,
  buildTouchCliNoServer,
  buildTouchInProcess
} from './benches/build.bench'
import { addRoundTrip, editRoundTrip } from './benches/edit-round-trip.bench'
import { buildPathCrates, planPathCrates } from './benches/path-crates.bench'
import { resolveRegistry } from './benches/resolve.bench'
import { treeViewMount } from './benches/tree-view.bench'

export const BENCHES: readonly Bench[] = [
  editRoundTrip,
  addRoundTrip,
  analyze,
  treeViewMount,
  resolveRegistry,
  planPathCrates,
  buildClean,
  buildNoopInProcess,
  buildNoopCli,
  buildTouchInProcess,
  buildTouchCli,
  buildTouchCliNoServer,
  buildPathCrates
]
