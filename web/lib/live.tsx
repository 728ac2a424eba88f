// Live updates: one graphql-ws connection on /graphql subscribes to `newBlock`; every new
// block invalidates the LIVE_RESOURCES queries. If the websocket cannot connect (or drops
// and does not come back), the app falls back to polling those queries every few seconds.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { createClient, type Client } from 'graphql-ws';
import { graphql } from '../generated';
import type { NewBlockSubscription } from '../generated/graphql';
import { GRAPHQL_PATH } from './graphql';
import { LIVE_RESOURCES } from './resources';

export type LiveMode = 'connecting' | 'live' | 'polling';
interface LiveState {
  mode: LiveMode;
  pollMs: number;
  /** Number of the newest block announced over the subscription, if any. */
  lastBlock: number | null;
}
const POLL_MS = 3_000;
const LiveContext = createContext<LiveState>({ mode: 'polling', pollMs: POLL_MS, lastBlock: null });

const NEW_BLOCK = graphql(`subscription NewBlock { newBlock { number } }`);

function wsUrl(): string {
  const u = new URL(GRAPHQL_PATH, location.href);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  return u.toString();
}

export function LiveProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<LiveMode>('connecting');
  const [lastBlock, setLastBlock] = useState<number | null>(null);

  useEffect(() => {
    let disposed = false;
    let client: Client | undefined;
    let unsubscribe: (() => void) | undefined;
    // If we are not connected within a few seconds, poll meanwhile (it keeps retrying).
    const fallbackTimer = setTimeout(() => !disposed && setMode((m) => (m === 'connecting' ? 'polling' : m)), 4_000);
    try {
      client = createClient({
        url: wsUrl(),
        lazy: false,
        // Reconnect for ever, with graphql-ws's own randomised exponential backoff.
        retryAttempts: Infinity,
        shouldRetry: () => true,
        on: {
          connected: () => !disposed && setMode('live'),
          closed: () => !disposed && setMode('polling'),
          error: () => !disposed && setMode('polling'),
        },
      });
      unsubscribe = client.subscribe<NewBlockSubscription>(
        { query: NEW_BLOCK.toString() },
        {
          next: (msg) => {
            const n = msg.data?.newBlock?.number;
            if (typeof n === 'number') setLastBlock(n);
            for (const name of LIVE_RESOURCES) void queryClient.invalidateQueries({ queryKey: [name] });
          },
          error: () => !disposed && setMode('polling'),
          complete: () => {},
        },
      );
    } catch {
      setMode('polling');
    }
    return () => {
      disposed = true;
      clearTimeout(fallbackTimer);
      unsubscribe?.();
      void client?.dispose();
    };
  }, [queryClient]);

  const value = useMemo(() => ({ mode, pollMs: POLL_MS, lastBlock }), [mode, lastBlock]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

export function useLive(): LiveState {
  return useContext(LiveContext);
}
