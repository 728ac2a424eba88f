// The Solidity highlighter of the contract tab's source view: which text becomes a keyword,
// type, string, comment or number, that no character is lost or added, and that a source
// full of markup renders as text, never as HTML.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createInstance } from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { tokenize, toLines, type Token, type TokenKind } from '../web/lib/solidity-highlight';
import SourceView from '../web/pages/address/contract/SourceView';
import enExplorer from '../web/i18n/locales/en/explorer.json';
import enCommon from '../web/i18n/locales/en/common.json';

/** The non-plain tokens, as [kind, text]. */
const marked = (src: string) => tokenize(src).filter((t) => t.kind !== 'plain').map((t) => [t.kind, t.text]);
const ofKind = (src: string, kind: TokenKind) => tokenize(src).filter((t) => t.kind === kind).map((t) => t.text);

const SAMPLE = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/* Fees, in basis points.
   "not a string" */
contract Ledger is Base {
    uint256 public constant MAX = 10_000;
    string private title = "Yu \\"credits\\" // not a comment";
    bytes32 immutable salt = 0xdeadBEEF;
    event Recorded(address indexed who, uint256 amount);

    function quote(uint256 amount) external pure returns (uint256) {
        return amount * 250 / MAX + 1.5e3 - 7 days; // fee
    }
}
`;

describe('tokenize', () => {
  it('marks keywords, types, strings, comments and numbers', () => {
    expect(marked('contract A is B { uint256 public x = 42; }')).toEqual([
      ['keyword', 'contract'],
      ['keyword', 'is'],
      ['type', 'uint256'],
      ['keyword', 'public'],
      ['number', '42'],
    ]);
    expect(marked('function f(address a, bytes32 b) external view returns (bool) {}')).toEqual([
      ['keyword', 'function'],
      ['type', 'address'],
      ['type', 'bytes32'],
      ['keyword', 'external'],
      ['keyword', 'view'],
      ['keyword', 'returns'],
      ['type', 'bool'],
    ]);
    expect(ofKind(SAMPLE, 'comment')).toEqual(['// SPDX-License-Identifier: MIT', '/* Fees, in basis points.\n   "not a string" */', '// fee']);
    expect(ofKind(SAMPLE, 'string')).toEqual(['"Yu \\"credits\\" // not a comment"']);
    expect(ofKind(SAMPLE, 'number')).toEqual(['0.8', '24', '10_000', '0xdeadBEEF', '250', '1.5e3', '7']);
    expect(ofKind(SAMPLE, 'keyword')).toEqual(expect.arrayContaining(['pragma', 'solidity', 'constant', 'immutable', 'event', 'indexed', 'pure', 'return', 'days']));
    expect(ofKind(SAMPLE, 'type')).toEqual(['uint256', 'string', 'bytes32', 'address', 'uint256', 'uint256', 'uint256']);
  });

  it('leaves identifiers that merely contain a keyword or a type plain', () => {
    expect(marked('returnsX contractAddr uint256x myaddress _if if2 $this')).toEqual([]);
    // Digits inside a name are not a number.
    expect(marked('x1 v2Pool')).toEqual([]);
  });

  it('single-quoted strings and escapes; a string never swallows the next line', () => {
    expect(ofKind(`a = 'it\\'s'; b = "x";`, 'string')).toEqual([`'it\\'s'`, '"x"']);
    // Unterminated: the quote stays plain and the next line is tokenised normally.
    expect(marked('s = "open\nuint8 n = 1;')).toEqual([['type', 'uint8'], ['number', '1']]);
  });

  it('an unterminated block comment runs to the end of the file', () => {
    expect(marked('uint a; /* open\ncontract X {}')).toEqual([['type', 'uint'], ['comment', '/* open\ncontract X {}']]);
  });

  it('loses and adds nothing: the tokens spell the source back', () => {
    for (const src of [SAMPLE, '', '   ', 'a<b>&c', '/* */"\'\n\n', 'π = 3; "日本"']) {
      expect(tokenize(src).map((t) => t.text).join('')).toBe(src);
    }
    // Adjacent plain text is one token, not a token per character.
    expect(tokenize('a + b')).toEqual([{ kind: 'plain', text: 'a + b' }]);
  });
});

describe('toLines', () => {
  it('splits tokens at line breaks, a multi-line comment into one piece per line', () => {
    const lines = toLines(tokenize('uint a;\n/* x\ny */ b'));
    expect(lines).toEqual([
      [{ kind: 'type', text: 'uint' }, { kind: 'plain', text: ' a;' }],
      [{ kind: 'comment', text: '/* x' }],
      [{ kind: 'comment', text: 'y */' }, { kind: 'plain', text: ' b' }],
    ]);
    const flat = (ls: Token[][]) => ls.map((l) => l.map((t) => t.text).join('')).join('\n');
    expect(flat(toLines(tokenize(SAMPLE)))).toBe(SAMPLE);
  });
});

describe('SourceView', () => {
  const render = (content: string) => {
    const i18n = createInstance();
    void i18n.use(initReactI18next).init({
      lng: 'en',
      resources: { en: { explorer: enExplorer, common: enCommon } },
      ns: ['explorer', 'common'],
      defaultNS: 'common',
      initImmediate: false,
      showSupportNotice: false,
    });
    return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(SourceView, { path: 'a<b>.sol', content, index: 1, total: 2 })));
  };

  it('renders markup in a source as text, inside comments, strings and plain code alike', () => {
    const html = render('// <img src=x onerror=alert(1)>\nstring s = "</code><script>alert(2)</script>";\n<b>bold</b> & "&amp;";\n');
    expect(html).not.toMatch(/<(img|script|b)[\s>]/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;/code&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt; &amp; ');
    expect(html).toContain('&amp;amp;');
    // The path is text too.
    expect(html).toContain('a&lt;b&gt;.sol');
  });

  it('one numbered line per source line, highlighted, with the file position', () => {
    const html = render(SAMPLE);
    expect(html.match(/class="line"/g)).toHaveLength(SAMPLE.split('\n').length - 1);
    expect(html).toContain('<span class="tok-keyword">contract</span>');
    expect(html).toContain('<span class="tok-type">uint256</span>');
    expect(html).toContain('<span class="tok-number">10_000</span>');
    expect(html).toContain('File 1 of 2:');
  });
});
