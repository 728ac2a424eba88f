import { Link } from 'react-router';
import { urls } from '../../lib/urls';

/** A transaction hash, shortened, linking to its page. */
export const TxLink = ({ hash }: { hash: string }) => (
  <Link className="mono" to={urls.tx(hash)} title={hash}>
    {hash.slice(0, 10)}…{hash.slice(-6)}
  </Link>
);
