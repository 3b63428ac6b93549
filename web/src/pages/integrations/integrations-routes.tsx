import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../not-found-page.js';
import { ConnectPage } from './connect-page.js';
import { IntegrationPage } from './integration-page.js';
import { IntegrationsListPage } from './integrations-list-page.js';
import './integrations.css';

export function IntegrationsRoutes() {
  return (
    <Routes>
      <Route index element={<IntegrationsListPage />} />
      <Route path="new" element={<ConnectPage />} />
      <Route path=":integrationId" element={<IntegrationPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
