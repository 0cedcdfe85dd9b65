/** The words of the certificate components (the facts of a certificate, the verification forms and verdicts), in one place. */
export const certificatesText = {
  facts: {
    name: '证照名称',
    number: '证照编号',
    holder: '持证人',
    idType: '证件类型',
    idNumber: '证件号码',
    issuer: '发证机关',
    validity: '有效期',
    issuedAt: '颁发日期',
    revokedAt: '撤销日期',
  },
  validity: (from: string, until: string) => `${from}至${until}`,
  permanent: (from: string) => `${from}起长期有效`,
  issuer: (county: string, department: string) => `${county}${department}`,

  mine: {
    number: '证照编号',
    validity: '有效期至',
    permanent: '长期有效',
    issuedAt: '颁发日期',
    view: '查看证照',
    hide: '收起证照',
    verify: '核验',
  },

  byNumber: {
    label: '证照编号',
    hint: '见电子证照或纸质证照上的编号，如 522732-2026-BUSINESS_LICENSE-CDZHR6AF80QD',
    submit: '核验',
    required: '请输入证照编号',
  },

  presented: {
    fileLabel: '选择证照文书文件',
    fileHint: '持证人交给您的电子证照文书文件（.json），在本机读取，不会上传。',
    chooseFile: '选择文件',
    noFile: '未选择文件',
    fileRead: (fileName: string) => `已读取文件：${fileName}，请核对下方内容后核验。`,
    fileTooLarge: '文件过大，电子证照文书不超过 1 MB，请确认所选文件',
    fileUnreadable: '无法读取该文件，请重新选择',
    textLabel: '证照文书内容',
    textHint: '也可以把持证人发给您的证照文书全文粘贴到这里，请勿删改任何字符。',
    submit: '核验所出示的证照',
    required: '请选择证照文书文件，或粘贴证照文书内容',
    malformed: '内容不是完整的电子证照文书，无法核验。请向持证人索取原文书，不要删改。',
  },

  checking: '正在核验…',
  errorPrefix: '错误：',

  verdict: {
    passed: '核验通过',
    failed: '核验未通过',
    validByNumber: '该电子证照由本平台签发，存档文书未被改动，现在有效。',
    validPresented: '所出示的证照文书由本平台签发，签名有效，内容与登记一致，现在有效。',
    revoked: '该证照已被撤销，不再有效。',
    expired: '该证照已超过有效期，不再有效。',
    invalid: '证照文书与平台登记不符，请勿采信。',
    unknown: '本平台没有该编号的电子证照，请核对编号。',
    reasonsHeading: '未通过的原因',
    recordHeading: '平台登记的证照信息',
    /** Every reason of the contract (CertificateVerdict.reasons) as a verifier reads it. */
    reasons: {
      DOCUMENT_MISSING: '平台存档的证照文书缺失',
      DOCUMENT_DIGEST_MISMATCH: '平台存档的证照文书已被改动',
      DOCUMENT_MALFORMED: '证照文书格式不正确，无法读取',
      SIGNATURE_INVALID: '电子签名不符，文书内容可能被篡改',
      RECORD_MISMATCH: '文书内容与平台登记的信息不一致',
      NOT_ISSUED: '本平台未颁发该编号的证照',
      REVOKED: '证照已被撤销',
      EXPIRED: '证照已超过有效期',
    } as Record<string, string>,
    otherReason: '证照未通过核验',
  },
} as const;
