/**
 * The tenant section of the tenant configuration.
 *
 * Pure module: no AWS, no I/O.
 */
import { DIVISION_CODE_PATTERN } from '../../../kernel/ids';
import { z } from 'zod';
import { bilingual, divisionCode, isKnownTimeZone, listOf, report, runOnObjects, stringOf, text } from './common';

/** The tenant itself: a county-level government identified by its division code. */
export const TenantSchema = z
  .strictObject({
    tenantId: divisionCode.describe('本级（县/区/县级市）行政区划代码 / Division code of the county-level tenant'),
    name: text.describe('名称，如 三都水族自治县 / Official name'),
    cityCode: divisionCode.describe('上级市（州）行政区划代码 / Division code of the parent city or prefecture'),
    provinceCode: divisionCode.describe('省级行政区划代码 / Division code of the province'),
    timeZone: z
      .string()
      .refine(isKnownTimeZone, { error: bilingual('未知的时区', 'Unknown IANA time zone'), params: { ruleCode: 'unknown_time_zone' } })
      .default('Asia/Shanghai'),
    extraClosures: z
      .array(z.iso.date({ error: bilingual('日期格式应为 YYYY-MM-DD', 'Date must be YYYY-MM-DD') }))
      .default(() => [])
      .describe('本地额外休息日（如民族节日），在国务院节假日安排之外 / Local closure days on top of the national holiday calendar'),
  })
  .superRefine((tenant, ctx) => {
    const tenantId = stringOf(tenant.tenantId);
    const cityCode = stringOf(tenant.cityCode);
    const provinceCode = stringOf(tenant.provinceCode);
    const wellFormed = (code: string | undefined): code is string => code !== undefined && DIVISION_CODE_PATTERN.test(code);
    if (wellFormed(tenantId) && tenantId.endsWith('00')) {
      report(ctx, ['tenantId'], 'division_mismatch', '租户应为县级行政区划代码（末两位不能为00）', 'Tenant must be a county-level code (not ending in 00)');
    }
    if (wellFormed(cityCode) && (!cityCode.endsWith('00') || cityCode.endsWith('0000'))) {
      report(ctx, ['cityCode'], 'division_mismatch', '上级市代码应以00结尾且不是省级代码', 'City code must end in 00 and not be a province code');
    }
    if (wellFormed(provinceCode) && !provinceCode.endsWith('0000')) {
      report(ctx, ['provinceCode'], 'division_mismatch', '省级代码应以0000结尾', 'Province code must end in 0000');
    }
    if (wellFormed(tenantId) && wellFormed(cityCode) && tenantId.slice(0, 4) !== cityCode.slice(0, 4)) {
      report(ctx, ['cityCode'], 'division_mismatch', `租户 ${tenantId} 不属于市 ${cityCode}`, `Tenant ${tenantId} is not part of city ${cityCode}`);
    }
    if (wellFormed(cityCode) && wellFormed(provinceCode) && cityCode.slice(0, 2) !== provinceCode.slice(0, 2)) {
      report(ctx, ['provinceCode'], 'division_mismatch', `市 ${cityCode} 不属于省 ${provinceCode}`, `City ${cityCode} is not part of province ${provinceCode}`);
    }
    const seen = new Set<string>();
    listOf(tenant.extraClosures).forEach((day, index) => {
      if (typeof day === 'string' && seen.has(day)) {
        report(ctx, ['extraClosures', index], 'duplicate', `休息日重复：${day}`, `Duplicate closure day: ${day}`);
      }
      if (typeof day === 'string') seen.add(day);
    });
  }, runOnObjects);
/** The tenant section of the configuration. */
export type Tenant = z.infer<typeof TenantSchema>;
