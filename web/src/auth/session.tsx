import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { ApiError, api, onSessionEnded, setCsrfToken } from '../api/client.js';
import { SignInPage } from './sign-in-page.js';

export type Role = 'admin' | 'vcio' | 'account_manager' | 'viewer';

/** `GET /auth/session`: who is signed in, in which tenant, and what they may do. */
export interface Session {
  user: { id: string; name: string; email: string | null; role: Role };
  tenant: { id: string; name: string; isDemo: boolean };
  scopes: string[];
  csrfToken: string;
  expiresAt: string;
}

interface SessionState {
  session: Session | null;
  /** Scopes decide which buttons show; the API enforces them again. */
  can: (scope: string) => boolean;
  signedIn: (session: Session) => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState & { session: Session } {
  const state = useContext(SessionContext);
  if (!state?.session) throw new Error('useSession() outside a signed-in page');
  return state as SessionState & { session: Session };
}

/** Loads the session once; shows the sign-in page while there is none and `children` once there is. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>();
  const [failure, setFailure] = useState<string>();

  const signedIn = useCallback((value: Session) => {
    setCsrfToken(value.csrfToken);
    setSession(value);
  }, []);

  useEffect(() => {
    onSessionEnded(() => setSession(null));
    api
      .get<Session>('/auth/session')
      .then(signedIn)
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 401) setSession(null);
        else setFailure(error instanceof Error ? error.message : String(error));
      });
  }, [signedIn]);

  const signOut = useCallback(async () => {
    await api.post('/auth/logout').catch(() => undefined);
    setCsrfToken(null);
    setSession(null);
  }, []);

  if (failure) return <p role="alert" className="page-message">{failure}</p>;
  if (session === undefined) return <p className="page-message" aria-busy="true">Loading…</p>;
  if (session === null) return <SignInPage onSignedIn={signedIn} />;
  const can = (scope: string) => session.scopes.includes(scope);
  return <SessionContext.Provider value={{ session, can, signedIn, signOut }}>{children}</SessionContext.Provider>;
}
