// Domestic or overseas: one definition for the API's filters and breakdowns and the web.
// The registry stores an ISO 3166-1 alpha-2 code; domestic means China, code CN. Names such
// as "China" or "中国" are not codes and are not accepted as such anywhere.

export type RegionName = 'DOMESTIC' | 'OVERSEAS';

/** Whether a member's country code is China's (case and surrounding spaces ignored). */
export function isDomestic(country: string | null | undefined): boolean {
  return (country ?? '').trim().toUpperCase() === 'CN';
}

export function regionOf(country: string | null | undefined): RegionName {
  return isDomestic(country) ? 'DOMESTIC' : 'OVERSEAS';
}
