// A small Solidity tokenizer for the source viewer: comments, strings, numbers, keywords and
// types, nothing more. Pure; loaded lazily with the viewer. (A full grammar library would
// weigh more than the whole contract tab for the handful of classes a reader needs.)

export type TokenKind = 'comment' | 'string' | 'number' | 'keyword' | 'type' | 'plain';
export interface Token {
  kind: TokenKind;
  text: string;
}

const KEYWORDS = new Set([
  'pragma', 'solidity', 'import', 'from', 'as', 'contract', 'interface', 'library', 'abstract', 'is', 'function', 'modifier', 'event', 'error',
  'struct', 'enum', 'mapping', 'constructor', 'fallback', 'receive', 'returns', 'return', 'if', 'else', 'for', 'while', 'do', 'break', 'continue',
  'emit', 'revert', 'require', 'assert', 'new', 'delete', 'public', 'private', 'internal', 'external', 'view', 'pure', 'payable', 'constant',
  'immutable', 'override', 'virtual', 'memory', 'storage', 'calldata', 'indexed', 'anonymous', 'using', 'unchecked', 'try', 'catch', 'assembly',
  'true', 'false', 'this', 'super', 'type', 'let',
  // Units: `1 ether`, `7 days`.
  'wei', 'gwei', 'ether', 'seconds', 'minutes', 'hours', 'days', 'weeks',
]);
const TYPE = /^(address|bool|string|bytes\d*|u?int\d*|fixed|ufixed)$/;
// An unterminated block comment runs to the end of the file, as the compiler reads it.
const PATTERN = /(\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$))|("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|\b(0x[0-9a-fA-F_]+|\d[\d_]*(?:\.\d+)?(?:e\d+)?)\b|([A-Za-z_$][A-Za-z0-9_$]*)/g;

export function tokenize(source: string): Token[] {
  const out: Token[] = [];
  let at = 0;
  const push = (kind: TokenKind, text: string) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && last.kind === kind && kind === 'plain') last.text += text;
    else out.push({ kind, text });
  };
  for (const m of source.matchAll(PATTERN)) {
    push('plain', source.slice(at, m.index));
    const [text, comment, str, num, word] = m;
    if (comment) push('comment', text);
    else if (str) push('string', text);
    else if (num) push('number', text);
    else if (word && KEYWORDS.has(word)) push('keyword', text);
    else if (word && TYPE.test(word)) push('type', text);
    else push('plain', text);
    at = m.index + text.length;
  }
  push('plain', source.slice(at));
  return out;
}

/** The tokens split at line breaks (a token spanning lines, such as a block comment, in pieces): one array per line, for numbered lines. */
export function toLines(tokens: Token[]): Token[][] {
  const lines: Token[][] = [[]];
  for (const tk of tokens) {
    tk.text.split('\n').forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines[lines.length - 1]!.push({ kind: tk.kind, text: part });
    });
  }
  return lines;
}
