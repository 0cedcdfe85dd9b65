/**
 * The 好差评 settings of the tenant configuration.
 *
 * Pure module: no AWS, no I/O.
 */
import { reviewTouchpoints } from '../../../kernel/case-vocabulary';
import { z } from 'zod';

export { reviewTouchpoints };

/** 好差评 settings. */
export const ReviewsSchema = z.strictObject({
  rectificationDays: z.number().int().min(1).default(10).describe('差评整改时限（工作日） / Working days to rectify a bad review'),
  touchpoints: z
    .array(z.enum(reviewTouchpoints))
    .min(1)
    .default((): (typeof reviewTouchpoints)[number][] => ['acceptance', 'completion'])
    .describe('开放评价的服务环节 / Touchpoints at which applicants may rate'),
});
/** Review settings. */
export type Reviews = z.infer<typeof ReviewsSchema>;
