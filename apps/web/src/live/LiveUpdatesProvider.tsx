import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { EventSource } from 'eventsource';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useSession } from '../session/SessionProvider';
import type { LiveChanges, LiveListener } from './live-changes';

export type LiveState = 'connecting' | 'live' | 'offline';

interface LiveContextValue {
  readonly state: LiveState;
  subscribe(listener: LiveListener): () => void;
}

const LiveContext = createContext<LiveContextValue | null>(null);

/**
 * Queries that read what changed refetch: the record's own (page, history), the lists and work queues
 * its kind appears in, and every aggregate of the kinds that moved. Query keys start with the question's
 * name (see each feature's hooks), so a prefix marks them all.
 */
const invalidateFor = (queries: QueryClient, changes: LiveChanges): void => {
  for (const { kind, recordId } of changes.records) {
    void queries.invalidateQueries({ queryKey: ['record', kind, recordId] });
    void queries.invalidateQueries({ queryKey: ['history', kind, recordId] });
  }
  if (changes.records.length > 0) {
    for (const key of ['records', 'tasks', 'approvals', 'notifications']) void queries.invalidateQueries({ queryKey: [key] });
  }
  if (changes.kinds.length > 0) for (const key of ['pipeline', 'funnel', 'forecast']) void queries.invalidateQueries({ queryKey: [key] });
  if (changes.forecast) void queries.invalidateQueries({ queryKey: ['forecast'] });
  if (changes.blueprints) void queries.invalidateQueries({ queryKey: ['blueprints'] });
};

/**
 * One server-sent-events connection per signed-in tab (`GET /live`, with the bearer token: the eventsource
 * package sends headers, the browser's EventSource cannot), reconnecting by itself. On every (re)connect
 * the queries refetch, since changes while disconnected were not seen.
 */
export const LiveUpdatesProvider = ({ children }: { readonly children: ReactNode }) => {
  const { token } = useSession();
  const queries = useQueryClient();
  const listeners = useRef(new Set<LiveListener>());
  const [state, setState] = useState<LiveState>('connecting');

  useEffect(() => {
    const source = new EventSource('/live', {
      fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, authorization: `Bearer ${token}` } }),
    });
    let connectedBefore = false;
    source.addEventListener('ready', () => {
      setState('live');
      if (connectedBefore) void queries.invalidateQueries();
      connectedBefore = true;
    });
    source.addEventListener('changes', (event) => {
      const changes = JSON.parse(event.data) as LiveChanges;
      invalidateFor(queries, changes);
      for (const listener of listeners.current) listener(changes);
    });
    source.addEventListener('error', () => setState('offline'));
    return () => source.close();
  }, [token, queries]);

  const subscribe = useCallback((listener: LiveListener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  const value = useMemo(() => ({ state, subscribe }), [state, subscribe]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
};

const useLiveContext = (): LiveContextValue => {
  const context = useContext(LiveContext);
  if (context === null) throw new Error('live updates used outside LiveUpdatesProvider');
  return context;
};

export const useLiveState = (): LiveState => useLiveContext().state;

/** Calls the listener with every change the user may see, while the component is mounted. */
export const useLiveChanges = (listener: LiveListener): void => {
  const { subscribe } = useLiveContext();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => subscribe((changes) => latest.current(changes)), [subscribe]);
};
