/**
 * Free-text templates for survey comments and complaint descriptions, in English and Chinese, per topic and tone,
 * so that feedback categorisation (keywords, Chinese without word boundaries, case and width folding) has something
 * real to find. Placeholders: `{days}` (a number of days), `{order}` (an order id).
 *
 * @module
 */

/**
 * Topics of survey comments.
 *
 * @example
 * ```ts
 * const topic: CommentTopic = 'delivery';
 * ```
 */
export type CommentTopic = 'delivery' | 'product quality' | 'price' | 'service attitude' | 'after-sales' | 'website';

/**
 * Categories of complaints.
 *
 * @example
 * ```ts
 * const category: ComplaintCategory = 'billing';
 * ```
 */
export type ComplaintCategory = 'delivery' | 'product quality' | 'billing' | 'service attitude' | 'returns' | 'website';

/**
 * Texts of one topic and tone in the two languages.
 *
 * @example
 * ```ts
 * const texts: BilingualTexts = { en: ['Fast delivery.'], zh: ['发货很快。'] };
 * ```
 */
export interface BilingualTexts {
  /** English texts. */
  readonly en: readonly string[];
  /** Chinese texts. */
  readonly zh: readonly string[];
}

/**
 * Comment texts per topic and tone.
 *
 * @example
 * ```ts
 * COMMENT_TEMPLATES.delivery.negative.en.length > 0 //=> true
 * ```
 */
export const COMMENT_TEMPLATES: Readonly<Record<CommentTopic, { readonly positive: BilingualTexts; readonly negative: BilingualTexts }>> = {
  delivery: {
    positive: {
      en: ['Fast delivery, arrived the next day.', 'Delivery was quick and the parcel was well packed.', 'Shipping was faster than expected.', 'Arrived on time, great delivery service.'],
      zh: ['发货很快，第二天就到了。', '物流很快，包装也很好。', '快递速度超出预期！'],
    },
    negative: {
      en: [
        'Delivery took far too long, {days} days!',
        'The parcel arrived late and the box was damaged.',
        'Shipping was slow and tracking never updated.',
        'DELIVERY WAS LATE AGAIN!!',
        'My order came {days} days after the promised date.',
      ],
      zh: ['快递太慢了，等了{days}天。', '包裹送到时已经破损。', '物流信息一直不更新，发货太慢。'],
    },
  },
  'product quality': {
    positive: {
      en: ['Excellent quality, exactly as described.', 'Great product, the material feels premium.', 'Really good quality for everyday use.'],
      zh: ['质量很好，和描述的一样。', '产品质量不错，做工精细。', '东西很好用，质量没得说。'],
    },
    negative: {
      en: [
        'Poor quality, it broke after a week.',
        'The product quality is not what I expected, cheap material.',
        'Item was defective out of the box.',
        'Quality has gone down, the stitching came apart.',
      ],
      zh: ['质量很差，用了一周就坏了。', '做工粗糙，和图片不一样。', '收到的商品有瑕疵，质量太差。'],
    },
  },
  price: {
    positive: {
      en: ['Great value for money.', 'Good prices and nice discounts.', 'Fair price for the quality.'],
      zh: ['性价比很高。', '价格实惠，折扣力度大。'],
    },
    negative: {
      en: ['Too expensive for what you get.', 'Prices went up a lot, not worth it anymore.', 'Shipping costs are too high.'],
      zh: ['价格太贵了。', '涨价太多，不值这个价。'],
    },
  },
  'service attitude': {
    positive: {
      en: ['Friendly and helpful staff.', 'Customer service was polite and patient.', 'The support agent was very kind and solved everything.'],
      zh: ['客服态度很好，很耐心。', '店员服务热情周到。'],
    },
    negative: {
      en: ['The staff were rude and unhelpful.', 'Customer service ignored my emails.', 'Unfriendly service at the store, nobody cared.'],
      zh: ['客服态度很差，爱答不理。', '服务态度恶劣，再也不来了。'],
    },
  },
  'after-sales': {
    positive: {
      en: ['The return was quick and easy.', 'Refund arrived within two days, great after-sales service.', 'Exchange was handled without any hassle.'],
      zh: ['退换货很方便。', '售后服务很好，退款很快。'],
    },
    negative: {
      en: [
        'Returning an item was a nightmare, still waiting for my refund.',
        'Refund took {days} days to arrive.',
        'The warranty claim was rejected without explanation.',
      ],
      zh: ['退货流程太麻烦，退款还没到账。', '售后处理太慢，等了{days}天。'],
    },
  },
  website: {
    positive: {
      en: ['The app is easy to use.', 'Website is clear and checkout is smooth.'],
      zh: ['APP很好用。', '网站操作简单，付款方便。'],
    },
    negative: {
      en: ['The checkout kept failing on the website.', 'The app crashes when I try to pay.', 'Hard to find anything on the website.'],
      zh: ['网站结账总是出错。', 'APP付款的时候老是闪退。'],
    },
  },
};

/**
 * Neutral comments (passives, average scores).
 *
 * @example
 * ```ts
 * NEUTRAL_COMMENTS.en[0] //=> 'It was okay.'
 * ```
 */
export const NEUTRAL_COMMENTS: BilingualTexts = {
  en: ['It was okay.', 'Nothing special.', 'Fine overall.', 'As expected.', 'OK, could be better.'],
  zh: ['还可以。', '一般般吧。', '总体还行。', '和预期差不多。'],
};

/**
 * Complaint descriptions per category.
 *
 * @example
 * ```ts
 * COMPLAINT_TEXTS.billing.en.length > 0 //=> true
 * ```
 */
export const COMPLAINT_TEXTS: Readonly<Record<ComplaintCategory, BilingualTexts>> = {
  delivery: {
    en: ['Order {order} has not arrived after {days} days.', 'Parcel for {order} was delivered damaged.', 'Wrong address on the delivery of {order}.'],
    zh: ['订单{order}过了{days}天还没到。', '订单{order}的包裹破损了。', '快递送错地址了。'],
  },
  'product quality': {
    en: ['Item from {order} is defective.', 'The product broke after a few days of use.', 'Received a different colour than ordered in {order}.'],
    zh: ['订单{order}的商品有质量问题。', '用了几天就坏了。', '收到的颜色和订单不一样。'],
  },
  billing: {
    en: ['I was charged twice for {order}.', 'The discount code was not applied to {order}.', 'Invoice amount does not match the order.'],
    zh: ['订单{order}被重复扣款。', '优惠券没有生效。', '发票金额和订单不符。'],
  },
  'service attitude': {
    en: ['The agent on the phone was rude.', 'Nobody answered my emails for a week.', 'Store staff refused to help me.'],
    zh: ['电话客服态度很差。', '发了一周邮件都没人回复。', '门店店员拒绝帮忙。'],
  },
  returns: {
    en: ['Refund for {order} still not received.', 'Return label for {order} does not work.', 'Return was rejected for no reason.'],
    zh: ['订单{order}的退款还没收到。', '退货标签无法使用。', '退货申请被无理拒绝。'],
  },
  website: {
    en: ['Cannot log in to my account.', 'Payment failed but money was taken.', 'The app shows the wrong order status for {order}.'],
    zh: ['账号无法登录。', '付款失败但是钱被扣了。', 'APP上订单状态显示错误。'],
  },
};

/**
 * Fills `{days}` and `{order}` placeholders.
 *
 * @example
 * ```ts
 * fillTemplate('Order {order} late by {days} days', { order: 'O1', days: 9 }) //=> 'Order O1 late by 9 days'
 * ```
 */
export function fillTemplate(template: string, values: { readonly order?: string; readonly days?: number }): string {
  return template.replace('{order}', values.order ?? '').replace('{days}', String(values.days ?? 7));
}
