// One column list per table: the same list gives the table its headings and cells and the
// CSV download its columns, so the two cannot drift apart. Pure (cells are render callbacks).
import type { ReactNode } from 'react';
import { toCsv, type CsvCell } from './csv';

export interface Column<T> {
  /** The CSV heading (stable snake_case, never translated). */
  csv: string;
  /** The CSV value. */
  value: (row: T) => CsvCell;
  /** The on-screen heading (already translated); a column without one is in the CSV only. */
  heading?: string;
  /** The on-screen cell; defaults to the CSV value. */
  cell?: (row: T) => ReactNode;
  numeric?: boolean;
  className?: string;
}

export function columnsCsv<T>(columns: ReadonlyArray<Column<T>>, rows: readonly T[]): string {
  return toCsv(
    columns.map((c) => c.csv),
    rows.map((r) => columns.map((c) => c.value(r))),
  );
}

/** The columns shown on screen. */
export function shownColumns<T>(columns: ReadonlyArray<Column<T>>): Array<Column<T> & { heading: string }> {
  return columns.filter((c): c is Column<T> & { heading: string } => c.heading !== undefined);
}
