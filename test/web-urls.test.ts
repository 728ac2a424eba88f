// The one URL helper of the web app (web/lib/urls.ts).
import { describe, expect, it } from 'vitest';
import { href, urls } from '../web/lib/urls';
import { embedPath } from '../web/embed/params';

describe('urls', () => {
  it('builds entity paths, encoding what is not a plain segment', () => {
    expect(urls.block(12)).toBe('/block/12');
    expect(urls.tx('0xab')).toBe('/tx/0xab');
    expect(urls.member('0x01')).toBe('/member/0x01');
    expect(urls.block('a/b')).toBe('/block/a%2Fb');
  });

  it('drops empty query values and encodes the rest', () => {
    expect(urls.search('浪潮 & co')).toBe('/search?q=%E6%B5%AA%E6%BD%AE+%26+co');
    expect(urls.patents({ member: '0x01' })).toBe('/patents?member=0x01');
    expect(urls.patents()).toBe('/patents');
    expect(href('/alliance', { lang: 'en', period: undefined }, 'kpi-PATENTS')).toBe('/alliance?lang=en#kpi-PATENTS');
  });

  it('embeds: the dialog and the page agree on one path shape', () => {
    expect(embedPath({ kind: 'stats', metric: 'BLOCKS' }, { lang: 'en', view: 'cumulative', interval: 'WEEK' })).toBe('/embed/stats/BLOCKS?lang=en&interval=WEEK');
  });
});
