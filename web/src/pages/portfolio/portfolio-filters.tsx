import { useEffect, useEffectEvent, useId, useState } from 'react';
import type { Page } from '../../api/client.js';
import { type Baseline, type Grade, GRADES } from '../../api/domain.js';
import { useApi } from '../../api/use-api.js';
import { useDebounced } from '../../components/use-debounced.js';
import { type ChangeFilter, type ChangeWindow, DEFAULT_VIEW, type PortfolioView, hasClientFilters } from './portfolio-view.js';
import type { UpdateView } from './use-portfolio-view.js';

const SEARCH_DELAY_MS = 250;

const CHANGE_OPTIONS: { value: ChangeFilter | ''; label: string }[] = [
  { value: '', label: 'Any' },
  { value: 'any', label: 'Changed' },
  { value: 'up', label: 'Rose' },
  { value: 'down', label: 'Fell' },
];

const WINDOW_OPTIONS: { value: ChangeWindow; label: string }[] = [
  { value: 'previousRun', label: 'Previous run' },
  { value: '30d', label: '30 days ago' },
  { value: 'qbr', label: 'Last QBR' },
];

/** Which clients the summary, the fixes, the table and the heat map cover. */
export function PortfolioFilters({ view, update }: { view: PortfolioView; update: UpdateView }) {
  return (
    <search className="panel portfolio-filters" aria-label="Filter clients">
      <SearchField value={view.search} onSearch={(search) => update({ search }, { replace: view.search !== '' })} />
      <BaselineSelect value={view.baseline} onChange={(baseline) => update({ baseline })} />
      <GradeChoices value={view.grades} onChange={(grades) => update({ grades })} />
      <ChangeSelects changed={view.changed} changedSince={view.changedSince} update={update} />
      {hasClientFilters(view) && (
        <button type="button" className="button small clear-filters" onClick={() => update({ search: '', baseline: '', grades: [], changed: null, changedSince: DEFAULT_VIEW.changedSince })}>
          Clear filters
        </button>
      )}
    </search>
  );
}

/**
 * Searches once typing pauses. Starting a search adds a history entry and refining it replaces that
 * entry, so Back undoes the whole search rather than one keystroke. Follows the URL when it changes
 * underneath (Back, Clear filters).
 */
function SearchField({ value, onSearch }: { value: string; onSearch: (search: string) => void }) {
  const id = useId();
  const [text, setText] = useState(value);
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    setText(value);
  }
  const typed = text.trim();
  const settled = useDebounced(typed, SEARCH_DELAY_MS);
  const search = useEffectEvent(onSearch);

  useEffect(() => {
    // Only once the debounce has caught up with the box: when the URL changes underneath, `settled`
    // still holds the old text for a moment, and searching for it would undo that change.
    if (settled === typed && settled !== value) search(settled);
  }, [settled, typed, value]);

  return (
    <div className="field">
      <label htmlFor={id}>Search clients</label>
      <input id={id} type="search" value={text} placeholder="Client name" autoComplete="off" onChange={(event) => setText(event.target.value)} />
    </div>
  );
}

function BaselineSelect({ value, onChange }: { value: string; onChange: (baseline: string) => void }) {
  const id = useId();
  const baselines = useApi<Page<Baseline>>('/baselines');
  const names = baselines.data?.data.map((baseline) => baseline.name) ?? [];
  // A baseline from a shared link may have been renamed since (or the list is still loading): keep it
  // selectable so the select shows the filter that is applied.
  const unlisted = value && !names.includes(value) ? value : null;
  return (
    <div className="field">
      <label htmlFor={id}>Baseline</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} aria-describedby={baselines.error ? `${id}-error` : undefined}>
        <option value="">All baselines</option>
        {baselines.data?.data.map((baseline) => (
          <option key={baseline.id} value={baseline.name}>
            {baseline.name} ({baseline.clientCount})
          </option>
        ))}
        {unlisted && <option value={unlisted}>{unlisted}</option>}
      </select>
      {baselines.error && (
        <p id={`${id}-error`} className="hint">
          Baselines could not be loaded: {baselines.error.message}
        </p>
      )}
    </div>
  );
}

function GradeChoices({ value, onChange }: { value: Grade[]; onChange: (grades: Grade[]) => void }) {
  const toggle = (grade: Grade, checked: boolean) => onChange(GRADES.filter((each) => (each === grade ? checked : value.includes(each))));
  return (
    <fieldset className="field grade-choices">
      <legend>Grade</legend>
      {GRADES.map((grade) => (
        <label key={grade} className={`grade-choice grade-choice-${grade}`}>
          <input type="checkbox" checked={value.includes(grade)} onChange={(event) => toggle(grade, event.target.checked)} />
          <span className="visually-hidden">Grade </span>
          {grade}
        </label>
      ))}
    </fieldset>
  );
}

function ChangeSelects({ changed, changedSince, update }: { changed: ChangeFilter | null; changedSince: ChangeWindow; update: UpdateView }) {
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-changed`}>Score change</label>
        <select id={`${id}-changed`} value={changed ?? ''} onChange={(event) => update({ changed: (event.target.value || null) as ChangeFilter | null })}>
          {CHANGE_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-since`}>Compared with</label>
        <select id={`${id}-since`} value={changedSince} disabled={!changed} onChange={(event) => update({ changedSince: event.target.value as ChangeWindow })}>
          {WINDOW_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
