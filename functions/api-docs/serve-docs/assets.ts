import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The files of swagger-ui-dist the docs page loads, by the name they are served under (`GET /docs/{asset}`). On AWS
 * they are copied into the function's bundle, in {@link bundledAssetFolder} beside the handler (the function definition
 * lists them as `bundledFiles`); locally they are read where npm installed them. Nothing is fetched from another host.
 */
export const swaggerUiAssets = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
} as const;

export type SwaggerUiAsset = keyof typeof swaggerUiAssets;

/** The folder of the bundle that holds the copied assets. */
export const bundledAssetFolder = 'swagger-ui';

/** The package the assets come from, as a path from the repository root (for the bundling step). */
export const swaggerUiPackage = 'node_modules/swagger-ui-dist';

const cache = new Map<SwaggerUiAsset, string>();

/** Resolved only where the package is installed; a name in a variable, so esbuild leaves it to run time (it is no module to bundle). */
const installedPackage = 'swagger-ui-dist/package.json';

/** Where the assets are: in the bundle on AWS, else the installed package (the local platform and the tests). */
function assetDirectory(): string {
  const bundled = join(__dirname, bundledAssetFolder);
  return existsSync(bundled) ? bundled : dirname(require.resolve(installedPackage));
}

export const isSwaggerUiAsset = (name: string): name is SwaggerUiAsset => Object.prototype.hasOwnProperty.call(swaggerUiAssets, name);

/** The asset's text, read once per cold start. */
export function swaggerUiAsset(name: SwaggerUiAsset): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(assetDirectory(), name), 'utf8');
    cache.set(name, text);
  }
  return text;
}
