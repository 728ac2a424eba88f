// The Write tab's argument checks (web/lib/abi-input.ts): each Solidity type's text, its
// refusals as codes the page translates, and values viem encodes to the expected calldata.
import { describe, expect, it } from 'vitest';
import { encodeFunctionData, type AbiFunction } from 'viem';
import { integerRange, parseArgument, parseArguments, parseNativeAmount, type AbiParam } from '../web/lib/abi-input';

const p = (type: string, components?: AbiParam[]): AbiParam => ({ name: 'x', type, ...(components ? { components } : {}) });
const problem = (type: string, text: string, components?: AbiParam[]) => {
  const r = parseArgument(p(type, components), text);
  return r.ok ? null : r.problem;
};
const value = (type: string, text: string, components?: AbiParam[]) => {
  const r = parseArgument(p(type, components), text);
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.problem)}`);
  return r.value;
};

describe('integer types', () => {
  it('knows each width\'s range, uint alone being uint256', () => {
    expect(integerRange('uint8')).toEqual([0n, 255n]);
    expect(integerRange('int8')).toEqual([-128n, 127n]);
    expect(integerRange('uint')).toEqual([0n, 2n ** 256n - 1n]);
    expect(integerRange('int256')).toEqual([-(2n ** 255n), 2n ** 255n - 1n]);
    expect(integerRange('uint7')).toBeNull();
    expect(integerRange('uint264')).toBeNull();
  });

  it('takes decimal or 0x-hex whole numbers inside the range, and refuses the rest', () => {
    expect(value('uint8', ' 255 ')).toBe(255n);
    expect(value('uint256', '0xff')).toBe(255n);
    expect(value('int16', '-32768')).toBe(-32768n);
    expect(problem('uint8', '256')).toEqual({ code: 'range', min: '0', max: '255' });
    expect(problem('uint256', '-1')).toEqual({ code: 'range', min: '0', max: (2n ** 256n - 1n).toString() });
    expect(problem('int8', '128')).toEqual({ code: 'range', min: '-128', max: '127' });
    expect(problem('uint256', '1.5')).toEqual({ code: 'integer' });
    expect(problem('uint256', '1e18')).toEqual({ code: 'integer' });
    expect(problem('uint256', '')).toEqual({ code: 'integer' });
  });
});

describe('other types', () => {
  it('bool is true or false', () => {
    expect(value('bool', 'true')).toBe(true);
    expect(value('bool', 'false')).toBe(false);
    expect(problem('bool', '1')).toEqual({ code: 'bool' });
  });

  it('an address is 20 bytes of hex, mixed case only with a valid checksum', () => {
    expect(value('address', '0x52908400098527886e0f7030069857d2e4169ee7')).toBe('0x52908400098527886e0f7030069857d2e4169ee7');
    expect(value('address', '0x52908400098527886E0F7030069857D2E4169EE7')).toBe('0x52908400098527886E0F7030069857D2E4169EE7');
    expect(problem('address', '0x52908400098527886E0F7030069857D2E4169Ee7')).toEqual({ code: 'address' });
    expect(problem('address', '0x1234')).toEqual({ code: 'address' });
  });

  it('bytes are 0x-hex of whole bytes; bytesN exactly N of them', () => {
    expect(value('bytes', '0x')).toBe('0x');
    expect(value('bytes', '0xabcd')).toBe('0xabcd');
    expect(problem('bytes', '0xabc')).toEqual({ code: 'hex' });
    expect(problem('bytes', 'abcd')).toEqual({ code: 'hex' });
    expect(value('bytes4', '0x12345678')).toBe('0x12345678');
    expect(problem('bytes4', '0x123456')).toEqual({ code: 'bytesLength', length: 4 });
  });

  it('a string is taken as typed, spaces and all', () => {
    expect(value('string', ' 账本 ')).toBe(' 账本 ');
  });

  it('an unknown type is refused by name', () => {
    expect(problem('fixed128x18', '1')).toEqual({ code: 'type', type: 'fixed128x18' });
  });
});

describe('arrays and tuples, as JSON', () => {
  it('checks every element and says which one is wrong', () => {
    expect(value('uint8[]', '[1, "2", "0x03"]')).toEqual([1n, 2n, 3n]);
    expect(value('uint8[2][]', '[[1,2],[3,4]]')).toEqual([[1n, 2n], [3n, 4n]]);
    expect(problem('uint8[]', '[1, 300]')).toEqual({ code: 'range', min: '0', max: '255', at: '[1]' });
    expect(problem('uint8[2]', '[1]')).toEqual({ code: 'array', length: 2 });
    expect(problem('uint8[]', '1, 2')).toEqual({ code: 'json' });
    expect(problem('uint8[]', '{"a":1}')).toEqual({ code: 'array' });
  });

  it('a tuple is an array in order or an object by name', () => {
    const comps = [{ name: 'to', type: 'address' }, { name: 'amount', type: 'uint96' }];
    const to = '0x52908400098527886e0f7030069857d2e4169ee7';
    expect(value('tuple', `["${to}", 5]`, comps)).toEqual([to, 5n]);
    expect(value('tuple', `{"amount": "5", "to": "${to}"}`, comps)).toEqual([to, 5n]);
    expect(value('tuple[]', `[{"amount": 1, "to": "${to}"}]`, comps)).toEqual([[to, 1n]]);
    expect(problem('tuple', `["${to}"]`, comps)).toEqual({ code: 'tuple', length: 2 });
    expect(problem('tuple[]', `[["${to}", -1]]`, comps)).toEqual({ code: 'range', min: '0', max: (2n ** 96n - 1n).toString(), at: '[0].amount' });
  });
});

describe('a whole form', () => {
  it('gives the values viem encodes when every field is right, else each field\'s problem', () => {
    const record: AbiFunction = {
      type: 'function', name: 'record', stateMutability: 'nonpayable', outputs: [],
      inputs: [{ name: 'note', type: 'string' }, { name: 'amount', type: 'uint256' }],
    };
    const ok = parseArguments(record.inputs, ['hello', '1000']);
    expect(ok).toEqual({ ok: true, values: ['hello', 1000n] });
    expect(ok.ok && encodeFunctionData({ abi: [record], functionName: 'record', args: ok.values })).toBe(
      encodeFunctionData({ abi: [record], functionName: 'record', args: ['hello', 1000n] }),
    );
    expect(parseArguments(record.inputs, ['hello', '-5'])).toEqual({ ok: false, problems: [undefined, { code: 'range', min: '0', max: (2n ** 256n - 1n).toString() }] });
  });
});

describe('native amounts', () => {
  it('reads a decimal amount in the coin\'s smallest unit; empty is zero', () => {
    expect(parseNativeAmount('', 18)).toEqual({ ok: true, value: 0n });
    expect(parseNativeAmount('1.5', 18)).toEqual({ ok: true, value: 1_500_000_000_000_000_000n });
    expect(parseNativeAmount('0.000000000000000001', 18)).toEqual({ ok: true, value: 1n });
    expect(parseNativeAmount('0.0000000000000000001', 18)).toEqual({ ok: false, problem: { code: 'amount', decimals: 18 } });
    expect(parseNativeAmount('-1', 18)).toEqual({ ok: false, problem: { code: 'amount', decimals: 18 } });
    expect(parseNativeAmount('1,5', 6)).toEqual({ ok: false, problem: { code: 'amount', decimals: 6 } });
  });
});
