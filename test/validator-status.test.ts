import { describe, expect, it } from 'vitest';
import { missedTurns, validatorStatus } from '../api/validators/status';

const base = { setSize: 20, offlineAfterTurns: 3 };

describe('validator status', () => {
  it('is ACTIVE within one rotation of its last block', () => {
    expect(validatorStatus({ ...base, head: 1000, lastSealedBlock: 1000 })).toBe('ACTIVE');
    expect(validatorStatus({ ...base, head: 1019, lastSealedBlock: 1000 })).toBe('ACTIVE');
  });

  it('is LATE once a whole rotation passed without it, until N turns are missed', () => {
    expect(validatorStatus({ ...base, head: 1020, lastSealedBlock: 1000 })).toBe('LATE');
    expect(validatorStatus({ ...base, head: 1059, lastSealedBlock: 1000 })).toBe('LATE');
  });

  it('is OFFLINE from N missed turns, and N comes from the caller', () => {
    expect(validatorStatus({ ...base, head: 1060, lastSealedBlock: 1000 })).toBe('OFFLINE');
    expect(validatorStatus({ ...base, offlineAfterTurns: 5, head: 1060, lastSealedBlock: 1000 })).toBe('LATE');
    expect(validatorStatus({ ...base, offlineAfterTurns: 5, head: 1100, lastSealedBlock: 1000 })).toBe('OFFLINE');
  });

  it('counts a validator that never sealed as OFFLINE', () => {
    expect(validatorStatus({ ...base, head: 5, lastSealedBlock: null })).toBe('OFFLINE');
    expect(missedTurns({ head: 5, lastSealedBlock: null, setSize: 3 })).toBe(Infinity);
  });

  it('treats a one-validator chain and N below 1 sanely', () => {
    expect(validatorStatus({ head: 10, lastSealedBlock: 10, setSize: 1, offlineAfterTurns: 3 })).toBe('ACTIVE');
    expect(validatorStatus({ head: 11, lastSealedBlock: 10, setSize: 0, offlineAfterTurns: 0 })).toBe('OFFLINE');
  });
});
