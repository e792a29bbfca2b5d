import { describe, expect, it } from 'vitest';
import { syntheticCustomerId, syntheticOrderId, syntheticTransactionId } from '../../src/synth/index.js';
import { sequenceId } from '../../src/synth/ids.js';
import { streamFor } from '../../src/synth/streams.js';

describe('ids', () => {
  it('are zero-padded and 1-based', () => {
    expect(syntheticCustomerId(0)).toBe('C0000001');
    expect(syntheticTransactionId(41)).toBe('T000000042');
    expect(syntheticOrderId(7)).toBe('O000000007');
    expect(sequenceId('crm-', 12)).toBe('crm-0000012');
  });

  it('stay unique beyond the padding', () => {
    expect(syntheticCustomerId(9_999_999)).toBe('C10000000');
    expect(syntheticCustomerId(99_999_999)).toBe('C100000000');
  });
});

describe('streamFor', () => {
  it('gives reproducible, independent streams per concern and seed type', () => {
    expect(streamFor(1, 'purchases').uniform()).toBe(streamFor(1, 'purchases').uniform());
    expect(streamFor(1, 'purchases').uniform()).not.toBe(streamFor(1, 'profiles').uniform());
    expect(streamFor(1, 'purchases').uniform()).not.toBe(streamFor('1', 'purchases').uniform());
  });
});
