import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { SessionProvider } from './auth/session.js';
import { AppShell } from './layout/app-shell.js';
import { ClientPage } from './pages/client/client-page.js';
import { ControlsRoutes } from './pages/controls/controls-routes.js';
import { ExceptionsPage } from './pages/controls/exceptions-page.js';
import { IntegrationsRoutes } from './pages/integrations/integrations-routes.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { PortfolioPage } from './pages/portfolio/portfolio-page.js';

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Routes>
          <Route element={<AppShell />}>
            <Route index element={<Navigate to="/portfolio" replace />} />
            <Route path="portfolio" element={<PortfolioPage />} />
            <Route path="clients/:clientId" element={<ClientPage />} />
            <Route path="controls/*" element={<ControlsRoutes />} />
            <Route path="exceptions" element={<ExceptionsPage />} />
            <Route path="integrations/*" element={<IntegrationsRoutes />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
