import { CHANNELS, isEventName, type Channel, type EventName } from './channel-names';
import type { EventPayload, Request, Response } from './contract';
import type { Envelope } from './envelope';

// The typed client the renderer uses, derived from the contract. The preload builds it over ipcRenderer; the e2e
// harness builds the very same one over a function that reaches main's dispatch in the test process.

export interface BridgeTransport {
  invoke(channel: Channel, payload: unknown): Promise<unknown>;
  /** Calls the listener for every event main pushes; returns the unsubscribe function. */
  subscribe(listener: (name: string, payload: unknown) => void): () => void;
}

type GroupOf<C extends string> = C extends `${infer G}.${string}` ? G : never;
type Group = GroupOf<Channel>;
type MethodsOf<G extends Group> = {
  [C in Channel as C extends `${G}.${infer M}` ? M : never]: (request: Request<C>) => Promise<Envelope<Response<C>>>;
};

export type GiftdeskBridge = { [G in Group]: MethodsOf<G> } & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

export function createBridge(transport: BridgeTransport): GiftdeskBridge {
  const groups: Record<string, Record<string, (request: unknown) => Promise<unknown>>> = {};
  for (const channel of CHANNELS) {
    const [group, method] = channel.split('.') as [string, string];
    (groups[group] ??= {})[method] = (request: unknown) => transport.invoke(channel, request ?? {});
  }
  const on = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!isEventName(event)) throw new Error(`Unknown event ${String(event)}.`);
    return transport.subscribe((name, payload) => {
      if (name === event) listener(payload);
    });
  };
  // The shape is built from CHANNELS above, so it matches the mapped type by construction.
  return { ...groups, on } as unknown as GiftdeskBridge;
}
