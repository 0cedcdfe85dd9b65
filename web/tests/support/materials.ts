/** Materials of 建设工程规划许可证核发 (config/tenants/522732.yaml) the tests upload, by id and by the name the page labels them with. */
export const materials = {
  application: { id: 'PLANNING_APPLICATION', name: '建设工程规划许可申请表' },
  designScheme: { id: 'DESIGN_SCHEME', name: '建设工程设计方案（总平面图及单体建筑方案）' },
  civilAirDefence: { id: 'CIVIL_AIR_DEFENCE_DESIGN', name: '防空地下室设计文件' },
} as const;

/** The accessible name of a material's file input. */
export const uploadLabel = (material: { readonly name: string }): string => `上传：${material.name}`;

/** The headings of an item's guide, in the order the page promises them. */
export const guideSections = ['设定依据', '申请条件', '申请材料', '办理时限', '收费标准', '办理流程', '特别程序', '办理地点'] as const;
