import type { ReactNode } from 'react';

export interface SummaryItem {
  key: string;
  text: ReactNode;
}

/** What stopped something, announced, with the problems listed under it. Nothing when `message` is empty. */
export function ErrorSummary({ message, items = [] }: { message: string | undefined; items?: readonly SummaryItem[] }) {
  if (!message) return null;
  return (
    <div role="alert" className="error-message">
      <p>{message}</p>
      {items.length > 0 && (
        <ul>
          {items.map((item) => (
            <li key={item.key}>{item.text}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
