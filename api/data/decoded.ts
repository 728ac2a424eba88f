// The indexer stores a decoded call or event as a name and its arguments in JSON; the API
// answers them as a list of name/value pairs. Pure.
import type { DecodedModel } from '../models';

export function decoded(name: string | null, args: string | null): DecodedModel | null {
  if (!name) return null;
  let parsed: unknown = [];
  try {
    parsed = args ? JSON.parse(args) : [];
  } catch {
    parsed = [];
  }
  const text = (x: unknown) => (typeof x === 'string' ? x : JSON.stringify(x));
  const list = Array.isArray(parsed)
    ? parsed.map((x, i) =>
        x && typeof x === 'object' && 'name' in x && 'value' in x
          ? { name: String((x as { name: unknown }).name), value: text((x as { value: unknown }).value) }
          : { name: String(i), value: text(x) },
      )
    : parsed && typeof parsed === 'object'
      ? Object.entries(parsed as Record<string, unknown>).map(([k, x]) => ({ name: k, value: text(x) }))
      : [];
  return { name, args: list };
}
