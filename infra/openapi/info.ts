import { identitySettingsSchema } from '../../functions/shared/identity-settings';

/** The tags of the docs page, in the order a reader meets them, each with what it groups. */
export const tags: readonly { readonly name: string; readonly description: string }[] = [
  {
    name: '办件受理 Intake',
    description:
      '网上申报与窗口收件、受理决定（受理、一次性告知补正、不予受理、即办件）、视为受理、告知承诺核查、办件查询。\n\nFiling online and at the window, the acceptance decision (accept, 一次性告知 supplement once, reject, complete on the spot), deemed acceptance (视为受理), 告知承诺 post-verification and case lookups.',
  },
  {
    name: '材料 Materials',
    description:
      '电子材料的上传、核验与下载，以及免证办（引用电子证照库）。\n\nElectronic materials: declare, upload, verify and download files, and 免证办 (reference a certificate from the library).',
  },
  {
    name: '审批 Approval',
    description:
      '部门审批任务：认领（首问负责）、决定、挂起与恢复、转办。\n\nDepartment tasks of parallel approval (并联审批): claim, decide, suspend and resume, reassign.',
  },
  {
    name: '事项与日历 Catalogue',
    description:
      '事项库与办事指南、“一件事”套餐、工作日期限计算与法定节假日安排。\n\nThe catalogue of service items and their guides (办事指南), 一件事 bundles, working-day deadlines and the State Council holiday notices.',
  },
  {
    name: '证照与出件 Results',
    description: '电子证照核验、证照库、出件方式与交付。\n\nCertificate verification, the certificate library, how a result is delivered and its handover.',
  },
  {
    name: '评价与督查 Reviews',
    description:
      '好差评（一事一评）、投诉、整改台账（差评整改期限）、督查看板与审计记录。\n\nReviews (好差评, one per touchpoint), complaints, the rectification ledger and its deadlines, the supervision dashboard and the audit trail.',
  },
  {
    name: '接口文档 API docs',
    description: '本文档及其离线文档页面。\n\nThis document and its offline docs page.',
  },
];

/** The claim names a deployment uses unless its file says otherwise (functions/shared/identity-settings.ts). */
const defaultClaims = identitySettingsSchema.parse({
  citizen: { issuer: 'https://issuer.invalid', audiences: ['docs'] },
  staff: { issuer: 'https://issuer.invalid', audiences: ['docs'] },
});

const claimList = (claims: Readonly<Record<string, string>>) =>
  Object.entries(claims)
    .map(([meaning, claim]) => `\`${claim}\` (${meaning})`)
    .join(', ');

/** The two kinds of sign-in: an ID token of the citizens' issuer or of the staff issuer, as a bearer token. */
export const securitySchemes = {
  citizenBearer: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      '公众（申请人）的身份令牌：省统一身份认证平台或 Cognito 公众用户池签发的 ID token，`Authorization: Bearer <ID token>`。' +
      `本平台读取的声明（默认名称，部署文件可改）：${claimList(defaultClaims.citizen.claims)}。\n\n` +
      "A citizen's ID token from the citizens' issuer (the province's unified identity platform, or the Cognito citizen pool), " +
      `checked for its issuer and audience. Claims read (default names; a deployment file may rename them): ${claimList(defaultClaims.citizen.claims)}.`,
  },
  staffBearer: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      '工作人员的身份令牌：工作人员目录（Cognito 工作人员用户池或县级签发方）签发的 ID token，实名、带工号与角色。' +
      `本平台读取的声明（默认名称）：${claimList(defaultClaims.staff.claims)}；令牌所属县（区）须与路径中的县（区）一致。\n\n` +
      "A member of staff's ID token from the staff directory (the Cognito staff pool, or the county's issuer): real name, 工号 and role. " +
      `Claims read (default names): ${claimList(defaultClaims.staff.claims)}; the token's county must be the path's (otherwise 403 STAFF_OF_OTHER_TENANT).`,
  },
} as const;

export const info = (version: string) => ({
  title: '通办 Tongban 县级政务服务平台 API',
  summary: '县级政务服务“一网通办”的办件、审批、证照与好差评接口 / The API of a county-level government-services platform',
  description: [
    '县级政务服务平台的公开接口：网上申报与窗口收件、受理（一次性告知、容缺、告知承诺、视为受理）、并联审批、电子材料与电子证照、出件、好差评与整改、督查。',
    '',
    '- **租户**：县（区）以6位行政区划代码出现在路径中，如 `522732`（三都水族自治县）、`630103`（西宁市城中区）。',
    '- **登录**：每个接口只面向一类用户：公开、公众（`citizenBearer`）或工作人员（`staffBearer`）；调用者身份只取自已验证的令牌。',
    '- **幂等**：标注 `Idempotency-Key` 的写操作，重试时带上同一键即得到首次的应答。',
    '- **错误**：统一格式 `{code, message, messageZh, messageEn, requestId}`，每个状态下列出该接口可能返回的代码。',
    '',
    "The public API of a county's government-services platform: filing online and at the window, acceptance (一次性告知 notice once, 容缺 deferred materials, 告知承诺 commitments, deemed acceptance), parallel approval, electronic materials and certificates, result delivery, reviews and rectification, supervision.",
    '',
    '- **Tenant**: the county is in the path, by its 6-digit administrative division code.',
    '- **Sign-in**: each route has one audience: public, citizens (`citizenBearer`) or staff (`staffBearer`); who acts comes from the verified token only.',
    '- **Idempotency**: writes that take `Idempotency-Key` answer a retry with the same key with the first reply.',
    '- **Errors**: one envelope, `{code, message, messageZh, messageEn, requestId}`; each status lists the codes that route can answer there.',
    '',
    '本文档由代码生成（`npm run openapi`），集成测试按本文档校验每一个应答。 / Generated from the code (`npm run openapi`); the integration suite validates every answer it sees against it.',
  ].join('\n'),
  version,
});

/** Relative: the document describes the deployment that serves it (`npm start` locally, the HTTP API on AWS). */
export const servers = [{ url: '/', description: '提供本文档的部署 / The deployment serving this document' }];
