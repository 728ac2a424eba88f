// App entry: i18n, TanStack Query, theme, live feed, router.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import './styles/base.css';
import i18n, { i18nReady } from './i18n';
import { ThemeProvider } from './app/theme';
import { LiveProvider } from './lib/live';
import { routes } from './app/routes';
import { GraphQLRequestError } from './lib/graphql';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      gcTime: 5 * 60_000,
      refetchOnWindowFocus: false,
      // Retry transient failures twice (TanStack Query's own exponential backoff); never retry
      // a GraphQL error (bad input, not found).
      retry: (count, err) => count < 2 && !(err instanceof GraphQLRequestError && err.kind === 'graphql'),
    },
  },
});

const router = createBrowserRouter(routes);

void i18nReady.then(() => {
  // Fetch the explorer strings alongside the first route's chunk instead of after it.
  void i18n.loadNamespaces('explorer');
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <ThemeProvider>
          <LiveProvider>
            <RouterProvider router={router} />
          </LiveProvider>
        </ThemeProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
});
