import { z } from 'zod';
import { caseResults } from '../../certificates/use-cases';
import { certificateDependencies } from '../../certificates/wiring';
import { listCaseMaterials } from '../../materials/use-cases';
import { materialDependencies } from '../../materials/wiring';
import { httpEndpoint } from '../../shared/http';
import { dependencies } from '../../shared/wiring';
import { caseIdSchema, getCaseView } from '../use-cases';

/** GET /v1/tenants/{tenantId}/cases/{caseId}: status, deadlines and lights, notices, materials, results and timeline. */
export const handler = httpEndpoint({ metric: 'CaseViewed', path: z.object({ caseId: caseIdSchema }) }, async ({ ctx, path }) => {
  const view = await getCaseView(dependencies(), ctx, path.caseId);
  const [checklist, results] = await Promise.all([
    listCaseMaterials(materialDependencies(), ctx, path.caseId),
    caseResults(certificateDependencies(), ctx, path.caseId),
  ]);
  // release.blocked: 容缺 materials still outstanding hold the result back (the approval join relies on it too)
  return {
    statusCode: 200,
    body: { ...view, materials: checklist.materials, missingMaterials: checklist.missing, release: results.release, certificates: results.certificates },
  };
});
