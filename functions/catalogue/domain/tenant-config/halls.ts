/**
 * The halls and windows of the tenant configuration.
 *
 * Pure module: no AWS, no I/O.
 */
import { z } from 'zod';
import { stableCode, text } from './common';
import { HallLevelSchema, WindowDomainSchema, WindowKindSchema } from './vocabularies';

/** A window in a hall; its id is unique across all halls of the tenant. */
export const ServiceWindowSchema = z.strictObject({
  windowId: stableCode.describe('窗口编码（全租户唯一） / Window id, unique across halls'),
  name: text,
  kind: WindowKindSchema,
  domains: z
    .array(WindowDomainSchema)
    .default(() => [])
    .describe('窗口受理的领域 / Domains taken in at this window'),
});
/** A window. */
export type ServiceWindow = z.infer<typeof ServiceWindowSchema>;

/** A place of service: the county 政务服务中心 or a township/village 便民服务中心/站. */
export const HallSchema = z.strictObject({
  hallId: stableCode,
  name: text,
  level: HallLevelSchema,
  address: text.optional(),
  windows: z.array(ServiceWindowSchema).min(1),
});
/** A hall and its windows. */
export type Hall = z.infer<typeof HallSchema>;
