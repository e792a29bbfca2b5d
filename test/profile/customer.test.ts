import { either as E } from 'fp-ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Customer } from '../../src/core/index.js';
import { externalIdNamespace, normalizeCustomer } from '../../src/profile/index.js';

describe('normalizeCustomer', () => {
  it('normalises every field and builds match keys', () => {
    const result = normalizeCustomer({
      id: 'c1',
      source: ' shop ',
      email: ' Ann.Lee+news@GMail.com ',
      phone: '020 7946 0018',
      name: 'MRS ANN LEE',
      firstName: 'ann',
      lastName: 'LEE',
      birthDate: '1988/04/12',
      gender: 'F',
      country: 'United Kingdom',
      region: 'Scotland',
      city: '  Edinburgh ',
      postalCode: 'eh1 1aa',
      acquisitionChannel: 'Paid Search',
      signupAt: '2023-05-01',
      externalIds: { crm: ' A-17 ', shopCustomerId: 'C9' },
    } as unknown as Customer);
    expect(result).toEqual(
      E.right({
        customer: {
          id: 'c1',
          source: 'shop',
          email: 'ann.lee+news@gmail.com',
          country: 'GB',
          region: 'GB-SCT',
          phone: '+442079460018',
          name: 'Mrs Ann Lee',
          firstName: 'Ann',
          lastName: 'Lee',
          birthDate: '1988-04-12',
          gender: 'female',
          city: 'Edinburgh',
          postalCode: 'EH1 1AA',
          acquisitionChannel: 'paid search',
          signupAt: Date.UTC(2023, 4, 1),
          externalIds: { crm: 'A-17', shopCustomerId: 'C9' },
        },
        matchKeys: {
          email: 'annlee@gmail.com',
          phone: '+442079460018',
          name: 'ann lee',
          externalIds: ['shop:c1', 'crm:A-17', 'shop:C9'],
        },
        fieldIssues: [],
        blocked: [],
      }),
    );
  });

  it('uses the record country as the phone region, else the default region', () => {
    const cn = normalizeCustomer({ id: 'x', phone: '138 0013 8000', country: '中国' }, { defaultRegion: 'GB' });
    expect(E.isRight(cn) && cn.right.customer.phone).toBe('+8613800138000');
    const gb = normalizeCustomer({ id: 'y', phone: '020 7946 0018' }, { defaultRegion: 'GB' });
    expect(E.isRight(gb) && gb.right.customer.phone).toBe('+442079460018');
  });

  it('keeps junk identifiers on the record without a match key', () => {
    const result = normalizeCustomer({
      id: 'c1',
      email: 'test@test.com',
      phone: '+44 20 7946 0018',
      country: 'uk',
      name: 'Test Test',
    });
    expect(E.isRight(result)).toBe(true);
    if (E.isLeft(result)) return;
    expect(result.right.customer.email).toBe('test@test.com');
    expect(result.right.matchKeys).toEqual({ phone: '+442079460018', externalIds: [] });
    expect(result.right.blocked).toEqual([
      { identifier: 'email', field: 'email', value: 'test@test.com', rule: 'exact test@test.com' },
      { identifier: 'name', field: 'name', value: 'Test Test', rule: 'exact test test' },
    ]);
  });

  it('drops invalid fields and reports them with path and reason', () => {
    const result = normalizeCustomer({
      id: 7,
      email: 'ann(at)x.com',
      phone: '12',
      birthDate: '1990-02-30',
      gender: 'blue',
      country: 'Atlantis',
      updatedAt: 'yesterday',
    } as unknown as Customer);
    expect(E.isRight(result)).toBe(true);
    if (E.isLeft(result)) return;
    expect(result.right.customer).toEqual({ id: '7' });
    expect(result.right.fieldIssues.map((i) => [i.path, i.code])).toEqual([
      ['customer.email', 'invalid-email'],
      ['customer.country', 'unknown-country'],
      ['customer.phone', 'invalid-phone'],
      ['customer.birthDate', 'invalid-date'],
      ['customer.gender', 'unknown-gender'],
      ['customer.updatedAt', 'invalid-instant'],
    ]);
    expect(result.right.fieldIssues[0]!.message).toBe(
      'customer.email: expected email address, received "ann(at)x.com" (invalid-email: missing "@")',
    );
  });

  it('composes the name key from first and last name (family name first for CJK)', () => {
    const latin = normalizeCustomer({ id: 'a', firstName: 'Ann', lastName: 'Lee' });
    expect(E.isRight(latin) && latin.right.matchKeys.name).toBe('ann lee');
    const cjk = normalizeCustomer({ id: 'b', firstName: '小明', lastName: '王' });
    expect(E.isRight(cjk) && cjk.right.matchKeys.name).toBe('王小明');
  });

  it('checks consents and attributes entry by entry', () => {
    const result = normalizeCustomer({
      id: 'a',
      source: 'crm',
      consents: [
        { purpose: 'email', status: 'granted', at: '2024-01-05' },
        { purpose: 'sms', status: 'maybe' },
      ],
      attributes: { tier: 'gold', score: 3, bad: { nested: true } },
    } as unknown as Customer);
    expect(E.isRight(result)).toBe(true);
    if (E.isLeft(result)) return;
    expect(result.right.customer.consents).toEqual([
      { purpose: 'email', status: 'granted', at: Date.UTC(2024, 0, 5), source: 'crm' },
    ]);
    expect(result.right.customer.attributes).toEqual({ score: 3, tier: 'gold' });
    expect(result.right.fieldIssues.map((i) => i.path)).toEqual(['customer.consents[1]', 'customer.attributes.bad']);
  });

  it('keeps input consents, attributes and external ids that are already normalised, copies the others', () => {
    const consents = [
      { purpose: 'sms', status: 'granted' as const, at: 1, source: 'shop' },
      { purpose: 'email', status: 'denied' as const, source: 'crm' },
    ];
    const attributes = { language: 'de', tier: null };
    const externalIds = { crmId: 'K-7', shopCustomerId: 'C1' };
    const kept = E.getOrElseW(() => undefined)(
      normalizeCustomer({ id: 'c1', source: 'shop', consents, attributes, externalIds }),
    )!.customer;
    expect(kept.consents).toBe(consents);
    expect(kept.attributes).toBe(attributes);
    expect(kept.externalIds).toBe(externalIds);

    const copied = E.getOrElseW(() => undefined)(
      normalizeCustomer({
        id: 'c2',
        source: 'shop',
        consents: [
          { status: 'granted', purpose: 'sms', at: 1 }, // key order
          { purpose: ' email ', status: 'denied', at: '2024-01-01' }, // untrimmed purpose, ISO date, no source
          { purpose: 'post', status: 'unknown', source: 'crm' },
        ],
        attributes: { tier: 'gold', language: 'de' }, // unsorted keys
        externalIds: { crmId: ' K-7 ' }, // not clean
      } as unknown as Customer),
    )!.customer;
    expect(JSON.stringify(copied.consents)).toBe(
      JSON.stringify([
        { purpose: 'sms', status: 'granted', at: 1, source: 'shop' },
        { purpose: 'email', status: 'denied', at: Date.UTC(2024, 0, 1), source: 'shop' },
        { purpose: 'post', status: 'unknown', source: 'crm' },
      ]),
    );
    expect(JSON.stringify(copied.attributes)).toBe('{"language":"de","tier":"gold"}');
    expect(copied.externalIds).toEqual({ crmId: 'K-7' });
  });

  it('rejects records without an object shape or an id', () => {
    expect(E.isLeft(normalizeCustomer(null as unknown as Customer))).toBe(true);
    expect(normalizeCustomer({ email: 'x' } as unknown as Customer)).toEqual(
      E.left([
        {
          path: 'customer.id',
          expected: 'id (non-empty string or integer)',
          received: 'undefined',
          message: 'customer.id: expected id (non-empty string or integer), received undefined',
        },
      ]),
    );
  });

  it('never throws on arbitrary JSON (fuzz)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.record(
            {
              id: fc.jsonValue(),
              email: fc.jsonValue(),
              phone: fc.jsonValue(),
              externalIds: fc.jsonValue(),
              consents: fc.jsonValue(),
              attributes: fc.jsonValue(),
            },
            { requiredKeys: [] },
          ),
        ),
        (value) => {
          void normalizeCustomer(value as Customer);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('externalIdNamespace', () => {
  it('follows the naming convention and explicit mappings', () => {
    expect(externalIdNamespace('shopCustomerId')).toBe('shop');
    expect(externalIdNamespace('crmId')).toBe('crm');
    expect(externalIdNamespace('crm_id')).toBe('crm');
    expect(externalIdNamespace('store-customer-id')).toBe('store');
    expect(externalIdNamespace('loyaltyCard')).toBe('loyaltyCard');
    expect(externalIdNamespace('uuid')).toBe('uuid');
    expect(externalIdNamespace('memberNo', { memberNo: 'loyalty' })).toBe('loyalty');
  });
});
