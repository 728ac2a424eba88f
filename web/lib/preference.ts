// A user preference that a URL parameter can override for one visit (?lang=, ?theme=) and a
// toggle can remember (localStorage). Language and theme share these rules.

/** The value from ?param= if it parses, else the stored choice if it parses, else undefined. */
export function readPreference<T>(param: string, storageKey: string, parse: (v: string | null) => T | undefined): T | undefined {
  const fromUrl = parse(new URLSearchParams(location.search).get(param));
  if (fromUrl !== undefined) return fromUrl;
  try {
    return parse(localStorage.getItem(storageKey));
  } catch {
    return undefined; // storage disabled
  }
}

/** Remember a toggle's choice, and drop a ?param= that would otherwise win on reload. */
export function rememberPreference(param: string, storageKey: string, value: string): void {
  try {
    localStorage.setItem(storageKey, value);
  } catch {
    /* storage disabled */
  }
  const url = new URL(location.href);
  if (url.searchParams.has(param)) {
    url.searchParams.delete(param);
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  }
}
