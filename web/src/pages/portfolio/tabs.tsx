import { type KeyboardEvent, type ReactNode, useRef } from 'react';

export interface TabDefinition<T extends string> {
  id: T;
  label: string;
}

const tabId = (prefix: string, id: string) => `${prefix}-tab-${id}`;
const panelId = (prefix: string, id: string) => `${prefix}-panel-${id}`;

/**
 * A WAI-ARIA tab list: one tab stop, arrow keys (and Home/End) move between tabs and show them
 * straight away, since every panel loads quickly.
 */
export function Tabs<T extends string>({ label, idPrefix, tabs, selected, onSelect }: { label: string; idPrefix: string; tabs: readonly TabDefinition<T>[]; selected: T; onSelect: (id: T) => void }) {
  const buttons = useRef(new Map<T, HTMLButtonElement>());

  const move = (event: KeyboardEvent, from: number) => {
    const last = tabs.length - 1;
    const to = { ArrowRight: from === last ? 0 : from + 1, ArrowLeft: from === 0 ? last : from - 1, Home: 0, End: last }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = tabs[to].id;
    onSelect(next);
    buttons.current.get(next)?.focus();
  };

  return (
    <div role="tablist" aria-label={label} className="tabs">
      {tabs.map((tab, index) => (
        <button
          key={tab.id}
          ref={(element) => {
            if (element) buttons.current.set(tab.id, element);
            else buttons.current.delete(tab.id);
          }}
          type="button"
          role="tab"
          id={tabId(idPrefix, tab.id)}
          aria-selected={tab.id === selected}
          aria-controls={panelId(idPrefix, tab.id)}
          tabIndex={tab.id === selected ? 0 : -1}
          className="tab"
          onClick={() => onSelect(tab.id)}
          onKeyDown={(event) => move(event, index)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

/** The panel of the selected tab; only that one is rendered, so hidden panels fetch nothing. */
export function TabPanel({ idPrefix, tab, children }: { idPrefix: string; tab: string; children: ReactNode }) {
  return (
    <div role="tabpanel" id={panelId(idPrefix, tab)} aria-labelledby={tabId(idPrefix, tab)} tabIndex={0} className="tab-panel">
      {children}
    </div>
  );
}
