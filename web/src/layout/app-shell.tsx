import { NavLink, Outlet } from 'react-router';
import { useSession } from '../auth/session.js';
import { humanise } from '../format.js';

const SECTIONS = [
  { to: '/portfolio', label: 'Portfolio' },
  { to: '/controls', label: 'Controls' },
  { to: '/exceptions', label: 'Exceptions' },
  { to: '/integrations', label: 'Integrations' },
];

/** The frame around every signed-in page: skip link, navigation, who is signed in, sign-out. */
export function AppShell() {
  const { session, signOut } = useSession();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top-bar">
        <span className="brand">Rampart</span>
        <nav aria-label="Main">
          <ul>
            {SECTIONS.map((section) => (
              <li key={section.to}>
                <NavLink to={section.to}>{section.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span>
            {session.user.name} · {humanise(session.user.role)} · {session.tenant.name}
            {session.tenant.isDemo && <span className="demo-tag">Demo</span>}
          </span>
          <button type="button" className="button small" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
