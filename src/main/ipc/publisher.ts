import type { PushEvent, PushEvents } from '@shared/ipc/contract'

/** Sends a push event to every connected renderer (Electron window or browser tab). */
export type Publish = <E extends PushEvent>(event: E, payload: PushEvents[E]) => void
