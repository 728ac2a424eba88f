// Tiny GraphQL-over-HTTP client with typed errors. Same-origin only: `/graphql`.

export const GRAPHQL_PATH = '/graphql';

export type GraphQLErrorKind =
  /** The network failed, or a proxy answered 502/503/504: the API is not there. */
  | 'unreachable'
  /** Any other non-2xx HTTP answer. */
  | 'http'
  /** The API answered with `errors` (bad input, server error). */
  | 'graphql'
  /** The request was cancelled (navigation away). */
  | 'aborted';

export interface GraphQLErrorEntry {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [k: string]: unknown };
}

export class GraphQLRequestError extends Error {
  override readonly name = 'GraphQLRequestError';
  constructor(
    readonly kind: GraphQLErrorKind,
    message: string,
    readonly status?: number,
    readonly errors: GraphQLErrorEntry[] = [],
  ) {
    super(message);
  }
  /** First GraphQL error code (e.g. BAD_USER_INPUT), if any. */
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

export function isUnreachable(err: unknown): boolean {
  return err instanceof GraphQLRequestError && err.kind === 'unreachable';
}

export async function request<TData, TVars extends object = Record<string, never>>(
  query: string,
  variables?: TVars,
  signal?: AbortSignal,
): Promise<TData> {
  let res: Response;
  try {
    res = await fetch(GRAPHQL_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables: variables ?? {} }),
      signal,
    });
  } catch (err) {
    if (signal?.aborted) throw new GraphQLRequestError('aborted', 'request aborted');
    throw new GraphQLRequestError('unreachable', `API unreachable: ${(err as Error).message}`);
  }
  if (res.status === 502 || res.status === 503 || res.status === 504) {
    throw new GraphQLRequestError('unreachable', `API unreachable (HTTP ${res.status})`, res.status);
  }
  let body: { data?: TData | null; errors?: GraphQLErrorEntry[] } | undefined;
  try {
    body = await res.json();
  } catch {
    throw new GraphQLRequestError(res.ok ? 'graphql' : 'http', `HTTP ${res.status}: not a GraphQL response`, res.status);
  }
  if (body?.errors?.length) {
    throw new GraphQLRequestError('graphql', body.errors.map((e) => e.message).join('; '), res.status, body.errors);
  }
  if (!res.ok) throw new GraphQLRequestError('http', `HTTP ${res.status}`, res.status);
  if (body?.data == null) throw new GraphQLRequestError('graphql', 'empty response', res.status);
  return body.data;
}
