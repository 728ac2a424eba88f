// Plan periods are Chongqing calendar dates (China Standard Time), whatever the viewer's zone.
export function planDateFormat(lang: string): (unixSeconds: number) => string {
  const fmt = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' });
  return (s) => fmt.format(s * 1000);
}
