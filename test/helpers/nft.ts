// An ERC-721 and an ERC-1155 whose URIs the test sets per id, compiled with the npm solc
// (offline) and deployed to a node: for the token metadata suites.
import { compileSolidity } from './anvil';
import { encodeDeployData, encodeFunctionData, type Abi, type Hex } from 'viem';

const SOURCE = `// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;
contract Picture {
  event Transfer(address indexed from, address indexed to, uint256 indexed id);
  mapping(uint256 => address) public ownerOf;
  mapping(address => uint256) public balanceOf;
  mapping(uint256 => string) private uris;
  string public name = "Picture";
  string public symbol = "PIC";
  function supportsInterface(bytes4 i) external pure returns (bool) { return i == 0x80ac58cd || i == 0x01ffc9a7; }
  function mint(address to, uint256 id, string calldata u) external {
    ownerOf[id] = to; balanceOf[to] += 1; uris[id] = u;
    emit Transfer(address(0), to, id);
  }
  function setURI(uint256 id, string calldata u) external { uris[id] = u; }
  function tokenURI(uint256 id) external view returns (string memory) {
    require(ownerOf[id] != address(0), "no such token");
    return uris[id];
  }
}
contract Sheet {
  event TransferSingle(address indexed operator, address indexed from, address indexed to, uint256 id, uint256 value);
  mapping(uint256 => mapping(address => uint256)) public balanceOf;
  string private base;
  string public name = "Sheet";
  constructor(string memory b) { base = b; }
  function supportsInterface(bytes4 i) external pure returns (bool) { return i == 0xd9b67a26 || i == 0x01ffc9a7; }
  function mint(address to, uint256 id, uint256 v) external {
    balanceOf[id][to] += v;
    emit TransferSingle(msg.sender, address(0), to, id, v);
  }
  function uri(uint256) external view returns (string memory) { return base; }
}`;

interface Artifact { abi: Abi; bytecode: Hex }
let compiled: { picture: Artifact; sheet: Artifact } | undefined;

export function nftArtifacts(): { picture: Artifact; sheet: Artifact } {
  if (compiled) return compiled;
  const out = compileSolidity('Nft.sol', SOURCE) as Record<string, Artifact>;
  compiled = { picture: out.Picture!, sheet: out.Sheet! };
  return compiled;
}

type Rpc = <T = any>(method: string, params?: unknown[]) => Promise<T>;

/** Send from `from` and mine; the receipt. */
async function sendMined(rpc: Rpc, from: Hex, tx: { to?: Hex; data: Hex }): Promise<{ contractAddress: Hex | null; status: Hex }> {
  const hash = await rpc<Hex>('eth_sendTransaction', [{ from, ...tx, gas: '0x989680' }]);
  await rpc('evm_mine');
  const receipt = await rpc<{ contractAddress: Hex | null; status: Hex }>('eth_getTransactionReceipt', [hash]);
  if (receipt.status !== '0x1') throw new Error(`transaction ${hash} failed`);
  return receipt;
}

export interface NftContracts {
  picture: Hex;
  sheet: Hex;
  mintPicture(to: Hex, id: bigint, uri: string): Promise<void>;
  setPictureUri(id: bigint, uri: string): Promise<void>;
  mintSheet(to: Hex, id: bigint, value: bigint): Promise<void>;
}

/** Deploy both from `from`; the ERC-1155's uri() answers `sheetUri` for every id. */
export async function deployNfts(rpc: Rpc, from: Hex, sheetUri: string): Promise<NftContracts> {
  const { picture, sheet } = nftArtifacts();
  const p = (await sendMined(rpc, from, { data: picture.bytecode })).contractAddress!;
  const s = (await sendMined(rpc, from, { data: encodeDeployData({ abi: sheet.abi, bytecode: sheet.bytecode, args: [sheetUri] }) })).contractAddress!;
  const call = (to: Hex, abi: Abi, functionName: string, args: unknown[]) => sendMined(rpc, from, { to, data: encodeFunctionData({ abi, functionName, args }) });
  return {
    picture: p.toLowerCase() as Hex,
    sheet: s.toLowerCase() as Hex,
    mintPicture: async (to, id, uri) => void (await call(p, picture.abi, 'mint', [to, id, uri])),
    setPictureUri: async (id, uri) => void (await call(p, picture.abi, 'setURI', [id, uri])),
    mintSheet: async (to, id, value) => void (await call(s, sheet.abi, 'mint', [to, id, value])),
  };
}
