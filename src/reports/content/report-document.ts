import type { ReportContent, ReportDocument } from '../model/report-model.js';
import { fillPlaceholders, type PlaceholderValues } from '../templates/placeholders.js';
import type { TemplateDefinition } from '../templates/template-definition.js';

/** A template applied to a report's content: placeholders filled, sections in the template's order. */
export function buildReportDocument(template: TemplateDefinition, content: Omit<ReportContent, 'title'>, values: PlaceholderValues): ReportDocument {
  return {
    content: { ...content, title: fillPlaceholders(template.title, values) },
    pageSize: template.pageSize,
    sections: template.sections.map((section) => ({
      type: section.type,
      title: fillPlaceholders(section.title, values),
      text: section.text === null ? null : fillPlaceholders(section.text, values),
      pageBreakBefore: section.pageBreakBefore,
      limit: section.limit,
    })),
  };
}
