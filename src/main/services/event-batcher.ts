/**
 * Collects a flood of events (rustc can print thousands of lines) into batches flushed on a
 * short timer, so the renderer re-renders a few times a second instead of per line.
 */
export class EventBatcher<T> {
  private buffer: T[] = []
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly flushTo: (events: T[]) => void,
    private readonly intervalMs = 40
  ) {}

  push(event: T): void {
    this.buffer.push(event)
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs)
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    if (this.buffer.length === 0) return
    const events = this.buffer
    this.buffer = []
    this.flushTo(events)
  }
}
