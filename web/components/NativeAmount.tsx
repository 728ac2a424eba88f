// An amount of the chain's own coin, in the unit the API names (Status.nativeCoin): never a
// hard-coded "ETH", since this chain is not Ethereum. Until the status answers, the number
// shows alone.
import { useStatus } from '../lib/hooks';
import { useFormat } from '../lib/format';

export function useNativeCoin() {
  return useStatus().data?.status.nativeCoin;
}

export function NativeAmount({ wei, maxDecimals, testId }: { wei: string; maxDecimals?: number; testId?: string }) {
  const f = useFormat();
  const coin = useNativeCoin();
  const decimals = coin?.decimals ?? 18;
  return (
    <span data-testid={testId} data-value={wei}>
      {f.units(wei, decimals, maxDecimals ?? decimals)}
      {coin && <> <span className="unit">{coin.symbol}</span></>}
    </span>
  );
}
