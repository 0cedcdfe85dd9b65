/**
 * Generates the JSON Schema files under `schemas/` from their zod sources, so editors, other languages and
 * reviewers see the same rules the code enforces. Usage: `npx tsx scripts/generate-schemas.ts`.
 *
 * A unit test compares the committed files with {@link generateSchemaFiles}, so a schema change without a
 * regeneration fails the build.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { TenantConfigSchema } from '../functions/catalogue/domain/tenant-config';

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
  return [{ relativePath: 'schemas/tenant-config.schema.json', content: render(TenantConfigSchema) }];
}

if (require.main === module) {
  const repositoryRoot = path.resolve(__dirname, '..');
  for (const file of generateSchemaFiles()) {
    writeFileSync(path.join(repositoryRoot, file.relativePath), file.content);
    console.log(`wrote ${file.relativePath}`);
  }
}
