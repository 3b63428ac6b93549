import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { parseTemplateDefinition, type TemplateDefinition, TemplateError } from './template-definition.js';

export interface BuiltinTemplate {
  key: string;
  definition: TemplateDefinition;
}

export const TEMPLATE_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * `report-templates/` sits at the project root; this module runs from `src/` in tests and from
 * `dist/src/` in production, so look upwards for it.
 */
export function builtinTemplatesDirectory(from = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let directory = from; ; directory = path.dirname(directory)) {
    const candidate = path.join(directory, 'report-templates');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(directory) === directory) throw new Error(`No report-templates directory above ${from}`);
  }
}

/** Reads and validates every `*.json` template; a broken file stops the process, naming the file and the problem. */
export function loadBuiltinTemplates(directory = builtinTemplatesDirectory()): BuiltinTemplate[] {
  return readdirSync(directory)
    .filter((file) => file.endsWith('.json'))
    .toSorted()
    .map((file) => {
      const key = file.replace(/\.json$/, '');
      if (!TEMPLATE_KEY_PATTERN.test(key)) throw new Error(`Report template file ${file}: the name must be a key of lower-case letters, digits and dashes`);
      const source = readFileSync(path.join(directory, file), 'utf8');
      try {
        return { key, definition: parseTemplateDefinition(JSON.parse(source)) };
      } catch (error) {
        const reason = error instanceof TemplateError || error instanceof SyntaxError ? error.message : String(error);
        throw new Error(`Report template ${path.join(directory, file)} is not valid: ${reason}`, { cause: error });
      }
    });
}
