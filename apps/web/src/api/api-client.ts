import { useMemo } from 'react';
import { createCrmApiClient, type CrmApiClient } from '@crm/api-client';
import { useSession } from '../session/SessionProvider';

/** The typed API client (libs/api-client) speaking as the signed-in user, on the page's own origin. */
export const useApiClient = (): CrmApiClient => {
  const { token } = useSession();
  return useMemo(() => createCrmApiClient({ baseUrl: window.location.origin, token }), [token]);
};
