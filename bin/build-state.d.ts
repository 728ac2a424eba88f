export const ROOT: string;
export const SERVER_DIST: string;
export const SERVER_MANIFEST: string;
export const SERVER_ENTRY: string;
export function serverBuildIsFresh(): boolean;
