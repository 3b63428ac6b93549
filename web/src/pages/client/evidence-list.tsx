import { type EvidenceEntry, type EvidenceValue, describeEvidence } from './evidence.js';

function EvidenceValueView({ value }: { value: EvidenceValue }) {
  if (value.kind === 'text') return <>{value.text}</>;
  if (value.kind === 'record') return <EvidenceEntries entries={value.entries} />;
  return (
    <ul className="plain-list">
      {value.items.map((item, position) => (
        // Evidence list items have no identity of their own; their position is what tells them apart.
        <li key={position}>
          <EvidenceValueView value={item} />
        </li>
      ))}
    </ul>
  );
}

function EvidenceEntries({ entries }: { entries: readonly EvidenceEntry[] }) {
  return (
    <dl className="evidence-list">
      {entries.map((entry) => (
        <div key={entry.key}>
          <dt>{entry.label}</dt>
          <dd>
            <EvidenceValueView value={entry.value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** What the evaluation saw, as a list of labelled values rather than raw JSON. */
export function EvidenceList({ evidence }: { evidence: Record<string, unknown> }) {
  const entries = describeEvidence(evidence);
  if (entries.length === 0) return <p className="muted">No evidence recorded.</p>;
  return <EvidenceEntries entries={entries} />;
}
