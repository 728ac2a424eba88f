// A table drawn from a column list (web/alliance/lib/columns.ts): headings, cells and the
// stacked-row labels used at narrow widths all come from the same columns as the CSV.
import type { HTMLAttributes, ReactNode, ThHTMLAttributes } from 'react';
import { shownColumns, type Column } from '../alliance/lib/columns';

export function DataTable<T>({
  columns,
  rows,
  rowKey,
  rowProps,
  heading,
  headingProps,
  className = 'data stack',
  testId,
}: {
  columns: ReadonlyArray<Column<T>>;
  rows: readonly T[];
  rowKey: (row: T) => string;
  rowProps?: (row: T) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, unknown>;
  /** Draws a heading cell's content (e.g. a sort button); default: the heading text. */
  heading?: (column: Column<T> & { heading: string }) => ReactNode;
  headingProps?: (column: Column<T> & { heading: string }) => ThHTMLAttributes<HTMLTableCellElement>;
  /** The table's classes; `stack` turns rows into cards at narrow widths. */
  className?: string;
  testId?: string;
}) {
  const shown = shownColumns(columns);
  return (
    <div className="table-wrap">
      <table className={className} data-testid={testId}>
        <thead>
          <tr>
            {shown.map((c) => (
              <th key={c.csv} className={c.numeric ? 'num' : undefined} {...headingProps?.(c)}>
                {heading ? heading(c) : c.heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={rowKey(r)} {...rowProps?.(r)}>
              {shown.map((c) => (
                <td key={c.csv} className={[c.numeric ? 'num' : '', c.className ?? ''].join(' ').trim() || undefined} data-label={c.heading}>
                  {c.cell ? c.cell(r) : String(c.value(r) ?? '')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
