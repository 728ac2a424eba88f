// One source file with syntax highlighting (a lazy chunk: the tokenizer loads with it).
import { tokenize } from '../../../lib/solidity-highlight';

export default function SourceView({ path, content }: { path: string; content: string }) {
  return (
    <figure className="source" data-testid="source-file">
      <figcaption className="mono">{path}</figcaption>
      <pre className="code" tabIndex={0}>
        <code>
          {tokenize(content).map((tk, i) => (tk.kind === 'plain' ? tk.text : <span key={i} className={`tok-${tk.kind}`}>{tk.text}</span>))}
        </code>
      </pre>
    </figure>
  );
}
