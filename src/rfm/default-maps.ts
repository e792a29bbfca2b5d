/**
 * Built-in segment maps.
 *
 * @module
 */
import type { CellSegmentMap } from './segment-map.js';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * The default map: the complete 11-segment, 125-cell R-F-M lookup (scores 1..5, 5 = best; codes are R, F, M digits),
 * the "Putler-style" table circulated in many public RFM projects. Every one of the 125 cells belongs to exactly one
 * segment (a partition: {@link validateSegmentMap} finds no gap and no overlap), unlike the classic first-match range
 * table of the R `rfm` vignette, which leaves 36 cells unassigned.
 *
 * Categories and actions: `high-value` (Champions, Loyal: dedicated service and early access), `potential`
 * (Potential Loyalist, New Customers, Promising: conversion offers), `ordinary` (Need Attention, About To Sleep,
 * Hibernating: promotions), `at-risk` (At Risk, Can't Lose Them, Lost: win-back).
 *
 * @example
 * ```ts
 * DEFAULT_SEGMENT_MAP.segments.map((s) => s.name)
 * //=> ['Champions', 'Loyal', 'Potential Loyalist', 'New Customers', 'Promising', 'Need Attention',
 * //    'About To Sleep', 'At Risk', "Can't Lose Them", 'Hibernating', 'Lost']
 * DEFAULT_SEGMENT_MAP.segments[0]!.cells //=> ['555', '554', '544', '545', '454', '455', '445']
 * ```
 */
export const DEFAULT_SEGMENT_MAP: CellSegmentMap = deepFreeze({
  type: 'cells',
  name: 'rfm-125-cell-11-segment',
  version: '1',
  description: 'Complete 11-segment R-F-M lookup over all 125 cells of 5-level scores (5 = best).',
  levels: 5,
  dimensions: ['recency', 'frequency', 'monetary'],
  segments: [
    {
      id: 'champions',
      name: 'Champions',
      category: 'high-value',
      description: 'Bought recently, buy often and spend the most.',
      action: 'Dedicated service and early access to new products; ask for reviews and referrals.',
      cells: ['555', '554', '544', '545', '454', '455', '445'],
    },
    {
      id: 'loyal',
      name: 'Loyal',
      category: 'high-value',
      description: 'Buy regularly and spend good money; responsive to promotions.',
      action: 'Priority service, loyalty-tier benefits, early access; upsell higher-value products.',
      cells: ['543', '444', '435', '355', '354', '345', '344', '335'],
    },
    {
      id: 'potential-loyalist',
      name: 'Potential Loyalist',
      category: 'potential',
      description: 'Recent customers with average frequency who spent a good amount.',
      action: 'Conversion offers: membership or loyalty programme, personalised recommendations.',
      cells: [
        '553',
        '551',
        '552',
        '541',
        '542',
        '533',
        '532',
        '531',
        '452',
        '451',
        '442',
        '441',
        '431',
        '453',
        '433',
        '432',
        '423',
        '353',
        '352',
        '351',
        '342',
        '341',
        '333',
        '323',
      ],
    },
    {
      id: 'new-customers',
      name: 'New Customers',
      category: 'potential',
      description: 'Bought recently, but only once or twice and for little.',
      action: 'Onboarding and a second-purchase offer to start the relationship.',
      cells: ['512', '511', '422', '421', '412', '411', '311'],
    },
    {
      id: 'promising',
      name: 'Promising',
      category: 'potential',
      description: 'Recent shoppers who have not bought often yet.',
      action: 'Conversion offers: bundles, free shipping thresholds, brand awareness.',
      cells: [
        '525',
        '524',
        '523',
        '522',
        '521',
        '515',
        '514',
        '513',
        '425',
        '424',
        '413',
        '414',
        '415',
        '315',
        '314',
        '313',
      ],
    },
    {
      id: 'need-attention',
      name: 'Need Attention',
      category: 'ordinary',
      description: 'Above-average recency, frequency and monetary value, but not lately engaged.',
      action: 'Promotions: limited-time offers and recommendations based on past purchases.',
      cells: ['535', '534', '443', '434', '343', '334', '325', '324'],
    },
    {
      id: 'about-to-sleep',
      name: 'About To Sleep',
      category: 'ordinary',
      description: 'Below-average recency, frequency and monetary value; drifting away.',
      action: 'Promotions: popular products and discounts to reconnect before they lapse.',
      cells: ['331', '321', '312', '221', '213', '231', '241', '251'],
    },
    {
      id: 'at-risk',
      name: 'At Risk',
      category: 'at-risk',
      description: 'Spent big and bought often, but a long time ago.',
      action: 'Win-back: personalised reconnection messages, renewals, helpful resources.',
      cells: [
        '255',
        '254',
        '245',
        '244',
        '253',
        '252',
        '243',
        '242',
        '235',
        '234',
        '225',
        '224',
        '153',
        '152',
        '145',
        '143',
        '142',
        '135',
        '134',
        '133',
        '125',
        '124',
      ],
    },
    {
      id: 'cant-lose-them',
      name: "Can't Lose Them",
      category: 'at-risk',
      description: 'Made big purchases, often, but have not come back for a long time.',
      action: 'Win-back with priority: personal outreach, newer products, a strong incentive.',
      cells: ['155', '154', '144', '214', '215', '115', '114', '113'],
    },
    {
      id: 'hibernating',
      name: 'Hibernating',
      category: 'ordinary',
      description: 'Low spenders with few orders and a long time since the last one.',
      action: 'Promotions: relevant products and special discounts; keep contact costs low.',
      cells: ['332', '322', '233', '232', '223', '222', '132', '123', '122', '212', '211'],
    },
    {
      id: 'lost',
      name: 'Lost',
      category: 'at-risk',
      description: 'Lowest recency, frequency and monetary scores.',
      action: 'Win-back campaign once; otherwise stop spending on them.',
      cells: ['111', '112', '121', '131', '141', '151'],
    },
  ],
} satisfies CellSegmentMap);

/**
 * The 10-segment recency × frequency grid (25 cells, monetary ignored) of the widespread pandas recipe: R digit + F
 * digit, e.g. `[1-2][1-2]` hibernating, `5[4-5]` champions. A complete partition of the 25 RF cells.
 *
 * @example
 * ```ts
 * const segmentation = segment(score(summary, { dimensions: ['recency', 'frequency'] }), RF_GRID_SEGMENT_MAP);
 * ```
 */
export const RF_GRID_SEGMENT_MAP: CellSegmentMap = deepFreeze({
  type: 'cells',
  name: 'rf-grid-10-segment',
  version: '1',
  description: 'Recency x frequency grid, 25 cells of 5-level scores (5 = best), 10 segments.',
  levels: 5,
  dimensions: ['recency', 'frequency'],
  segments: [
    { id: 'champions', name: 'Champions', category: 'high-value', cells: ['54', '55'] },
    { id: 'loyal', name: 'Loyal Customers', category: 'high-value', cells: ['34', '35', '44', '45'] },
    { id: 'potential-loyalist', name: 'Potential Loyalists', category: 'potential', cells: ['42', '43', '52', '53'] },
    { id: 'new-customers', name: 'New Customers', category: 'potential', cells: ['51'] },
    { id: 'promising', name: 'Promising', category: 'potential', cells: ['41'] },
    { id: 'need-attention', name: 'Need Attention', category: 'ordinary', cells: ['33'] },
    { id: 'about-to-sleep', name: 'About To Sleep', category: 'ordinary', cells: ['31', '32'] },
    { id: 'at-risk', name: 'At Risk', category: 'at-risk', cells: ['13', '14', '23', '24'] },
    { id: 'cant-lose-them', name: "Can't Lose Them", category: 'at-risk', cells: ['15', '25'] },
    { id: 'hibernating', name: 'Hibernating', category: 'ordinary', cells: ['11', '12', '21', '22'] },
  ],
} satisfies CellSegmentMap);
