// One source file with numbered, highlighted lines: a lazy chunk of its own, so the tokenizer
// loads only when a verified contract's code is shown.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../../components/Hash';
import { tokenize, toLines } from '../../../lib/solidity-highlight';

export default function SourceView({ path, content, index, total }: { path: string; content: string; index: number; total: number }) {
  const { t } = useTranslation('explorer');
  const lines = useMemo(() => {
    const all = toLines(tokenize(content));
    // A file ending in a newline has no last line to number.
    return all.length > 1 && all[all.length - 1]!.length === 0 ? all.slice(0, -1) : all;
  }, [content]);
  return (
    <figure className="source" data-testid="source-file">
      <figcaption className="source-head">
        <span className="source-name">
          {total > 1 && <span className="muted">{t('contract.fileOf', { index, total })} </span>}
          <span className="mono">{path}</span>
        </span>
        <CopyButton value={content} />
      </figcaption>
      <pre className="code source-code" tabIndex={0} aria-label={path}>
        <code>
          {lines.map((line, i) => (
            <span className="line" key={i}>
              {line.map((tk, j) => (tk.kind === 'plain' ? tk.text : <span key={j} className={`tok-${tk.kind}`}>{tk.text}</span>))}
              {'\n'}
            </span>
          ))}
        </code>
      </pre>
    </figure>
  );
}
