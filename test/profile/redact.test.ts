import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Customer } from '../../src/core/index.js';
import { DEFAULT_REDACTION_POLICY, hashValue, redact, redactAll } from '../../src/profile/index.js';

const record: Customer = {
  id: 'c1',
  source: 'shop',
  sourceRecordId: '17',
  email: ' Ann.Lee@Example.com ',
  phone: '020 7946 0018',
  country: 'GB',
  name: 'Ann Lee',
  firstName: 'Ann',
  lastName: 'Lee',
  birthDate: '1988-04-12',
  postalCode: 'SW1A 1AA',
  city: 'London',
  externalIds: { crm: 'A-17' },
  attributes: { tier: 'gold' },
  consents: [{ purpose: 'email', status: 'granted' }],
};

describe('redact', () => {
  it('applies the default policy: hash contact ids, remove names and attributes, mask birth date and postcode', async () => {
    const hmac = (value: string): string => createHmac('sha256', 'salt').update(value).digest('hex');
    expect(await redact(record, { salt: 'salt' })).toEqual({
      id: 'c1',
      source: 'shop',
      sourceRecordId: hmac('17'),
      email: hmac('ann.lee@example.com'),
      phone: hmac('+442079460018'),
      country: 'GB',
      birthDate: '1988',
      postalCode: 'SW1A',
      city: 'London',
      externalIds: { crm: hmac('A-17') },
      consents: [{ purpose: 'email', status: 'granted' }],
    });
  });

  it('hashes normalised values, so the same person hashes alike across sources', async () => {
    const a = await redact({ id: 'a', email: 'ANN.LEE@example.com', phone: '+44 20 7946 0018' }, { salt: 's' });
    const b = await redact(
      { id: 'b', email: 'ann.lee@example.com ', phone: '020 7946 0018', country: 'GB' },
      { salt: 's' },
    );
    expect(a.email).toBe(b.email);
    expect(a.phone).toBe(b.phone);
  });

  it('masks for people to read', async () => {
    const masked = await redact(record, {
      fields: {
        email: 'mask',
        phone: 'mask',
        name: 'mask',
        firstName: 'keep',
        lastName: 'mask',
        externalIds: 'mask',
        sourceRecordId: 'keep',
        attributes: 'keep',
      },
    });
    expect(masked).toMatchObject({
      email: 'a***@example.com',
      phone: '*******0018',
      name: 'A. L.',
      firstName: 'Ann',
      lastName: 'L.',
      externalIds: { crm: 'A***' },
      attributes: { tier: 'gold' },
    });
  });

  it('gives plain SHA-256 for ad-platform matching', async () => {
    expect(await hashValue('ann@example.com', { hash: 'sha256' })).toBe(
      createHash('sha256').update('ann@example.com').digest('hex'),
    );
    const out = await redact({ id: 'x', email: 'Ann@Example.com' }, { hash: 'sha256' });
    expect(out.email).toBe(createHash('sha256').update('ann@example.com').digest('hex'));
  });

  it('agrees with Node crypto on arbitrary Unicode (UTF-8 encoding, HMAC)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', maxLength: 30 }),
        fc.string({ minLength: 1, maxLength: 10 }),
        async (value, salt) => {
          expect(await hashValue(value, { salt })).toBe(createHmac('sha256', salt).update(value, 'utf8').digest('hex'));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('refuses a missing salt, removing the id and unknown actions', async () => {
    await expect(redact(record)).rejects.toThrow(/needs a non-empty salt/);
    await expect(redact(record, { salt: 's', fields: { id: 'remove' } })).rejects.toThrow(/id cannot be removed/);
    await expect(redact(record, { salt: 's', fields: { email: 'shred' as 'remove' } })).rejects.toThrow(
      /unknown redaction action/,
    );
  });

  it('redacts many records with one key', async () => {
    const out = await redactAll([record, { id: 'c2', email: 'bob@x.org' }], { salt: 'salt' });
    expect(out.map((r) => r.id)).toEqual(['c1', 'c2']);
    expect(out[1]!.email).toBe(createHmac('sha256', 'salt').update('bob@x.org').digest('hex'));
    expect(DEFAULT_REDACTION_POLICY.email).toBe('hash');
  });
});
