import { useEffect, useState } from 'react';
import { api, apiUrl } from '../api/client.js';
import { useMutation } from '../api/use-api.js';
import { ErrorMessage } from '../components/error-message.js';
import type { Session } from './session.js';

interface SignInOptions {
  entra: boolean;
  demo: boolean;
}

/** Sign-in errors come back from the Entra callback as `?signInError=` on the app's address. */
function callbackError(): string | null {
  return new URLSearchParams(window.location.search).get('signInError');
}

export function SignInPage({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [options, setOptions] = useState<SignInOptions>();
  const demo = useMutation(() => api.post<Session>('/auth/demo'));
  const returnTo = window.location.pathname + window.location.search.replace(/[?&]signInError=[^&]*/, '');

  useEffect(() => {
    api.get<SignInOptions>('/auth/options').then(setOptions, () => setOptions({ entra: false, demo: false }));
  }, []);

  const startDemo = async () => {
    const session = await demo.run();
    if (session) onSignedIn(session);
  };

  return (
    <main className="sign-in" id="main">
      <div className="sign-in-card">
        <h1>Rampart</h1>
        <p className="muted">Security-compliance scores for your managed clients.</p>
        {callbackError() && <p role="alert" className="error-message">{callbackError()}</p>}
        {options === undefined && <p aria-busy="true">Loading…</p>}
        {options?.entra && (
          <a className="button primary wide" href={apiUrl('/auth/login', { returnTo })}>
            Sign in with Microsoft
          </a>
        )}
        {options?.demo && (
          <button type="button" className={options.entra ? 'button wide' : 'button primary wide'} onClick={startDemo} disabled={demo.pending}>
            {demo.pending ? 'Signing in…' : 'Explore the demo portfolio'}
          </button>
        )}
        {options && !options.entra && !options.demo && (
          <p role="alert">Sign-in is not configured: set ENTRA_CLIENT_ID and ENTRA_CLIENT_SECRET (see the README).</p>
        )}
        <ErrorMessage error={demo.error} />
      </div>
    </main>
  );
}
