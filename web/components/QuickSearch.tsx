// The search box with suggestions as you type (blocks, transactions, addresses, members,
// tokens), after the WAI-ARIA combobox pattern: focus stays in the input, the active option
// is announced through aria-activedescendant. ArrowDown/ArrowUp move (wrapping), Home/End
// jump once an option is active, Enter opens the active option (or the full search page),
// Escape closes the list, then clears the box.
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { moveActive, shouldSuggest, suggestionHref } from '../lib/quickSearch';
import { useSuggestions } from '../lib/suggestions';
import { shortenHash } from '../lib/format';
import { cleanText, MAX_NAME_CHARS } from '../lib/tokens';
import '../styles/accounts.css';
import { urls } from '../lib/urls';

const DEBOUNCE_MS = 200;

function useDebounced(value: string, ms: number): string {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

type Suggestion = ReturnType<typeof useSuggestions>['suggestions'][number];

/** Label and detail come from chain data (token names): cleaned and bounded like every token label. */
function SuggestionText({ s }: { s: Suggestion }) {
  const long = s.kind === 'TRANSACTION' || s.kind === 'BLOCK' || s.kind === 'ADDRESS';
  // An address the operator labelled comes with the label as its text and the address as detail.
  const hex = long && s.label.startsWith('0x');
  const label = hex ? shortenHash(s.label, 10, 8) : (cleanText(s.label, MAX_NAME_CHARS) ?? shortenHash(s.value));
  const detail = cleanText(s.detail, MAX_NAME_CHARS);
  return (
    <span className="qs-main">
      <span className={hex || (long && s.kind !== 'ADDRESS') ? 'mono' : undefined}>{label}</span>
      {detail && <span className="qs-detail muted">{detail}</span>}
    </span>
  );
}

export function QuickSearch({ autoFocus, large }: { autoFocus?: boolean; large?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const uid = useId();
  const inputId = large ? 'search-hero' : 'search-header';
  const listId = `${uid}-list`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const rootRef = useRef<HTMLFormElement>(null);
  const query = useDebounced(text.trim(), DEBOUNCE_MS);
  const wanted = open && shouldSuggest(query);
  const { suggestions, loading, error } = useSuggestions(query, wanted);
  const items = wanted ? suggestions : [];
  const settled = query === text.trim();

  useEffect(() => setActive(-1), [query]);

  const go = (path: string) => {
    setOpen(false);
    setActive(-1);
    setText('');
    navigate(path);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const chosen = open ? items[active] : undefined;
    if (chosen) return go(suggestionHref(chosen.kind, chosen.value));
    const q = text.trim();
    if (q) go(urls.search(q));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp' || ((e.key === 'Home' || e.key === 'End') && active >= 0)) {
      e.preventDefault();
      if (!open) setOpen(true);
      setActive((a) => moveActive(a, items.length, e.key as 'ArrowDown'));
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (open && shouldSuggest(text)) {
        setOpen(false);
        setActive(-1);
      } else setText('');
    }
  };

  const showList = wanted && settled;
  const optionId = (i: number) => `${uid}-opt-${i}`;
  return (
    <form
      ref={rootRef}
      role="search"
      className={`search${large ? ' search-large' : ''}`}
      onSubmit={onSubmit}
      onBlur={(e) => {
        if (!rootRef.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <label className="visually-hidden" htmlFor={inputId}>
        {t('search.label')}
      </label>
      <div className="qs">
        <input
          id={inputId}
          name="q"
          type="search"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
          data-search-input={large ? 'hero' : 'header'}
          placeholder={t('search.placeholder')}
          autoComplete="off"
          spellCheck={false}
          autoFocus={autoFocus}
          enterKeyHint="search"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onKeyDown={onKeyDown}
        />
        <div className="qs-popup" hidden={!showList} data-testid="qs-popup">
          <ul id={listId} role="listbox" aria-label={t('search.suggestions')} className="qs-list">
            {items.map((s, i) => (
              <li
                key={`${s.kind}-${s.value}`}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className="qs-option"
                data-testid="qs-option"
                data-kind={s.kind}
                data-href={suggestionHref(s.kind, s.value)}
                onMouseDown={(e) => e.preventDefault()}
                onMouseMove={() => setActive(i)}
                onClick={() => go(suggestionHref(s.kind, s.value))}
              >
                <span className="badge qs-kind">{t(`search.kinds.${s.kind}`)}</span>
                <SuggestionText s={s} />
              </li>
            ))}
          </ul>
          <p className="qs-status muted" role="status" data-testid="qs-status">
            {loading ? t('search.suggesting') : error ? t('search.suggestError') : items.length === 0 ? t('search.noSuggestions') : t('search.suggestCount', { count: items.length })}
          </p>
        </div>
      </div>
      <kbd className="search-kbd" aria-hidden="true">/</kbd>
      <button type="submit" className="btn btn-primary">
        {t('search.submit')}
      </button>
    </form>
  );
}
