// A token as a link with its cleaned name and symbol, plainly marked when what it reported
// could not be read or had to be repaired; and the full list of those problems.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { tokenLabel } from '../../lib/tokens';
import type { TokenRef } from './resources';
import { urls } from '../../lib/urls';

/** Each problem as a sentence: the API's issues, then what the page itself repaired. */
export function useTokenProblems(token: Pick<TokenRef, 'address' | 'name' | 'symbol' | 'issues'> & { decimals?: number | null }) {
  const { t } = useTranslation('tokens');
  const label = tokenLabel(token);
  return [
    ...token.issues.map((i) => t(`problems.${i}`)),
    ...label.repairs.map((r) => t(`problems.${r}`)),
  ];
}

export function TokenName({ token, link = true }: { token: TokenRef; link?: boolean }) {
  const { t } = useTranslation('tokens');
  const label = tokenLabel(token);
  const problems = useTokenProblems(token);
  const text = (
    <>
      <span className="token-name">{label.name}</span>
      {label.symbol && <span className="muted"> ({label.symbol})</span>}
    </>
  );
  return (
    <span className="token-ref" data-testid="token-ref" data-address={token.address}>
      {link ? (
        <Link to={urls.token(token.address)} title={`${token.name ?? ''} ${token.address}`.trim()}>
          {text}
        </Link>
      ) : (
        text
      )}
      {problems.length > 0 && (
        <span className="badge badge-warn token-flag" title={problems.join('\n')} data-testid="token-flag">
          ! <span className="visually-hidden">{t('problems.marked')}</span>
        </span>
      )}
    </span>
  );
}

/** The problems of one token, listed (token page). */
export function TokenProblems({ token }: { token: TokenRef }) {
  const { t } = useTranslation('tokens');
  const problems = useTokenProblems(token);
  if (problems.length === 0) return null;
  return (
    <div className="token-problems" role="note" data-testid="token-problems">
      <strong>{t('problems.marked')}</strong>
      <ul>
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </div>
  );
}
