import { useState } from 'react';
import { useApi } from '../../api/use-api.js';
import type { ReportTemplate } from './client-types.js';

const DEFAULT_TEMPLATE = 'qbr';

/** Template choice and the button that makes the client's PDF report. */
export function ExportPdfControls({ pending, onExport }: { pending: boolean; onExport: (template: string) => void }) {
  const templates = useApi<{ data: ReportTemplate[] }>('/report-templates');
  const [template, setTemplate] = useState(DEFAULT_TEMPLATE);
  const options = templates.data?.data ?? [];
  const selected = options.some((option) => option.key === template) ? template : (options[0]?.key ?? '');

  return (
    <fieldset className="export-controls">
      <legend className="visually-hidden">Export PDF report</legend>
      <label htmlFor="report-template" className="inline-label">
        Report template
      </label>
      <select id="report-template" value={selected} disabled={options.length === 0} onChange={(event) => setTemplate(event.target.value)}>
        {options.length === 0 && <option value="">{templates.error ? 'Templates unavailable' : 'Loading templates…'}</option>}
        {options.map((option) => (
          <option key={option.key} value={option.key}>
            {option.name}
          </option>
        ))}
      </select>
      <button type="button" className="button" disabled={pending || !selected} onClick={() => onExport(selected)}>
        Export PDF
      </button>
    </fieldset>
  );
}
