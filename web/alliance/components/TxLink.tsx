import { Link } from 'react-router';

/** A transaction hash, shortened, linking to its page. */
export const TxLink = ({ hash }: { hash: string }) => (
  <Link className="mono" to={`/tx/${hash}`} title={hash}>
    {hash.slice(0, 10)}…{hash.slice(-6)}
  </Link>
);
