// One cursor-paged list of a connection resource with its four states, its pager and a CSV
// export of every page (capped like every export, see lib/pages.ts).
import type { ReactNode } from 'react';
import { CsvButton } from '../../alliance/components/Export';
import { Pagination, useCursor } from '../../components/Pagination';
import { ListState } from '../../components/states';
import { useResource } from '../../lib/hooks';
import { fetchAllPages } from '../../lib/pages';
import type { DataOf, ResourceName, VarsOf } from '../../lib/registry';
import type { PageInfo } from '../../lib/resources';

type Conn<T> = { edges: { node: T }[]; pageInfo: PageInfo };
export const PAGE_SIZE = 25;

export function PagedList<K extends ResourceName, T>({
  name,
  vars,
  pick,
  empty,
  csv,
  whenNull,
  children,
}: {
  name: K;
  vars: Omit<VarsOf<K>, 'first' | 'after'>;
  /** The connection in the answer; null when the API says the list is unavailable. */
  pick: (d: DataOf<K>) => Conn<T> | null | undefined;
  empty: ReactNode;
  /** File name and builder of the CSV of every page. */
  csv?: { filename: string; build: (rows: T[]) => string };
  /** Shown instead of the list when `pick` gives null (e.g. internal transactions on a node without tracing). */
  whenNull?: ReactNode;
  children: (rows: T[]) => ReactNode;
}) {
  const cursor = useCursor();
  const q = useResource(name, { ...vars, first: PAGE_SIZE, after: cursor.after } as VarsOf<K>);
  const conn = q.data ? pick(q.data) : undefined;
  if (q.data && conn === null && whenNull) return <>{whenNull}</>;
  const rows = conn?.edges.map((e) => e.node);
  return (
    <>
      {csv && rows && rows.length > 0 && (
        <div className="panel-actions">
          <CsvButton
            filename={csv.filename}
            testId="csv-export"
            build={async () => csv.build(await fetchAllPages(name, vars, (d) => pick(d) ?? { edges: [], pageInfo: { hasNextPage: false, endCursor: null } }))}
          />
        </div>
      )}
      <ListState query={q} items={rows} empty={empty}>
        {children}
      </ListState>
      <Pagination pageInfo={conn?.pageInfo} cursor={cursor} />
    </>
  );
}
