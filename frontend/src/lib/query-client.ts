// The one query cache of the app, provided by the pages after login (the
// login page does without it: it is not part of the login page's download).

import { QueryClient } from '@tanstack/react-query';
import { ApiProblem } from '@/api/problem';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiProblem && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});
