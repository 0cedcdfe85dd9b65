import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RouteContract } from '../../functions/shared/api-contract';

const functionsRoot = join(__dirname, '..', '..', 'functions');

/** One route's contract and the module that declares it. */
export interface LocatedContract {
  readonly id: string;
  readonly contract: RouteContract;
  /** e.g. `functions/intake/http-contract.ts` */
  readonly module: string;
}

const looksLikeContract = (value: unknown): value is RouteContract =>
  typeof value === 'object' && value !== null && 'summary' in value && 'tag' in value && 'responses' in value && 'errors' in value;

/**
 * Every route contract of the platform, found by convention: each `functions/<context>/http-contract.ts` exports its
 * contracts as `<name>Contracts` (`routeContracts({...})`), keyed by the function definition id of the route. A new
 * context needs no registration here; the unit test holds the contracts and the definitions to each other.
 */
export function routeContractsOfFunctions(root: string = functionsRoot): ReadonlyMap<string, LocatedContract> {
  const found = new Map<string, LocatedContract>();
  const contexts = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'http-contract.ts')))
    .map((entry) => entry.name)
    .sort();
  for (const context of contexts) {
    const module = `functions/${context}/http-contract.ts`;
    const exported = require(join(root, context, 'http-contract')) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) {
      if (!name.endsWith('Contracts') || typeof value !== 'object' || value === null) continue;
      for (const [id, contract] of Object.entries(value)) {
        if (!looksLikeContract(contract)) throw new Error(`${module}: ${name}.${id} is not a RouteContract`);
        const earlier = found.get(id);
        if (earlier) throw new Error(`the contract of ${id} is declared twice: in ${earlier.module} and in ${module}`);
        found.set(id, { id, contract, module });
      }
    }
  }
  return found;
}
