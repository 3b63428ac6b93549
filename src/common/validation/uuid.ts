const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Any value PostgreSQL accepts as a uuid (8-4-4-4-12 hex), whatever its version bits say. */
export function isUuidText(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
