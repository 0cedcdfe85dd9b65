import { z } from 'zod';
import { listCaseMaterials } from '../../materials/use-cases';
import { materialDependencies } from '../../materials/wiring';
import { httpEndpoint } from '../../shared/http';
import { dependencies } from '../../shared/wiring';
import { caseIdSchema, getCaseView } from '../use-cases';

/** GET /v1/tenants/{tenantId}/cases/{caseId}: status, deadlines and lights, notices, materials and timeline. */
export const handler = httpEndpoint({ metric: 'CaseViewed', path: z.object({ caseId: caseIdSchema }) }, async ({ ctx, path }) => {
  const view = await getCaseView(dependencies(), ctx, path.caseId);
  const checklist = await listCaseMaterials(materialDependencies(), ctx, path.caseId);
  // 容缺: the result may not be released while a deferred material is still missing (the approval join relies on this)
  const missing = new Set(checklist.materials.filter((material) => material.status === 'missing').map((material) => material.materialId));
  const waitingFor = (view.deferredMaterials?.materialIds ?? []).filter((materialId) => missing.has(materialId));
  return { statusCode: 200, body: { ...view, materials: checklist.materials, missingMaterials: checklist.missing, release: { blocked: waitingFor.length > 0, waitingFor } } };
});
