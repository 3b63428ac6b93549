import type { ReportContent, ReportSection } from '../../model/report-model.js';
import type { ReportWriter } from '../layout/writer.js';
import { openSection } from './common.js';

/** Free text: the heading and the template's paragraphs. */
export function renderText(writer: ReportWriter, _content: ReportContent, section: ReportSection): void {
  openSection(writer, section, { textOnly: true });
}
