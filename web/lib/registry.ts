// The resource registry: every API query the app makes, by name, with its typed document
// (generated from schema.graphql by `npm run codegen`: web/generated/). The hooks in
// ./hooks.ts take a registered name.
//
// Each part of the app registers its own resources, so their documents stay in that part's
// chunks: the explorer's in ./resources.ts, the alliance's in ../alliance/resources.ts
// (registered before any alliance route renders). To add a set:
//
//   export const myResources = registerResources({ thing: defineResource(graphql(`query Thing … `)) });
//   declare module '<path to>/lib/registry' { interface ResourceRegistry extends MyResources {} }
//   type MyResources = typeof myResources;
//
// Plain strings and types only (no React), so the embed bundle may import a resource set.
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';

export interface Resource<TVars, TData> {
  readonly document: string;
  /** Phantom field: carries the types, never set. */
  readonly __types?: [TVars, TData];
}

/** A resource from a generated typed document: its variables and result types come with it. */
export function defineResource<TData, TVars>(document: DocumentTypeDecoration<TData, TVars>): Resource<TVars, TData> {
  return { document: document.toString() };
}

/** Name → resource, for type checking; each resource set adds itself by module augmentation. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ResourceRegistry {}

export type ResourceName = keyof ResourceRegistry & string;
export type VarsOf<K extends ResourceName> = ResourceRegistry[K] extends Resource<infer V, infer _D> ? V : never;
export type DataOf<K extends ResourceName> = ResourceRegistry[K] extends Resource<infer _V, infer D> ? D : never;

const documents = new Map<string, string>();

/** Registers a set of resources under their keys; returns the set unchanged. */
export function registerResources<T extends Record<string, Resource<any, unknown>>>(set: T): T {
  for (const [name, r] of Object.entries(set)) documents.set(name, r.document);
  return set;
}

export function resourceDocument(name: ResourceName): string {
  const doc = documents.get(name);
  if (doc === undefined) throw new Error(`resource "${name}" is not registered (its module has not been loaded)`);
  return doc;
}
