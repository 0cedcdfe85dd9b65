/**
 * Generates the JSON Schema files under `schemas/` from their zod sources, so editors, other languages and
 * reviewers see the same rules the code enforces. Usage: `npx tsx scripts/generate-schemas.ts`.
 *
 * A unit test compares the committed files with {@link generateSchemaFiles}, so a schema change without a
 * regeneration fails the build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { TenantConfigSchema } from '../functions/catalogue/domain/tenant-config/index';
import { taskDecisionBody, taskMessageSchema } from '../functions/approval/use-cases';
import { caseEventSchema } from '../functions/kernel/events/case-events';
import { acceptanceBody, createCaseBody, postVerificationBody, progressLookupBody, resubmissionBody } from '../functions/intake/use-cases';
import { libraryReferenceBody, uploadRequestBody } from '../functions/materials/use-cases';
import { deliveryChoiceBody, handoverBody, presentedCertificateBody } from '../functions/certificates/use-cases';
import { reviewEventSchema } from '../functions/kernel/events/review-events';
import { complaintBody, reviewBody, stepBody } from '../functions/reviews/use-cases';

/** A schema file to write, relative to the repository root. */
export interface GeneratedSchemaFile {
  relativePath: string;
  content: string;
}

/** Renders a zod schema as the JSON Schema of what authors write (input side: fields with defaults are optional). */
function render(schema: z.ZodType): string {
  return `${JSON.stringify(z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }), null, 2)}\n`;
}

/** Every generated schema file with its content. */
export function generateSchemaFiles(): GeneratedSchemaFile[] {
  return [
    { relativePath: 'schemas/tenant-config.schema.json', content: render(TenantConfigSchema) },
    { relativePath: 'schemas/requests/create-case.v1.schema.json', content: render(createCaseBody) },
    { relativePath: 'schemas/requests/acceptance-decision.v1.schema.json', content: render(acceptanceBody) },
    { relativePath: 'schemas/requests/task-decision.v1.schema.json', content: render(taskDecisionBody) },
    { relativePath: 'schemas/requests/resubmission.v1.schema.json', content: render(resubmissionBody) },
    { relativePath: 'schemas/requests/case-progress.v1.schema.json', content: render(progressLookupBody) },
    { relativePath: 'schemas/requests/post-verification.v1.schema.json', content: render(postVerificationBody) },
    { relativePath: 'schemas/requests/material-upload.v1.schema.json', content: render(uploadRequestBody) },
    { relativePath: 'schemas/requests/material-library-reference.v1.schema.json', content: render(libraryReferenceBody) },
    { relativePath: 'schemas/events/case-event.v1.schema.json', content: render(caseEventSchema) },
    { relativePath: 'schemas/requests/certificate-verification.v1.schema.json', content: render(presentedCertificateBody) },
    { relativePath: 'schemas/requests/result-delivery.v1.schema.json', content: render(deliveryChoiceBody) },
    { relativePath: 'schemas/requests/result-handover.v1.schema.json', content: render(handoverBody) },
    { relativePath: 'schemas/events/department-task-dispatched.v1.schema.json', content: render(taskMessageSchema) },
    { relativePath: 'schemas/events/review-event.v1.schema.json', content: render(reviewEventSchema) },
    { relativePath: 'schemas/requests/review.v1.schema.json', content: render(reviewBody) },
    { relativePath: 'schemas/requests/complaint.v1.schema.json', content: render(complaintBody) },
    { relativePath: 'schemas/requests/rectification-step.v1.schema.json', content: render(stepBody) },
  ];
}

if (require.main === module) {
  const repositoryRoot = path.resolve(__dirname, '..');
  for (const file of generateSchemaFiles()) {
    mkdirSync(path.dirname(path.join(repositoryRoot, file.relativePath)), { recursive: true });
    writeFileSync(path.join(repositoryRoot, file.relativePath), file.content);
    console.log(`wrote ${file.relativePath}`);
  }
}
