import { type Ref, ref, watchEffect } from 'vue';
import { answerOf, publicApi } from '@/api/client';
import { certificatesText } from './text';

/**
 * A certificate names its issuer by department code (the item's lead department); the item's public guide names that
 * department and the county, so the citizen reads 三都水族自治县国土局 rather than a code. One guide read per item.
 */
const guides = new Map<string, Promise<{ county: string; deptId: string; department: string } | undefined>>();

function leadDepartmentOf(tenantId: string, itemCode: string) {
  const key = `${tenantId}|${itemCode}`;
  let guide = guides.get(key);
  if (!guide) {
    guide = answerOf(publicApi.GET('/v1/tenants/{tenantId}/items/{itemCode}', { params: { path: { tenantId, itemCode } } })).then(
      ({ tenant, leadDepartment }) => (leadDepartment ? { county: tenant.name, deptId: leadDepartment.deptId, department: leadDepartment.name } : undefined),
      () => undefined,
    );
    guides.set(key, guide);
  }
  return guide;
}

/** The issuer's name, or its code when the guide no longer names it (an item since changed or withdrawn). */
export function useIssuerName(certificate: () => { certificateNo: string; itemCode: string; issuingDepartment: string }): Ref<string | undefined> {
  const name = ref<string>();
  watchEffect(async (onCleanup) => {
    const { certificateNo, itemCode, issuingDepartment } = certificate();
    let replaced = false;
    onCleanup(() => (replaced = true));
    name.value = undefined;
    const lead = await leadDepartmentOf(certificateNo.slice(0, 6), itemCode);
    if (replaced) return;
    name.value = lead?.deptId === issuingDepartment ? certificatesText.issuer(lead.county, lead.department) : issuingDepartment;
  });
  return name;
}
