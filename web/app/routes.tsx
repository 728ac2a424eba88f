// The route table. Every page is a lazy, code-split chunk: `lazy: page(() => import(...))`
// where the module's default export is the page component.
import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { Layout } from './Layout';
import { RouteError } from './RouteError';
import { allianceRoutes } from '../alliance/routes';

/** Adapts `() => import('./X')` (default export = page component) to a route's `lazy`. */
export function page(load: () => Promise<{ default: ComponentType }>): RouteObject['lazy'] {
  return async () => ({ Component: (await load()).default });
}

export const routes: RouteObject[] = [
  {
    path: '/',
    Component: Layout,
    ErrorBoundary: RouteError,
    children: [
      { index: true, lazy: page(() => import('../pages/home/HomePage')) },
      { path: 'blocks', lazy: page(() => import('../pages/block/BlocksPage')) },
      { path: 'block/:id', lazy: page(() => import('../pages/block/BlockPage')) },
      { path: 'txs', lazy: page(() => import('../pages/transaction/TransactionsPage')) },
      { path: 'tx/:hash', lazy: page(() => import('../pages/transaction/TransactionPage')) },
      { path: 'address/:address', lazy: page(() => import('../pages/address/AddressPage')) },
      { path: 'tokens', lazy: page(() => import('../pages/tokens/TokensPage')) },
      { path: 'token/:address', lazy: page(() => import('../pages/tokens/TokenPage')) },
      { path: 'token/:address/:tokenId', lazy: page(() => import('../pages/tokens/InstancePage')) },
      { path: 'accounts', lazy: page(() => import('../pages/accounts/AccountsPage')) },
      { path: 'search', lazy: page(() => import('../pages/search/SearchPage')) },
      { path: 'stats', lazy: page(() => import('../pages/stats/StatsPage')) },
      { path: 'validators', lazy: page(() => import('../pages/validators/ValidatorsPage')) },
      ...allianceRoutes,
      { path: '*', lazy: page(() => import('../pages/NotFoundPage')) },
    ],
  },
];
