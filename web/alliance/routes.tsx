// Alliance routes, spread by the app shell (web/app/routes.tsx) into the layout's children.
// Every page is its own lazy chunk; recharts loads only with /alliance's charts. The
// alliance's resources (./resources.ts) load and register alongside, before any page renders.
import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';

const page = (load: () => Promise<{ default: ComponentType }>): RouteObject['lazy'] => async () => {
  const [, m] = await Promise.all([import('./resources'), load()]);
  return { Component: m.default };
};

export const allianceRoutes: RouteObject[] = [
  { path: 'alliance', lazy: page(() => import('./pages/AlliancePage')) },
  { path: 'members', lazy: page(() => import('./pages/MembersPage')) },
  { path: 'member/:address', lazy: page(() => import('./pages/MemberPage')) },
  { path: 'scenarios', lazy: page(() => import('./pages/ScenariosPage')) },
  { path: 'patents', lazy: page(() => import('./pages/PatentsPage')) },
];
