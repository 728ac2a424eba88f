// Registry names are written "English / 中文". Pure.

export function splitName(name: string): { en: string; zh: string } {
  const i = name.indexOf(' / ');
  return i < 0 ? { en: name, zh: name } : { en: name.slice(0, i).trim(), zh: name.slice(i + 3).trim() };
}
