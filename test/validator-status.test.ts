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

describe('validator settings (config)', () => {
  it('defaults to N = 3 turns over a 1000-block window and reads both from the environment', async () => {
    const { validatorSettings } = await import('../config/index');
    expect(validatorSettings({})).toEqual({ offlineAfterTurns: 3, rotationWindow: 1000 });
    expect(validatorSettings({ VALIDATOR_OFFLINE_TURNS: '5', VALIDATOR_ROTATION_WINDOW: '200' })).toEqual({ offlineAfterTurns: 5, rotationWindow: 200 });
  });

  it('names the variable and what it takes on a bad value', async () => {
    const { validatorSettings } = await import('../config/index');
    expect(() => validatorSettings({ VALIDATOR_OFFLINE_TURNS: '0' })).toThrowError('VALIDATOR_OFFLINE_TURNS "0" is not valid; it takes a whole number of turns ≥ 1');
    expect(() => validatorSettings({ VALIDATOR_ROTATION_WINDOW: 'many' })).toThrowError(/VALIDATOR_ROTATION_WINDOW "many"/);
  });

  it('is checked when serve and start parse their input, so a bad value exits 2 before anything starts', async () => {
    const { parseCommand, ConfigError } = await import('../config/index');
    expect(() => parseCommand(['serve'], { VALIDATOR_OFFLINE_TURNS: 'x' })).toThrowError(ConfigError);
    expect(() => parseCommand(['start'], { VALIDATOR_ROTATION_WINDOW: '-1' })).toThrowError(/VALIDATOR_ROTATION_WINDOW/);
    expect(parseCommand(['serve'], { VALIDATOR_OFFLINE_TURNS: '4' }).name).toBe('serve');
  });
});
