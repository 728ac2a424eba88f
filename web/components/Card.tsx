import type { ReactNode } from 'react';

export function Card({ title, actions, children, className, testId }: {
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <section className={`card${className ? ' ' + className : ''}`} data-testid={testId}>
      {(title || actions) && (
        <header className="card-head">
          {title && <h2 className="card-title">{title}</h2>}
          {actions && <div className="card-actions">{actions}</div>}
        </header>
      )}
      <div className="card-body">{children}</div>
    </section>
  );
}

/** Definition list for detail pages: label / value rows, stacked on narrow screens. */
export function KeyValue({ rows }: { rows: ([ReactNode, ReactNode, string?] | false | null | undefined)[] }) {
  return (
    <dl className="kv">
      {rows.filter(Boolean).map((row, i) => {
        const [k, v, id] = row as [ReactNode, ReactNode, string?];
        return (
          <div className="kv-row" key={i} data-testid={id ? `kv-${id}` : undefined}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        );
      })}
    </dl>
  );
}
