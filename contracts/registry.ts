// What the rest of the repo imports to talk to AllianceRegistry: the typed ABI, the init
// code (for deploying it on the devnet and in tests) and the KPI key encoding.
import { KPI_KEYS, type KpiKey } from '../config/constants';

export { allianceRegistryAbi } from './abi';
export { allianceRegistryBytecode } from './bytecode';

type Hex = `0x${string}`;

/** ASCII text right-padded with zero bytes to a bytes32 (how KPI keys and patent numbers go on chain). */
export function asciiToBytes32(text: string): Hex {
  if (!/^[\x20-\x7e]*$/.test(text)) throw new Error(`not printable ASCII: ${JSON.stringify(text)}`);
  if (text.length > 32) throw new Error(`longer than 32 bytes: ${JSON.stringify(text)}`);
  let hex = '';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(2, '0');
  return `0x${hex.padEnd(64, '0')}`;
}

/** Inverse of asciiToBytes32: strips the zero padding. Throws on anything that is not such a value. */
export function bytes32ToAscii(value: Hex): string {
  if (!/^0x[0-9a-fA-F]{64}$/.test(value)) throw new Error(`not a bytes32: ${value}`);
  const hex = value.slice(2).replace(/(00)+$/, '');
  let text = '';
  for (let i = 0; i < hex.length; i += 2) {
    const code = parseInt(hex.slice(i, i + 2), 16);
    if (code < 0x20 || code > 0x7e) throw new Error(`not padded ASCII: ${value}`);
    text += String.fromCharCode(code);
  }
  return text;
}

/** The bytes32 a KPI is keyed by on chain, e.g. kpiKey('patents'). */
export function kpiKey(name: KpiKey): Hex {
  return asciiToBytes32(name);
}

/** The KPI a bytes32 key names, or undefined for keys this app does not know (never trust chain input). */
export function kpiFromKey(key: Hex): KpiKey | undefined {
  let text: string;
  try {
    text = bytes32ToAscii(key);
  } catch {
    return undefined;
  }
  return (KPI_KEYS as readonly string[]).includes(text) ? (text as KpiKey) : undefined;
}
