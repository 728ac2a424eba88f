// HTTP-level errors answered in GraphQL's error shape, so clients parse one format.
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

export function gqlError(res: Response, status: number, code: string, message: string) {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** 404 in GraphQL's shape for unknown paths under the API's prefixes. */
export function apiNotFound(_req: Request, res: Response) {
  gqlError(res, 404, 'NOT_FOUND', 'no such API path');
}

/** The last handler: body-parser failures become 4xx, anything else a logged 500. */
export function errorHandler(logger: Logger | undefined) {
  return (err: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    void _next;
    if (res.headersSent) return;
    if (err.type === 'entity.too.large' || err.status === 413) return gqlError(res, 413, 'PAYLOAD_TOO_LARGE', 'request body too large');
    if (err.type === 'entity.parse.failed') return gqlError(res, 400, 'BAD_REQUEST', 'request body is not valid JSON');
    if (err.status && err.status >= 400 && err.status < 500) return gqlError(res, err.status, 'BAD_REQUEST', 'bad request');
    logger?.error({ err }, 'request failed');
    gqlError(res, 500, 'INTERNAL_SERVER_ERROR', 'internal error');
  };
}
