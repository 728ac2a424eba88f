// Unit tests of verification's pure parts: metadata and immutables in bytecode matching,
// compiler resolution, request preparation and Etherscan parameter parsing. The bytecode
// comes from real solc-js compilations, not from hand-made strings.
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import solc from 'solc';
import { equalOutside, matchCreation, matchRuntime, metadataRanges, weaker } from '../api/verify/bytecode';
import { Compilers, UnknownCompilerError } from '../api/verify/compilers';
import { BadRequestError, prepareInput, type VerifyRequest } from '../api/verify/input';
import { findContract } from '../api/verify/verifier';
import { ApiInputError, addressList, block, paging, str } from '../api/etherscan/params';
import { callName, decodeCall, guessCall, guessLog, storedView, verifiedCall } from '../api/decode/decoder';
import { encodeAbiParameters, encodeEventTopics, encodeFunctionData, parseAbi } from 'viem';

const SOURCE = (comment: string, body = 'return x * 2;') => `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
// ${comment}
contract Box {
  uint256 public immutable factor;
  Child public child;
  constructor(uint256 f) { factor = f; child = new Child(); }
  function twice(uint256 x) external pure returns (uint256) { ${body} }
}
contract Child { function id() external pure returns (uint256) { return 7; } }
`;

function compile(source: string, settings: Record<string, unknown> = {}) {
  const input = {
    language: 'Solidity',
    sources: { 'Box.sol': { content: source } },
    settings: { ...settings, outputSelection: { '*': { '*': ['evm.bytecode.object', 'evm.deployedBytecode.object', 'evm.deployedBytecode.immutableReferences'] } } },
  };
  const out = JSON.parse(solc.compile(JSON.stringify(input)));
  const c = out.contracts['Box.sol'].Box;
  return { creation: c.evm.bytecode.object as string, runtime: c.evm.deployedBytecode.object as string, immutables: c.evm.deployedBytecode.immutableReferences };
}

const ARGS = encodeAbiParameters([{ type: 'uint256' }], [42n]).slice(2);

describe('bytecode matching', () => {
  const a = compile(SOURCE('first'));
  const b = compile(SOURCE('a different comment'));
  const c = compile(SOURCE('first', 'return x * 3;'));

  it('finds both CBOR metadata maps (Box and the Child it creates), ending in their length', () => {
    const ranges = metadataRanges(a.creation);
    expect(ranges).toHaveLength(2);
    for (const r of ranges) {
      expect(a.creation.slice(r.start, r.start + 2)).toBe('a2'); // ipfs + solc
      expect(a.creation.slice(r.end - 4, r.end)).toBe('0033'); // 51 bytes
    }
    expect(metadataRanges(compile(SOURCE('x'), { metadata: { appendCBOR: false } }).creation)).toEqual([]);
  });

  it('same source: full match, and the constructor arguments are what follows the creation code', () => {
    expect(matchCreation(a.creation, `0x${a.creation}${ARGS}`)).toEqual({ kind: 'full', constructorArgs: ARGS });
  });

  it('only the metadata differs (a comment changed): partial', () => {
    expect(a.creation).not.toBe(b.creation);
    expect(matchCreation(b.creation, a.creation + ARGS)).toEqual({ kind: 'partial', constructorArgs: ARGS });
    expect(matchRuntime(b.runtime, a.runtime, b.immutables)).toBe('partial');
  });

  it('different code: no match, in creation and runtime', () => {
    expect(matchCreation(c.creation, a.creation + ARGS)).toBeUndefined();
    expect(matchRuntime(c.runtime, a.runtime, c.immutables)).toBeUndefined();
    expect(matchCreation(a.creation, a.creation.slice(0, 100))).toBeUndefined();
  });

  it('immutables: the slots the constructor fills are ignored, nothing else is', () => {
    const refs = Object.values(a.immutables as Record<string, { start: number; length: number }[]>).flat();
    expect(refs.length).toBeGreaterThan(0);
    let deployed = a.runtime;
    for (const r of refs) deployed = deployed.slice(0, r.start * 2) + ARGS + deployed.slice((r.start + r.length) * 2);
    expect(deployed).not.toBe(a.runtime);
    expect(matchRuntime(a.runtime, deployed, a.immutables)).toBe('full');
    expect(matchRuntime(a.runtime, deployed, {})).toBeUndefined();
    const flipped = deployed.slice(0, 10) + (deployed[10] === '0' ? '1' : '0') + deployed.slice(11);
    expect(matchRuntime(a.runtime, flipped, a.immutables)).toBeUndefined();
  });

  it('equalOutside and weaker', () => {
    expect(equalOutside('aabbcc', 'aaffcc', [{ start: 2, end: 4 }])).toBe(true);
    expect(equalOutside('aabbcc', 'aaffcd', [{ start: 2, end: 4 }])).toBe(false);
    expect(equalOutside('aabb', 'aabbcc', [])).toBe(false);
    expect(weaker('full', undefined)).toBe('full');
    expect(weaker('full', 'partial')).toBe('partial');
    expect(weaker('partial', 'full')).toBe('partial');
  });
});

describe('compilers', () => {
  const npm = new Compilers();

  it('lists the npm builds with the long versions the builds themselves report, newest first; the default install has 0.8.19 and later', async () => {
    const list = await npm.list();
    expect(list.map((c) => c.longVersion)).toEqual(['v0.8.28+commit.7893614a', 'v0.8.26+commit.8a97fa7a', 'v0.8.24+commit.e11b9ed9', 'v0.8.19+commit.7dd6d404']);
    expect(list.map((c) => c.origin)).toEqual(['npm solc', 'npm solc-0.8.26', 'npm solc-0.8.24', 'npm solc-0.8.19']);
  }, 60_000);

  it('resolves Etherscan and short forms; refuses others, listing what is installed', async () => {
    expect((await npm.resolve('v0.8.24+commit.e11b9ed9')).build).toEqual({ package: 'solc-0.8.24' });
    expect((await npm.resolve('0.8.28')).build).toEqual({ package: 'solc' });
    await expect(npm.resolve('v0.8.24+commit.deadbeef')).rejects.toThrow(UnknownCompilerError);
    await expect(npm.resolve('v0.7.6+commit.7338295f')).rejects.toThrow(/not installed; .*v0\.8\.28\+commit\.7893614a, .*v0\.8\.19\+commit\.7dd6d404$/);
  }, 60_000);

  it('a compilers folder adds soljson files named as on binaries.soliditylang.org; other files are ignored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuscan-solc-'));
    symlinkSync(createRequire(import.meta.url).resolve('solc-0.8.19/soljson.js'), join(dir, 'soljson-v0.8.19+commit.7dd6d404.js'));
    writeFileSync(join(dir, 'README.txt'), 'not a compiler');
    const withFolder = new Compilers(dir);
    const hit = await withFolder.resolve('v0.8.19+commit.7dd6d404');
    expect(hit.origin).toBe(join(dir, 'soljson-v0.8.19+commit.7dd6d404.js'));
    expect((await withFolder.list()).length).toBe(4);
  }, 60_000);
});

describe('verification input', () => {
  const base: VerifyRequest = { address: '0x' + '1'.repeat(40), codeFormat: 'solidity-single-file', sourceCode: SOURCE('x'), contractName: 'Box', compilerVersion: '0.8.28', constructorArgs: '' };

  it('single file: one source named after the contract, optimizer and EVM version from the fields', () => {
    const p = prepareInput({ ...base, optimizationUsed: true, runs: 999, evmVersion: 'paris' });
    expect(Object.keys(p.sources)).toEqual(['Box.sol']);
    expect(p.input.settings).toMatchObject({ optimizer: { enabled: true, runs: 999 }, evmVersion: 'paris' });
  });

  it('standard JSON: path:Name, and our output selection replaces the client\'s', () => {
    const json = JSON.stringify({ language: 'Solidity', sources: { 'src/Box.sol': { content: SOURCE('x') } }, settings: { optimizer: { enabled: false }, outputSelection: {} } });
    const p = prepareInput({ ...base, codeFormat: 'solidity-standard-json-input', sourceCode: json, contractName: 'src/Box.sol:Box' });
    expect(p.path).toBe('src/Box.sol');
    expect(JSON.stringify(p.input.settings?.outputSelection)).toContain('immutableReferences');
  });

  it.each([
    ['not JSON', { codeFormat: 'solidity-standard-json-input' as const, sourceCode: '{nope' }, /not valid JSON/],
    ['wrong language', { codeFormat: 'solidity-standard-json-input' as const, sourceCode: '{"language":"Vyper","sources":{}}' }, /language/],
    ['URL source', { codeFormat: 'solidity-standard-json-input' as const, sourceCode: '{"language":"Solidity","sources":{"a.sol":{"urls":["http://x"]}}}' }, /not fetched/],
    ['bad name', { contractName: 'Box; drop table' }, /contract name/],
    ['missing path', { codeFormat: 'solidity-standard-json-input' as const, sourceCode: '{"language":"Solidity","sources":{"a.sol":{"content":""}}}', contractName: 'b.sol:Box' }, /not among/],
  ])('refuses %s', (_what, patch, reason) => {
    expect(() => prepareInput({ ...base, ...patch })).toThrow(BadRequestError);
    expect(() => prepareInput({ ...base, ...patch })).toThrow(reason);
  });

  it('findContract names ambiguity and absence', () => {
    const c = { abi: [], evm: { bytecode: { object: '' }, deployedBytecode: { object: '' } } };
    const out = { contracts: { 'a.sol': { Box: c }, 'b.sol': { Box: c } } };
    expect(findContract(out, { path: '', name: 'Box' })).toMatch(/defined in a\.sol and b\.sol/);
    expect(findContract(out, { path: 'a.sol', name: 'Box' })).toEqual({ path: 'a.sol', contract: c });
    expect(findContract(out, { path: '', name: 'Nope' })).toMatch(/no contract named Nope/);
  });
});

describe('Etherscan parameters', () => {
  it('paging defaults, caps and window', () => {
    expect(paging({}, 100)).toEqual({ page: 1, offset: 1000, sort: 'asc', startBlock: 0, endBlock: Number.MAX_SAFE_INTEGER });
    expect(paging({ page: '2', offset: '10', sort: 'desc', startblock: '5', endblock: 'latest' }, 100)).toEqual({ page: 2, offset: 10, sort: 'desc', startBlock: 5, endBlock: 100 });
    expect(() => paging({ offset: '1001' }, 1)).toThrow(ApiInputError);
    expect(() => paging({ page: '11', offset: '1000' }, 1)).toThrow(/Result window is too large/);
    expect(() => paging({ sort: 'sideways' }, 1)).toThrow(/asc or desc/);
    expect(() => paging({ startblock: '9', endblock: '3' }, 1)).toThrow(/after/);
    expect(() => paging({ page: '-1' }, 1)).toThrow(ApiInputError);
    expect(() => paging({ page: '1e3' }, 1)).toThrow(ApiInputError);
  });

  it('hex blocks, repeated parameters and address lists', () => {
    expect(block('0x10', 'fromBlock', 0, 5)).toBe(16);
    expect(() => str({ address: ['a', 'b'] }, 'address')).toThrow(/once/);
    expect(() => str({ address: { $ne: 1 } }, 'address')).toThrow(/once/);
    expect(addressList(`0x${'A'.repeat(40)},0x${'a'.repeat(40)}`)).toEqual([`0x${'a'.repeat(40)}`]);
    expect(() => addressList(Array(21).fill(`0x${'1'.repeat(40)}`).map((a, i) => a.slice(0, -2) + String(i).padStart(2, '0')).join(','))).toThrow(/at most 20/);
  });
});

describe('read-time decoding', () => {
  const abi = parseAbi(['function store(uint256 amount, string note)', 'event Stored(address indexed by, uint256 amount)']);

  it('verified ABI: method, Etherscan-style signature and named arguments', () => {
    const input = encodeFunctionData({ abi, functionName: 'store', args: [5n, 'hi'] });
    expect(verifiedCall(abi, input)).toEqual({ name: 'store', signature: 'store(uint256 amount, string note)', source: 'VERIFIED', args: [{ name: 'amount', value: '5' }, { name: 'note', value: 'hi' }] });
  });

  it('the signature table guesses ERC-20 calls and tells ERC-20 from ERC-721 Transfer by their indexed arguments', () => {
    const erc20 = parseAbi(['function transfer(address to, uint256 value)', 'event Transfer(address indexed from, address indexed to, uint256 value)']);
    const to = `0x${'b'.repeat(40)}` as const;
    expect(guessCall(encodeFunctionData({ abi: erc20, functionName: 'transfer', args: [to, 9n] }))).toMatchObject({ name: 'transfer', source: 'GUESS', args: [{ name: 'to', value: to }, { name: 'value', value: '9' }] });
    const topics20 = encodeEventTopics({ abi: erc20, eventName: 'Transfer', args: { from: to, to } }) as string[];
    expect(guessLog(topics20, encodeAbiParameters([{ type: 'uint256' }], [3n]))).toMatchObject({ name: 'Transfer', args: [{ name: 'from' }, { name: 'to' }, { name: 'value', value: '3' }] });
    const erc721 = parseAbi(['event Transfer(address indexed from, address indexed to, uint256 indexed tokenId)']);
    const topics721 = encodeEventTopics({ abi: erc721, eventName: 'Transfer', args: { from: to, to, tokenId: 77n } }) as string[];
    expect(guessLog(topics721, '0x')).toMatchObject({ name: 'Transfer', args: [{ name: 'from' }, { name: 'to' }, { name: 'tokenId', value: '77' }] });
    expect(guessCall('0xdeadbeef')).toBeNull();
  });

  it('an overloaded function is decoded by its selector, with that overload\'s parameters', () => {
    const overloaded = parseAbi(['function put(uint256 a)', 'function put(address who, uint256 a)']);
    const input = encodeFunctionData({ abi: overloaded, functionName: 'put', args: [`0x${'c'.repeat(40)}`, 3n] });
    expect(verifiedCall(overloaded, input)).toMatchObject({ signature: 'put(address who, uint256 a)', args: [{ name: 'who' }, { name: 'a', value: '3' }] });
  });

  it('callName (lists\' functionName) names exactly what decodeCall decodes', () => {
    const erc20 = parseAbi(['function transfer(address to, uint256 value)']);
    const store = encodeFunctionData({ abi, functionName: 'store', args: [5n, 'hi'] });
    const transfer = encodeFunctionData({ abi: erc20, functionName: 'transfer', args: [`0x${'b'.repeat(40)}`, 9n] });
    const cases: { input: string; method_name: string | null; method_args: string | null; abi?: typeof abi }[] = [
      { input: store, method_name: null, method_args: null, abi },
      { input: store, method_name: null, method_args: null }, // no ABI, not in the table
      { input: store.slice(0, 74), method_name: null, method_args: null, abi }, // arguments cut short
      { input: transfer, method_name: null, method_args: null },
      { input: transfer, method_name: null, method_args: null, abi }, // the ABI does not have it: a guess
      { input: transfer.slice(0, 40), method_name: null, method_args: null },
      { input: transfer, method_name: 'filePatent', method_args: '{}' },
      { input: '0x', method_name: null, method_args: null, abi },
      { input: '0xdeadbeef', method_name: null, method_args: null, abi },
    ];
    const names = cases.map((c) => {
      const d = decodeCall(c, c.abi);
      expect(callName(c, c.abi), c.input).toBe(d?.signature ?? d?.name ?? '');
      return callName(c, c.abi);
    });
    expect(names).toEqual(['store(uint256 amount, string note)', '', '', 'transfer(address to, uint256 value)', 'transfer(address to, uint256 value)', '', 'filePatent', '', '']);
  });

  it('stored registry decodes keep their names', () => {
    expect(storedView('filePatent', '{"applicationNo":"0x01","title":"t"}')).toMatchObject({ source: 'REGISTRY', args: [{ name: 'applicationNo', value: '0x01' }, { name: 'title', value: 't' }] });
    expect(storedView(null, null)).toBeNull();
  });
});
