import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(import.meta.dirname, '../../src');

/** @nestjs/swagger names each schema after its class, so two classes of one name share one schema and one of them is described wrongly. */
describe('OpenAPI schema names', () => {
  it('every DTO class name is used once across the code', () => {
    const places = new Map<string, string[]>();
    for (const file of readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'))) {
      for (const match of readFileSync(path.join(SRC, file), 'utf8').matchAll(/^(?:export )?class (\w+Dto)\b/gm)) {
        places.set(match[1]!, [...(places.get(match[1]!) ?? []), file]);
      }
    }
    expect(places.size).toBeGreaterThan(50);
    expect([...places].filter(([, files]) => files.length > 1)).toEqual([]);
  });
});
