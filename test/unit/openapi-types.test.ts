import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/**
 * The typed client's types (issue 13, item 4): schemas/openapi.d.ts is what `npm run openapi` generates from
 * schemas/openapi.json. The generator runs in a process of its own: openapi-typescript requires an ES module
 * (parse-json), which Node loads and jest's module system does not.
 */
describe('given the committed OpenAPI document', () => {
  it('when its types are generated, then the committed schemas/openapi.d.ts is the same (run npm run openapi)', () => {
    const run = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'scripts', 'api', 'openapi-types.ts')], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    const committed = readFileSync(join(root, 'schemas', 'openapi.d.ts'), 'utf8').split('\n');
    const fresh = run.stdout.split('\n');
    const line = fresh.findIndex((text, index) => committed[index] !== text);
    // the first line that differs, rather than two 8,000-line texts
    const difference = line === -1 && committed.length === fresh.length ? undefined : { line: line + 1, committed: committed[line], generated: fresh[line] };
    expect({ difference, fix: 'npm run openapi' }).toEqual({ difference: undefined, fix: 'npm run openapi' });
  });
});
