import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { shortenHash } from '../lib/format';
import { urls } from '../lib/urls';
import { localName, useAddressName } from '../lib/names';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Insecure contexts (plain http on a LAN IP) have no clipboard API: fall back.
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.appendChild(ta);
    ta.select();
    const ok = document.execCommand('copy');
    ta.remove();
    return ok;
  }
}

export function CopyButton({ value }: { value: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="copy-btn"
      aria-label={copied ? t('copy.copied') : t('copy.copy')}
      title={copied ? t('copy.copied') : t('copy.copy')}
      onClick={async () => {
        if (await copyText(value)) {
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        }
      }}
    >
      {copied ? (
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" strokeWidth="2" /></svg>
      ) : (
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><rect x="5" y="5" width="9" height="9" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" /><path d="M11 3.5V3a1 1 0 0 0-1-1H3a1 1 0 0 0-1 1v7a1 1 0 0 0 1 1h.5" fill="none" stroke="currentColor" strokeWidth="1.5" /></svg>
      )}
    </button>
  );
}

interface HashProps {
  value: string;
  /** Link target; omit for plain text. */
  to?: string;
  /** Show the full value (wrapping) instead of the shortened one. */
  full?: boolean;
  copy?: boolean;
  head?: number;
  tail?: number;
  className?: string;
  testId?: string;
}

/** A hash or address: shortened (full value in the title), monospace, optional link and copy. */
export function Hash({ value, to, full, copy = true, head, tail, className, testId }: HashProps) {
  const text = full ? value : shortenHash(value, head, tail);
  const inner = to ? (
    <Link to={to} title={value} data-testid={testId}>
      {text}
    </Link>
  ) : (
    <span title={value} data-testid={testId}>
      {text}
    </span>
  );
  return (
    <span className={`hash${full ? ' hash-full' : ''}${className ? ' ' + className : ''}`} data-value={value}>
      {inner}
      {copy && <CopyButton value={value} />}
    </span>
  );
}

/**
 * An address shown by the best name it has (Account.label: the operator's label, else the
 * member's name, the token's, the verified contract's or the validator node's), the full
 * address in its title; the shortened hash when it has none. `name` is a name the page already
 * knows (a member's, in the reader's language); only the operator's own label outranks it.
 */
export function AddressLabel({ address, name, copy = false }: { address: string; name?: string | null; copy?: boolean }) {
  const { i18n } = useTranslation();
  const best = useAddressName(address);
  const shown = best?.source === 'OPERATOR' ? best.label : name || (best ? localName(best, i18n.language) : undefined);
  if (!shown) return <Hash value={address} to={urls.address(address)} copy={copy} />;
  return (
    <span className="hash addr-labelled" data-value={address} data-label-source={best?.source === 'OPERATOR' || !name ? best?.source : 'MEMBER'}>
      <Link to={urls.address(address)} title={address}>
        <span className="member-name">{shown}</span>
      </Link>
      {copy && <CopyButton value={address} />}
    </span>
  );
}
