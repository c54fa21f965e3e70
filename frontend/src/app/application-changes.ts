// Data one feature changes and others show, wired here rather than inside
// the features (features do not import each other): after any change to an
// application, the person files (their applications and timeline) and the
// division's inbox are read again, through those features' query keys.

import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { OnApplicationChanged } from '@/features/applications';
import { inboxKeys } from '@/features/inbox';
import { personKeys } from '@/features/persons';

/** What to pass as `onChanged` to the applications feature's pages. */
export function useApplicationChanged(): OnApplicationChanged {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: personKeys.details() });
    void queryClient.invalidateQueries({ queryKey: inboxKeys.all });
  }, [queryClient]);
}
