// Builds signatures.json, the offline table that names calls and events of contracts nobody
// verified, from the ABIs in @openzeppelin/contracts' build artifacts (the well-known
// standards and building blocks most deployed contracts inherit). Run with
// `npm run signatures` after upgrading that package; the output is committed.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toEventSelector, toFunctionSelector, type AbiEvent, type AbiFunction } from 'viem';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('@openzeppelin/contracts/package.json'));
const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;

/** Earlier names win a selector both define, so the commoner standard names the call. */
const ARTIFACTS = [
  'ERC20', 'ERC721', 'ERC1155', 'Ownable', 'Ownable2Step', 'AccessControl', 'AccessControlEnumerable',
  'ERC20Permit', 'ERC20Burnable', 'ERC20Pausable', 'ERC20Votes', 'ERC20Wrapper', 'ERC4626',
  'ERC721Enumerable', 'ERC721URIStorage', 'ERC721Burnable', 'ERC1155Supply', 'ERC1155Burnable', 'ERC1155URIStorage',
  'Pausable', 'TimelockController', 'Governor', 'ERC2981', 'UUPSUpgradeable', 'TransparentUpgradeableProxy',
  'ProxyAdmin', 'UpgradeableBeacon', 'Multicall', 'ERC2771Forwarder', 'VestingWallet',
];

type Fragment = AbiFunction | AbiEvent;
const functions: Record<string, AbiFunction> = {};
const events: Record<string, AbiEvent[]> = {};
const same = (a: Fragment, b: Fragment) => JSON.stringify(a.inputs) === JSON.stringify(b.inputs);

for (const name of ARTIFACTS) {
  const { abi } = JSON.parse(readFileSync(join(pkgDir, 'build/contracts', `${name}.json`), 'utf8')) as { abi: Fragment[] };
  for (const item of abi) {
    if (item.type === 'function') {
      const selector = toFunctionSelector(item);
      functions[selector] ??= { type: 'function', name: item.name, inputs: item.inputs, outputs: item.outputs, stateMutability: item.stateMutability };
    } else if (item.type === 'event') {
      // ERC-20 and ERC-721 Transfer share a topic and differ in which arguments are indexed.
      const list = (events[toEventSelector(item)] ??= []);
      if (!list.some((e) => same(e, item))) list.push({ type: 'event', name: item.name, inputs: item.inputs, anonymous: false });
    }
  }
}

const out = { source: `@openzeppelin/contracts@${version}`, contracts: ARTIFACTS, functions, events };
writeFileSync(join(here, 'signatures.json'), `${JSON.stringify(out)}\n`);
process.stdout.write(`signatures.json: ${Object.keys(functions).length} functions, ${Object.keys(events).length} events from ${out.source}\n`);
