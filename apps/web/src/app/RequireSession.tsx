import { Navigate, Outlet } from 'react-router';
import { LiveUpdatesProvider } from '../live/LiveUpdatesProvider';
import { useSessionContext } from '../session/SessionProvider';

/** Pages behind it need a signed-in user; they all share one live-updates connection. */
export const RequireSession = () => {
  const { session } = useSessionContext();
  if (session === null) return <Navigate to="/sign-in" replace />;
  return (
    <LiveUpdatesProvider>
      <Outlet />
    </LiveUpdatesProvider>
  );
};
