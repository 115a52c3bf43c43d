/** One workspace event as kept for replay. */
export interface WorkspaceEvent {
  /** Strictly increasing id (epoch ms, bumped by one when two events share a millisecond). */
  id: number
  workspaceId: string
  type: string
  data: Record<string, unknown>
  time: number
}

type Listener = (event: WorkspaceEvent) => void

/** Publishes workspace events to live SSE streams and webhook delivery, and keeps a bounded replay buffer. */
export class EventHub {
  private readonly buffer: WorkspaceEvent[] = []
  private readonly listeners = new Set<Listener>()
  private lastId = 0

  constructor(private readonly capacity: number) {}

  /** Records and broadcasts an event; returns it. */
  emit(workspaceId: string, type: string, data: Record<string, unknown>): WorkspaceEvent {
    const now = Date.now()
    this.lastId = Math.max(now, this.lastId + 1)
    const event: WorkspaceEvent = { id: this.lastId, workspaceId, type, data, time: now }
    this.buffer.push(event)
    if (this.buffer.length > this.capacity) this.buffer.splice(0, this.buffer.length - this.capacity)
    for (const l of this.listeners) l(event)
    return event
  }

  /** Events of a workspace after `lastEventId` still in the buffer, oldest first. */
  since(workspaceId: string, lastEventId: number): WorkspaceEvent[] {
    return this.buffer.filter((e) => e.workspaceId === workspaceId && e.id > lastEventId)
  }

  /** Every buffered event (oldest first). */
  all(): WorkspaceEvent[] {
    return [...this.buffer]
  }

  /** Subscribes to new events; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
