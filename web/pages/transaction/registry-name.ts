// The AllianceRegistry has no label of its own (it is neither a member, a token nor a verified
// contract): the transaction page names it wherever it shows its address.
import { useTranslation } from 'react-i18next';
import { useStatus } from '../../lib/hooks';

export function useRegistryName(): (address: string | null | undefined) => string | undefined {
  const { t } = useTranslation('explorer');
  const registry = useStatus().data?.status.registry ?? undefined;
  return (address) => (address && address === registry ? t('tx.registry') : undefined);
}
