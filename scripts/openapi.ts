/**
 * Writes schemas/openapi.json, the platform's OpenAPI 3.1 document, generated from the HTTP function definitions and
 * the route contracts (infra/openapi/), and schemas/openapi.d.ts, its TypeScript types for the typed client
 * (scripts/api/client.ts, openapi-typescript). Usage: `npm run openapi`. The unit tests test/unit/openapi-document.test.ts
 * and test/unit/openapi-types.test.ts fail when a committed file differs from what this writes, so a contract change
 * ships with its document and its types.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateOpenApiDocument, renderOpenApiDocument } from '../infra/openapi/document';

export const openApiFile = join(__dirname, '..', 'schemas', 'openapi.json');

async function main(): Promise<void> {
  const { document, missingContracts, contractsWithoutRoute } = generateOpenApiDocument();
  if (contractsWithoutRoute.length > 0) {
    console.error(`contracts without an HTTP route (infra/definitions/functions): ${contractsWithoutRoute.join(', ')}`);
    process.exit(1);
  }
  const text = renderOpenApiDocument(document);
  writeFileSync(openApiFile, text);
  const operations = Object.values(document.paths as Record<string, object>).reduce((count, methods) => count + Object.keys(methods).length, 0);
  console.log(`wrote schemas/openapi.json: ${operations} operations`);
  // the types of what was written, read back as JSON, so they are the types of the committed text; loaded here only,
  // so the tests that import openApiFile do not load openapi-typescript (an ES-module dependency jest cannot load)
  const { openApiTypesFile, renderOpenApiTypes } = await import('./api/openapi-types');
  writeFileSync(openApiTypesFile, await renderOpenApiTypes(JSON.parse(text)));
  console.log('wrote schemas/openapi.d.ts (openapi-typescript)');
  if (missingContracts.length > 0) {
    // left out of the document until their context's http-contract.ts describes them (the unit test stays red meanwhile)
    console.warn(`missing contracts (${missingContracts.length} routes left out):\n  ${missingContracts.join('\n  ')}`);
  }
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(error);
    process.exit(1);
  });
}
