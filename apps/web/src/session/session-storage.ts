/** Who is signed in, as the API's `GET /session` answered for the token. */
export interface SessionUser {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly team: string | null;
}

export interface Session {
  readonly token: string;
  readonly user: SessionUser;
}

const KEY = 'crm.session';

const isSession = (value: unknown): value is Session => {
  const session = value as Session | null;
  return typeof session?.token === 'string' && typeof session.user?.id === 'string' && Array.isArray(session.user.roles);
};

/** The session kept across reloads of this browser; the API still judges the token on every request. */
export const storedSession = (): Session | null => {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    return isSession(value) ? value : null;
  } catch {
    // A damaged entry is the same as none: the user signs in again.
    return null;
  }
};

export const storeSession = (session: Session | null): void => {
  if (session === null) localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, JSON.stringify(session));
};
