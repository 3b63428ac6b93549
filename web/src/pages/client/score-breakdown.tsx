import { useState } from 'react';
import { CategoryScores } from './category-scores.js';
import type { Scorecard } from './client-types.js';
import { FrameworkCoverage, statementToggleId } from './framework-coverage.js';
import { FrameworkStatement } from './framework-statement.js';

/** The score broken down by category and by framework, with one framework's statement open below. */
export function ScoreBreakdown({ clientId, scorecard }: { clientId: string; scorecard: Scorecard }) {
  const [open, setOpen] = useState<string | null>(null);
  // The statement's Close button disappears with it; focus goes back to the framework it belongs to.
  const close = (frameworkId: string) => {
    setOpen(null);
    requestAnimationFrame(() => document.getElementById(statementToggleId(frameworkId))?.focus());
  };
  return (
    <>
      <div className="client-grid two">
        <CategoryScores categories={scorecard.categories} />
        <FrameworkCoverage frameworks={scorecard.frameworks} open={open} onToggle={(id) => setOpen(open === id ? null : id)} />
      </div>
      {open && <FrameworkStatement key={open} clientId={clientId} frameworkId={open} runId={scorecard.run.id} onClose={() => close(open)} />}
    </>
  );
}
