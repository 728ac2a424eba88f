// Decoded arguments, made readable: addresses link, padded ASCII shows as text, times as
// dates, yuan as ¥. Shared by the transaction's method, its logs and its trace frames.
import { Hash } from '../../components/Hash';
import { useFormat } from '../../lib/format';
import type { DecodedArg } from '../../lib/resources';
import { urls } from '../../lib/urls';

const isAddress = (s: string) => /^0x[0-9a-fA-F]{40}$/.test(s);

/** A bytes32 that is right-padded printable ASCII (KPI keys, patent numbers), as text. */
function bytes32Text(v: string): string | undefined {
  if (!/^0x[0-9a-f]{64}$/i.test(v)) return undefined;
  const hex = v.slice(2).replace(/(00)+$/, '');
  if (!hex) return undefined;
  let out = '';
  for (let i = 0; i < hex.length; i += 2) {
    const c = parseInt(hex.slice(i, i + 2), 16);
    if (c < 0x20 || c > 0x7e) return undefined;
    out += String.fromCharCode(c);
  }
  return out;
}

const TIME_ARGS = new Set(['at', 'filedAt', 'periodStart', 'periodEnd']);

/** One decoded argument, made readable: addresses link, padded ASCII shows as text, times as dates, yuan as ¥. */
function ArgValue({ name, value }: DecodedArg) {
  const f = useFormat();
  if (isAddress(value)) return <Hash value={value.toLowerCase()} to={urls.address(value.toLowerCase())} full />;
  const text = bytes32Text(value);
  if (text) return <><strong>{text}</strong> <span className="hash hash-full muted"><span>{value}</span></span></>;
  if (/^\d+$/.test(value) && TIME_ARGS.has(name)) return <>{f.dateTime(Number(value))} <span className="muted mono">({value})</span></>;
  if (/^\d+$/.test(value) && name === 'amountCny') return <>{f.cny(value)}</>;
  if (/^0x[0-9a-f]*$/i.test(value)) return <span className="hash hash-full"><span>{value}</span></span>;
  return <>{value}</>;
}

/** Decoded arguments in ABI order. */
export function Args({ args }: { args: DecodedArg[] }) {
  return (
    <dl className="kv args" data-testid="decoded-args">
      {args.map((a) => (
        <div className="kv-row" key={a.name}>
          <dt className="mono">{a.name}</dt>
          <dd data-arg={a.name} data-value={a.value}>
            <ArgValue {...a} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
