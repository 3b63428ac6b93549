/** PostgreSQL's unique_violation: an insert or update collided with a unique index. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23505';
}
