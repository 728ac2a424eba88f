// A token id's image, as yuscan serves it (/media/…): always an <img>, never inline markup,
// so an SVG's scripts cannot run; a plain placeholder while there is none.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function NftImage({ src, alt, size, status }: { src: string | null | undefined; alt: string; size: 'thumb' | 'large'; status?: string }) {
  const { t } = useTranslation('tokens');
  const [broken, setBroken] = useState(false);
  if (!src || broken) {
    const why = broken ? t('instance.imageBroken') : status === 'PENDING' ? t('instance.imagePending') : t('instance.noImage');
    return (
      <span className={`nft-image nft-${size} nft-none`} role="img" aria-label={why} data-testid={`nft-${size}`} data-state={broken ? 'broken' : 'none'}>
        {size === 'large' ? why : '#'}
      </span>
    );
  }
  return <img className={`nft-image nft-${size}`} src={src} alt={alt} loading="lazy" decoding="async" onError={() => setBroken(true)} data-testid={`nft-${size}`} />;
}
