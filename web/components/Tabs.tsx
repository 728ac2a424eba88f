// ARIA tabs whose selection lives in the URL (?tab=), so a tab can be shared and reloaded.
// Arrow keys, Home and End move between tabs (automatic activation); switching a tab drops
// the previous tab's page cursor, since cursors belong to one list.
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useUrlState } from '../lib/urlState';

export interface TabDef<T extends string> {
  id: T;
  label: ReactNode;
}

/**
 * The selected tab id from `?tab=` (the first when absent or unknown) and a setter. `reset`
 * names further parameters that belong to the tab being left (a nested tab's own `param`).
 */
export function useTab<T extends string>(ids: readonly T[], param = 'tab', reset: readonly string[] = []) {
  const [params, setParam] = useUrlState();
  const raw = params.get(param);
  const tab = ids.includes(raw as T) ? (raw as T) : ids[0]!;
  const select = (id: T) => setParam({ [param]: id === ids[0] ? null : id, after: null, ...Object.fromEntries(reset.map((k) => [k, null])) });
  return [tab, select] as const;
}

export function Tabs<T extends string>({
  tabs,
  selected,
  onSelect,
  label,
  idPrefix,
  children,
}: {
  tabs: readonly TabDef<T>[];
  selected: T;
  onSelect: (id: T) => void;
  label: string;
  idPrefix: string;
  children: ReactNode;
}) {
  const refs = useRef(new Map<T, HTMLButtonElement>());
  const onKey = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.id === selected);
    const next =
      e.key === 'ArrowRight' ? (i + 1) % tabs.length
      : e.key === 'ArrowLeft' ? (i - 1 + tabs.length) % tabs.length
      : e.key === 'Home' ? 0
      : e.key === 'End' ? tabs.length - 1
      : -1;
    if (next < 0) return;
    e.preventDefault();
    const id = tabs[next]!.id;
    onSelect(id);
    refs.current.get(id)?.focus();
  };
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tab-list" onKeyDown={onKey}>
        {tabs.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              if (el) refs.current.set(t.id, el);
              else refs.current.delete(t.id);
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${t.id}`}
            aria-selected={t.id === selected}
            aria-controls={`${idPrefix}-panel`}
            tabIndex={t.id === selected ? 0 : -1}
            className="tab"
            data-testid={`tab-${t.id}`}
            onClick={() => onSelect(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${idPrefix}-panel`} aria-labelledby={`${idPrefix}-tab-${selected}`} className="tab-panel" data-testid={`panel-${selected}`}>
        {children}
      </div>
    </div>
  );
}
