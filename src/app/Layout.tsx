import { NavLink, Outlet } from 'react-router';

export function Layout() {
  return (
    <div className="layout">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <NavLink to="/" className="brand" aria-label="Cardinal home">
          Cardinal
        </NavLink>
        <nav aria-label="Main">
          <NavLink to="/" end>
            Decks
          </NavLink>
          <NavLink to="/browse">Browse</NavLink>
          <NavLink to="/exams">Exams</NavLink>
          <NavLink to="/transfer">Import / Export</NavLink>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
