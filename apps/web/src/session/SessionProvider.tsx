import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { fetchSessionUser } from './session-api';
import { storedSession, storeSession, type Session } from './session-storage';

interface SessionContextValue {
  readonly session: Session | null;
  signIn(token: string): Promise<Session>;
  signOut(): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export const SessionProvider = ({ children }: { readonly children: ReactNode }) => {
  const [session, setSession] = useState<Session | null>(storedSession);
  const signIn = useCallback(async (token: string) => {
    const signedIn = { token, user: await fetchSessionUser(token) };
    storeSession(signedIn);
    setSession(signedIn);
    return signedIn;
  }, []);
  const signOut = useCallback(() => {
    storeSession(null);
    setSession(null);
  }, []);
  const value = useMemo(() => ({ session, signIn, signOut }), [session, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
};

export const useSessionContext = (): SessionContextValue => {
  const context = useContext(SessionContext);
  if (context === null) throw new Error('useSessionContext outside SessionProvider');
  return context;
};

/** The signed-in session; the pages that use it are only rendered behind RequireSession. */
export const useSession = (): Session => {
  const { session } = useSessionContext();
  if (session === null) throw new Error('useSession without a signed-in user (render the page behind RequireSession)');
  return session;
};

export const hasRole = (session: Session, ...roles: readonly string[]): boolean => session.user.roles.some((role) => roles.includes(role));
