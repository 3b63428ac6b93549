import type { ApiError } from '../api/client.js';
import { ErrorSummary } from './error-summary.js';
import { unclaimedDetails } from './form-errors.js';

/**
 * The API's message and its per-field details, announced to screen readers. Above a form, pass the
 * fields the form shows errors beside (`shownFields`): only the other details are listed.
 */
export function ErrorMessage({ error, shownFields = [] }: { error: ApiError | undefined; shownFields?: readonly string[] }) {
  const items = unclaimedDetails(error, shownFields).map((detail) => ({
    key: `${detail.field}:${detail.message}`,
    text: (
      <>
        <code>{detail.field}</code>: {detail.message}
      </>
    ),
  }));
  return <ErrorSummary message={error?.message} items={items} />;
}
