// Data hooks over the resource registry (./registry.ts). Query keys are [resourceName, variables],
// so invalidating ['blocks'] refreshes every page of blocks.
import { keepPreviousData, useQuery, type UseQueryOptions } from '@tanstack/react-query';
import { request, GraphQLRequestError } from './graphql';
import { resourceDocument, type DataOf, type ResourceName, type VarsOf } from './registry';
import './resources'; // registers the explorer's resources
import { useLive } from './live';

export function fetchResource<K extends ResourceName>(name: K, vars: VarsOf<K>, signal?: AbortSignal): Promise<DataOf<K>> {
  return request<DataOf<K>, object>(resourceDocument(name), vars as object, signal);
}

export function resourceKey<K extends ResourceName>(name: K, vars: VarsOf<K>) {
  return [name, vars] as const;
}

type Opts<K extends ResourceName> = Omit<UseQueryOptions<DataOf<K>, GraphQLRequestError>, 'queryKey' | 'queryFn'>;

export function useResource<K extends ResourceName>(name: K, vars: VarsOf<K>, opts: Opts<K> = {}) {
  return useQuery<DataOf<K>, GraphQLRequestError>({
    queryKey: resourceKey(name, vars),
    queryFn: ({ signal }) => fetchResource(name, vars, signal),
    placeholderData: keepPreviousData,
    ...opts,
  });
}

/** A resource that should follow the chain head: refreshed by the live feed (or polled). */
export function useLiveResource<K extends ResourceName>(name: K, vars: VarsOf<K>, opts: Opts<K> = {}) {
  const live = useLive();
  return useResource(name, vars, {
    refetchInterval: live.mode === 'polling' ? live.pollMs : false,
    ...opts,
  });
}

export function useStatus() {
  return useLiveResource('status', {} as VarsOf<'status'>, { staleTime: 5_000 });
}
