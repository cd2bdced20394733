import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter } from 'react-router';
import { SessionProvider } from '../session/SessionProvider';
import { cssVariablesResolver, theme } from '../theme/theme';
import { AppRoutes } from './AppRoutes';

const newQueryClient = (): QueryClient =>
  new QueryClient({
    defaultOptions: {
      // Live updates (server-sent events) say when data changed; no refetching on a timer or on focus.
      queries: { staleTime: 60_000, refetchOnWindowFocus: false, retry: false },
    },
  });

export const App = () => {
  const [queryClient] = useState(newQueryClient);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </SessionProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
};
