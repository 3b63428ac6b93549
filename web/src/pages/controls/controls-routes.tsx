import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../not-found-page.js';
import { ControlCatalogPage } from './control-catalog-page.js';
import { ControlDetailPage } from './control-detail-page.js';
import { CustomControlEditorPage } from './custom-control-editor-page.js';
import './controls.css';

/** `/controls`: the catalog, a control with its settings, and the custom control editor. */
export function ControlsRoutes() {
  return (
    <Routes>
      <Route index element={<ControlCatalogPage />} />
      <Route path="new" element={<CustomControlEditorPage />} />
      <Route path=":controlId" element={<ControlDetailPage />} />
      <Route path=":controlId/edit" element={<CustomControlEditorPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
