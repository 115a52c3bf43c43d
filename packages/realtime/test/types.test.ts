// Compile-time contract (checked by `pnpm typecheck`, which includes test/): the README's dispatch
// patterns narrow, and the helpers fit the DOM WebSocket and `ws` types.

import { describe, expectTypeOf, it } from 'vitest'
import { WebSocket as NodeWebSocket } from 'ws'
import {
  type CallStartedEvent,
  createReconnectingWebSocket,
  type ManagedSocketOptions,
  type ObserveCallOptions,
  type ObserverEvent,
  type ReconnectingWebSocketOptions,
  type SocketTokenOptions,
  type TextChatOptions,
  textStreamAuthProtocols,
  textStreamUrl,
  type WebSocketConstructor,
  type WorkspaceEvent,
  type WorkspaceEventStreamError,
  type WorkspaceSSEEventType,
} from '../src/index'

describe('public types', () => {
  it('workspace events narrow on event_type', () => {
    const handle = (event: WorkspaceEvent) => {
      switch (event.event_type) {
        case 'call.started':
          expectTypeOf(event).toEqualTypeOf<CallStartedEvent>()
          expectTypeOf(event.call_sid).toEqualTypeOf<string>()
          break
        case 'pipeline.error':
          expectTypeOf(event.data_source_id).toEqualTypeOf<string>()
          break
      }
    }
    expectTypeOf(handle).toBeFunction()
    expectTypeOf<'call.started'>().toMatchTypeOf<WorkspaceSSEEventType>()
  })

  it('observer events narrow on type', () => {
    const handle = (event: ObserverEvent) => {
      if (event.type === 'agent_transcript_delta') expectTypeOf(event.delta).toEqualTypeOf<string>()
    }
    expectTypeOf(handle).toBeFunction()
  })

  it('the stream error exposes code and retryable', () => {
    expectTypeOf<WorkspaceEventStreamError['retryable']>().toEqualTypeOf<boolean>()
    expectTypeOf<'too_many_streams'>().toMatchTypeOf<WorkspaceEventStreamError['code']>()
  })

  it('textStreamUrl + textStreamAuthProtocols fit the DOM WebSocket constructor', () => {
    const open = () =>
      new globalThis.WebSocket(
        textStreamUrl({ workspaceId: 'w', serviceId: 's' }),
        textStreamAuthProtocols('k'),
      )
    expectTypeOf(open).returns.toEqualTypeOf<WebSocket>()
    expectTypeOf<ConstructorParameters<typeof WebSocket>[1]>().toMatchTypeOf<string[] | string | undefined>()
  })

  it('both the DOM WebSocket and ws are accepted as the WebSocket option', () => {
    expectTypeOf<typeof WebSocket>().toMatchTypeOf<WebSocketConstructor>()
    expectTypeOf<typeof NodeWebSocket>().toMatchTypeOf<WebSocketConstructor>()
    const make = () => createReconnectingWebSocket({ url: 'wss://x', WebSocket: NodeWebSocket })
    expectTypeOf(make).toBeFunction()
  })

  it('the call observer and the text chat take the managed socket options as the socket declares them', () => {
    type Shared = keyof ManagedSocketOptions | keyof SocketTokenOptions
    expectTypeOf<Pick<ObserveCallOptions, Shared>>().toEqualTypeOf<Pick<TextChatOptions, Shared>>()
    expectTypeOf<Pick<ObserveCallOptions, keyof ManagedSocketOptions>>().toEqualTypeOf<
      Pick<ReconnectingWebSocketOptions, keyof ManagedSocketOptions>
    >()
    // The chat's `token` is the subprotocol token, not the text-stream URL's query-string token.
    expectTypeOf<TextChatOptions['token']>().toEqualTypeOf<SocketTokenOptions['token']>()
  })
})
