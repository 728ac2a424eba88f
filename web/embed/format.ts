// Intl helpers for the embed (the app's web/lib/format.ts pulls in react-i18next).

export function formatNumberish(lang: string, v: number): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(v);
}

/** Axis and value labels: compact numbers, compact ¥ for money. */
export function formatAxis(lang: string, v: number, money: boolean): string {
  return new Intl.NumberFormat(lang, {
    notation: 'compact',
    maximumFractionDigits: 1,
    ...(money ? { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' } : {}),
  }).format(v);
}
